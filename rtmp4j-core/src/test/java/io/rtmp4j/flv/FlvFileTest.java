package io.rtmp4j.flv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FLV header, tag header, reader and writer: flv-10.1.txt Annex E.2, E.3, E.4.1. */
public class FlvFileTest {

    /** A hand-built file: header, PreviousTagSize0, a script tag, a video tag, each with its back-pointer. */
    static final byte[] GOLDEN = bytes(
            // E.2 FLV header
            0x46, 0x4C, 0x56,             // Signature "FLV"
            0x01,                         // Version 1
            0x05,                         // TypeFlagsReserved 00000, Audio 1, Reserved 0, Video 1
            0x00, 0x00, 0x00, 0x09,       // DataOffset 9
            // E.3 body
            0x00, 0x00, 0x00, 0x00,       // PreviousTagSize0 = 0
            // E.4.1 tag 0
            0x12,                         // Reserved 00, Filter 0, TagType 18 (script data)
            0x00, 0x00, 0x03,             // DataSize 3
            0x00, 0x00, 0x00,             // Timestamp 0
            0x00,                         // TimestampExtended 0
            0x00, 0x00, 0x00,             // StreamID 0
            0x05, 0x05, 0x05,             // body: three AMF0 nulls (opaque here)
            0x00, 0x00, 0x00, 0x0E,       // PreviousTagSize1 = 11 + 3 = 14
            // tag 1
            0x09,                         // Filter 0, TagType 9 (video)
            0x00, 0x00, 0x02,             // DataSize 2
            0x34, 0x56, 0x78,             // Timestamp, lower 24 bits 0x345678
            0x12,                         // TimestampExtended: upper 8 bits -> 0x12345678
            0x00, 0x00, 0x00,             // StreamID 0
            0x17, 0x01,                   // body
            0x00, 0x00, 0x00, 0x0D);      // PreviousTagSize2 = 11 + 2 = 13

    public static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    static List<FlvTag> readAll(byte[] file) throws IOException {
        List<FlvTag> tags = new ArrayList<>();
        try (FlvReader r = FlvReader.open(new ByteArrayInputStream(file))) {
            for (FlvTag t; (t = r.next()) != null; ) {
                tags.add(t);
            }
        }
        return tags;
    }

    @Test
    void headerGolden() {
        FlvHeader h = FlvHeader.decode(GOLDEN, 0);
        assertThat(h).isEqualTo(new FlvHeader(1, true, true, 9));
        assertThat(h.encode()).containsExactly(Arrays.copyOf(GOLDEN, 9));
        assertThat(FlvHeader.of(true, false).encode()).containsExactly(bytes(0x46, 0x4C, 0x56, 1, 0x04, 0, 0, 0, 9));
        assertThat(FlvHeader.of(false, true).encode()).containsExactly(bytes(0x46, 0x4C, 0x56, 1, 0x01, 0, 0, 0, 9));
    }

    @Test
    void headerIgnoresReservedFlagBits() {
        // TypeFlagsReserved "shall be 0": ignored on reading, so 0xFA (reserved bits set, audio 0, video 0)
        FlvHeader h = FlvHeader.decode(bytes(0x46, 0x4C, 0x56, 1, 0xFA, 0, 0, 0, 9), 0);
        assertThat(h.hasAudio()).isFalse();
        assertThat(h.hasVideo()).isFalse();
    }

    @Test
    void headerRejectsBadSignatureAndOffset() {
        assertThatThrownBy(() -> FlvHeader.decode(bytes(0x46, 0x4C, 0x57, 1, 5, 0, 0, 0, 9), 0))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("not an FLV file");
        assertThatThrownBy(() -> FlvHeader.decode(bytes(0x46, 0x4C, 0x56, 1, 5, 0, 0, 0, 8), 0))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("DataOffset 8");
        assertThatThrownBy(() -> FlvHeader.decode(bytes(0x46, 0x4C, 0x56), 0))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("truncated");
    }

    @Test
    void tagHeaderGoldenWithExtendedTimestamp() {
        FlvTagHeader th = FlvTagHeader.decode(GOLDEN, 13 + 3 + 11 + 4);
        assertThat(th).isEqualTo(new FlvTagHeader(false, 9, 2, 0x12345678L, 0));
        byte[] again = th.encode();
        assertThat(again).containsExactly(Arrays.copyOfRange(GOLDEN, 31, 42));
        // the largest timestamp: UI24 0xFFFFFF and extended 0xFF
        FlvTagHeader max = new FlvTagHeader(false, 8, 0, 0xFFFF_FFFFL, 0);
        assertThat(max.encode()).containsExactly(bytes(0x08, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0));
        assertThat(FlvTagHeader.decode(max.encode(), 0).timestamp()).isEqualTo(0xFFFF_FFFFL);
        // Filter bit and StreamID
        FlvTagHeader f = FlvTagHeader.decode(bytes(0x28, 0, 0, 1, 0, 0, 0, 0, 0xAB, 0xCD, 0xEF), 0);
        assertThat(f).isEqualTo(new FlvTagHeader(true, 8, 1, 0, 0xABCDEF));
        // reserved bits (0xC0) are ignored
        assertThat(FlvTagHeader.decode(bytes(0xC9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 0).tagType()).isEqualTo(9);
    }

    @Test
    void readsGolden() throws IOException {
        List<FlvTag> tags = readAll(GOLDEN);
        assertThat(tags).containsExactly(
                FlvTag.script(0, bytes(5, 5, 5)),
                FlvTag.video(0x12345678L, bytes(0x17, 0x01)));
        assertThat(tags.get(0).tagSize()).isEqualTo(14);
    }

    @Test
    void writesGolden() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlvWriter w = FlvWriter.open(out, true, true)) {
            w.write(FlvTag.script(0, bytes(5, 5, 5)));
            w.write(FlvTag.TYPE_VIDEO, 0x12345678L, bytes(0x17, 0x01));
            assertThat(w.bytesWritten()).isEqualTo(GOLDEN.length);
            assertThat(w.tagCount()).isEqualTo(2);
        }
        assertThat(out.toByteArray()).containsExactly(GOLDEN);
    }

    @Test
    void roundTripsEveryTagTypeAndTimestampEdge() throws IOException {
        List<FlvTag> tags = List.of(
                FlvTag.script(0, new byte[0]),
                FlvTag.audio(0, bytes(0xAF, 0x00, 0x12, 0x10)),
                FlvTag.video(0xFF_FFFFL, bytes(0x17, 0, 0, 0, 0)),       // last 24-bit timestamp
                FlvTag.video(0x100_0000L, bytes(0x27, 1, 0, 0, 0)),      // first that needs TimestampExtended
                FlvTag.of(31, 0xFFFF_FFFFL, bytes(1, 2, 3)),             // unknown type, kept opaquely
                new FlvTag(8, 5, 0xFF_FFFF, new byte[70_000]));           // non-zero StreamID, a large body
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlvWriter w = FlvWriter.open(out, FlvHeader.of(true, true))) {
            for (FlvTag t : tags) {
                w.write(t);
            }
        }
        byte[] file = out.toByteArray();
        assertThat(readAll(file)).containsExactlyElementsOf(tags);
        // bytes -> read -> write -> identical bytes
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        try (FlvReader r = FlvReader.open(new ByteArrayInputStream(file));
                FlvWriter w = FlvWriter.open(again, r.header())) {
            for (FlvTag t; (t = r.next()) != null; ) {
                w.write(t);
            }
        }
        assertThat(again.toByteArray()).containsExactly(file);
    }

    @Test
    void largerDataOffsetIsSkippedAndWritten() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlvWriter w = FlvWriter.open(out, new FlvHeader(1, false, true, 12))) {
            w.write(FlvTag.video(1, bytes(0x17)));
        }
        byte[] file = out.toByteArray();
        assertThat(Arrays.copyOfRange(file, 9, 16)).containsExactly(0, 0, 0, /* PTS0 */ 0, 0, 0, 0);
        try (FlvReader r = FlvReader.open(new ByteArrayInputStream(file))) {
            assertThat(r.header().dataOffset()).isEqualTo(12);
            assertThat(r.next()).isEqualTo(FlvTag.video(1, bytes(0x17)));
            assertThat(r.next()).isNull();
            assertThat(r.position()).isEqualTo(file.length);
        }
    }

    @Test
    void headerOnlyFilesAreEmpty() throws IOException {
        assertThat(readAll(Arrays.copyOf(GOLDEN, 9))).isEmpty();
        assertThat(readAll(Arrays.copyOf(GOLDEN, 13))).isEmpty();
    }

    @Test
    void readsFromByteBuffer() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(GOLDEN.length + 3);
        buf.put(bytes(1, 2, 3)).put(GOLDEN).flip().position(3);
        try (FlvReader r = FlvReader.open(buf, FlvReader.Limits.DEFAULT)) {
            assertThat(r.next().isScript()).isTrue();
            assertThat(r.next().isVideo()).isTrue();
            assertThat(r.next()).isNull();
        }
        assertThat(buf.position()).isEqualTo(3);
    }

    @Test
    void truncationAtEveryByteIsACleanError() throws IOException {
        // Cut the golden file at every length: a cut at a tag boundary (after a PreviousTagSize) is a clean,
        // shorter file; any other cut is an FlvFormatException, never another exception.
        int[] boundaries = {9, 13, 31, GOLDEN.length};
        for (int len = 0; len <= GOLDEN.length; len++) {
            byte[] cut = Arrays.copyOf(GOLDEN, len);
            final int l = len;
            boolean boundary = Arrays.stream(boundaries).anyMatch(b -> b == l);
            if (boundary) {
                assertThat(readAll(cut)).as("cut at %d", len).hasSize(len == GOLDEN.length ? 2 : len == 31 ? 1 : 0);
            } else {
                assertThatThrownBy(() -> readAll(cut)).as("cut at %d", len)
                        .isInstanceOf(FlvFormatException.class).hasMessageContaining("truncated");
            }
        }
    }

    @Test
    void missingLastBackPointerReturnsTheTagThenReportsTruncation() throws IOException {
        byte[] cut = Arrays.copyOf(GOLDEN, GOLDEN.length - 4); // the last tag is whole, its PreviousTagSize gone
        try (FlvReader r = FlvReader.open(new ByteArrayInputStream(cut))) {
            assertThat(r.next().isScript()).isTrue();
            assertThat(r.next()).isEqualTo(FlvTag.video(0x12345678L, bytes(0x17, 0x01)));
            assertThatThrownBy(r::next).isInstanceOfSatisfying(FlvFormatException.class, e -> {
                assertThat(e.resumable()).isFalse();
                assertThat(e.tagIndex()).isEqualTo(1);
                assertThat(e.getMessage()).contains("no PreviousTagSize after tag 1");
            });
            assertThatThrownBy(r::next).isInstanceOf(FlvFormatException.class);
        }
    }

    @Test
    void truncatedBodyNamesTheTag() throws IOException {
        byte[] cut = Arrays.copyOf(GOLDEN, 43); // tag 1 header + 1 of 2 body bytes
        try (FlvReader r = FlvReader.open(new ByteArrayInputStream(cut))) {
            r.next();
            assertThatThrownBy(r::next).isInstanceOfSatisfying(FlvFormatException.class, e -> {
                assertThat(e.resumable()).isFalse();
                assertThat(e.tagIndex()).isEqualTo(1);
                assertThat(e.offset()).isEqualTo(31);
                assertThat(e.header()).contains(new FlvTagHeader(false, 9, 2, 0x12345678L, 0));
                assertThat(e.getMessage()).contains("tag 1 (video, timestamp 305419896, DataSize 2) ends after 1 body bytes");
            });
        }
    }

    @Test
    void badBackPointerIsReportedWithTheTagAndReadingGoesOn() throws IOException {
        byte[] bad = GOLDEN.clone();
        bad[30] = 0x0F; // PreviousTagSize1 = 15 instead of 14
        try (FlvReader r = FlvReader.open(new ByteArrayInputStream(bad))) {
            assertThatThrownBy(r::next).isInstanceOfSatisfying(FlvFormatException.class, e -> {
                assertThat(e.resumable()).isTrue();
                assertThat(e.tagIndex()).isZero();
                assertThat(e.tag()).contains(FlvTag.script(0, bytes(5, 5, 5)));
                assertThat(e.getMessage()).contains("PreviousTagSize is 15, expected 11 + 3 = 14");
            });
            assertThat(r.next()).isEqualTo(FlvTag.video(0x12345678L, bytes(0x17, 0x01)));
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void nonZeroPreviousTagSize0IsResumable() throws IOException {
        byte[] bad = GOLDEN.clone();
        bad[12] = 1;
        try (FlvReader r = FlvReader.open(new ByteArrayInputStream(bad))) {
            assertThatThrownBy(r::next).isInstanceOfSatisfying(FlvFormatException.class, e -> {
                assertThat(e.resumable()).isTrue();
                assertThat(e.tagIndex()).isEqualTo(-1);
                assertThat(e.getMessage()).contains("PreviousTagSize0 is 1");
            });
            assertThat(r.next().isScript()).isTrue();
        }
    }

    @Test
    void encryptedTagIsRefusedAndSkipped() throws IOException {
        byte[] bad = GOLDEN.clone();
        bad[13] = 0x32; // Filter 1, TagType 18
        try (FlvReader r = FlvReader.open(new ByteArrayInputStream(bad))) {
            assertThatThrownBy(r::next).isInstanceOfSatisfying(FlvFormatException.class, e -> {
                assertThat(e.resumable()).isTrue();
                assertThat(e.header().orElseThrow().filter()).isTrue();
                assertThat(e.tag()).isEmpty();
                assertThat(e.getMessage()).contains("Filter = 1");
            });
            assertThat(r.next().isVideo()).isTrue();
        }
    }

    @Test
    void tagOverTheLimitIsSkippedWithoutBuffering() throws IOException {
        FlvReader.Limits limits = new FlvReader.Limits(2);
        try (FlvReader r = FlvReader.open(new ByteArrayInputStream(GOLDEN), limits)) {
            assertThatThrownBy(r::next).isInstanceOfSatisfying(FlvFormatException.class, e -> {
                assertThat(e.resumable()).isTrue();
                assertThat(e.getMessage()).contains("DataSize exceeds the limit of 2 bytes");
            });
            assertThat(r.next()).isEqualTo(FlvTag.video(0x12345678L, bytes(0x17, 0x01)));
        }
        // A declared 16 MiB - 1 body in a 48-byte file: nothing near that size is allocated up front,
        // and the truncation is reported.
        byte[] huge = GOLDEN.clone();
        huge[14] = (byte) 0xFF;
        huge[15] = (byte) 0xFF;
        huge[16] = (byte) 0xFF;
        assertThatThrownBy(() -> readAll(huge)).isInstanceOf(FlvFormatException.class)
                .hasMessageContaining("ends after 24 body bytes");
        assertThatThrownBy(() -> FlvReader.open(new ByteArrayInputStream(huge), new FlvReader.Limits(1000)).next())
                .isInstanceOf(FlvFormatException.class).hasMessageContaining("ends before its declared size");
    }

    @Test
    void unknownTagTypeIsSurfacedOpaquely() throws IOException {
        byte[] odd = GOLDEN.clone();
        odd[13] = 0x0F; // TagType 15 (not defined by E.4.1)
        List<FlvTag> tags = readAll(odd);
        assertThat(tags.get(0).tagType()).isEqualTo(15);
        assertThat(tags.get(0).body()).containsExactly(5, 5, 5);
        assertThat(FlvTag.typeName(15)).isEqualTo("15");
    }

    @Test
    void badSignatureAndShortHeader() {
        assertThatThrownBy(() -> FlvReader.open(new ByteArrayInputStream("GIF89a...".getBytes())))
                .isInstanceOf(FlvFormatException.class).hasMessageContaining("not an FLV file");
        assertThatThrownBy(() -> FlvReader.open(new ByteArrayInputStream(bytes(0x46, 0x4C))))
                .isInstanceOf(FlvFormatException.class).hasMessageContaining("2 of 9 header bytes");
        byte[] farOffset = Arrays.copyOf(GOLDEN, 13);
        farOffset[8] = 100;
        assertThatThrownBy(() -> FlvReader.open(new ByteArrayInputStream(farOffset)))
                .isInstanceOf(FlvFormatException.class).hasMessageContaining("DataOffset 100");
    }

    @Test
    void oneByteAtATimeStreamReadsTheSame() throws IOException {
        InputStream trickle = new InputStream() {
            int i;

            @Override
            public int read() {
                return i < GOLDEN.length ? GOLDEN[i++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                int c = read();
                if (c < 0) {
                    return -1;
                }
                b[off] = (byte) c;
                return 1;
            }
        };
        List<FlvTag> tags = new ArrayList<>();
        try (FlvReader r = FlvReader.open(trickle)) {
            for (FlvTag t; (t = r.next()) != null; ) {
                tags.add(t);
            }
        }
        assertThat(tags).containsExactlyElementsOf(readAll(GOLDEN));
    }

    @Test
    void tagValueChecks() {
        assertThatThrownBy(() -> FlvTag.of(32, 0, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlvTag.video(-1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlvTag.video(1L << 32, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlvTag.video(0, new byte[FlvTag.MAX_DATA_SIZE + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FlvTag.video(0, bytes(1))).isEqualTo(FlvTag.video(0, bytes(1)))
                .hasSameHashCodeAs(FlvTag.video(0, bytes(1)));
        assertThat(FlvTag.audio(7, bytes(1, 2)).encode()).containsExactly(8, 0, 0, 2, 0, 0, 7, 0, 0, 0, 0, 1, 2);
    }

    @Test
    void nonDecreasingPolicyRaisesLateTimestampsPerTagType() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlvWriter w = FlvWriter.open(out, FlvHeader.of(true, true), FlvWriter.TimestampPolicy.NON_DECREASING)) {
            w.write(FlvTag.video(40, bytes(1)));
            w.write(FlvTag.audio(20, bytes(2)));   // audio behind video: another type, kept
            w.write(FlvTag.video(30, bytes(3)));   // video going back: raised to 40
            w.write(FlvTag.audio(21, bytes(4)));
            w.write(FlvTag.video(80, bytes(5)));
            assertThat(w.adjustedTimestamps()).isEqualTo(1);
        }
        assertThat(readAll(out.toByteArray())).extracting(FlvTag::timestamp).containsExactly(40L, 20L, 40L, 21L, 80L);
        ByteArrayOutputStream asGiven = new ByteArrayOutputStream();
        try (FlvWriter w = FlvWriter.open(asGiven, FlvHeader.of(true, true))) {
            w.write(FlvTag.video(40, bytes(1)));
            w.write(FlvTag.video(30, bytes(3)));
            assertThat(w.adjustedTimestamps()).isZero();
        }
        assertThat(readAll(asGiven.toByteArray())).extracting(FlvTag::timestamp).containsExactly(40L, 30L);
    }
}
