package io.rtmp4j.netty.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.flv.FlvHeader;
import io.rtmp4j.flv.FlvReader;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.ScriptTag;
import io.rtmp4j.message.DataMessage;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FlvFileRecorder}: the FLV a player writes (flv-10.1.txt Annex E) from what a server sends. */
class FlvFileRecorderTest {

    @TempDir
    Path tmp;

    // legacy AVC (E.4.3.1): FrameType(4) CodecID(4) = 0x17 key / 0x27 inter, AVCPacketType, CompositionTime(3)
    static final byte[] AVC_HEADER = {0x17, 0, 0, 0, 0, 1, 0x42};
    static final byte[] KEY = {0x17, 1, 0, 0, 0, 9};
    static final byte[] INTER = {0x27, 1, 0, 0, 0, 8};
    // AAC (E.4.2.1): 0xAF = AAC, 44 kHz, 16 bit, stereo; AACPacketType 0 = sequence header, 1 = raw
    static final byte[] AAC_HEADER = {(byte) 0xAF, 0, 0x12, 0x10};
    static final byte[] AAC = {(byte) 0xAF, 1, 7};

    static Metadata metadata(Amf0Value props) {
        DataMessage m = DataMessage.onMetaData(1, props);
        return new Metadata(1, 0, m, ScriptTag.of("onMetaData", props).encode());
    }

    List<FlvTag> read(Path file) throws IOException {
        List<FlvTag> tags = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); FlvReader r = FlvReader.open(in)) {
            for (FlvTag t; (t = r.next()) != null; ) {
                tags.add(t);
            }
        }
        return tags;
    }

    @Test
    void metadataFirstAsAnEcmaArrayTimestampsFromZeroAndHeaderFlags() throws IOException {
        Path f = tmp.resolve("a.flv");
        FlvFileRecorder r = FlvFileRecorder.create(f);
        // media before metadata (a server may send it so): held back until onMetaData
        r.onMedia(MediaKind.VIDEO, 5000, AVC_HEADER);
        r.onMedia(MediaKind.VIDEO, 5000, KEY);
        // nginx-rtmp sends onMetaData with an AMF0 object; the file gets an ECMA array (E.5)
        r.onMetadata(metadata(Amf0Object.builder().put("width", 320.0).build()));
        r.onMedia(MediaKind.VIDEO, 5040, INTER);
        r.close();
        List<FlvTag> tags = read(f);
        assertThat(tags).extracting(FlvTag::tagType).containsExactly(18, 9, 9, 9);
        assertThat(tags).extracting(FlvTag::timestamp).containsExactly(0L, 0L, 0L, 40L);
        assertThat(tags.get(0).body()[0]).isEqualTo((byte) 0x02);           // string marker: "onMetaData"
        assertThat(tags.get(0).body()[13]).as("ECMA array marker (amf0.txt §2.10)").isEqualTo((byte) 0x08);
        assertThat(ScriptTag.decode(tags.get(0).body()).metaData().orElseThrow().number("width")).contains(320.0);
        // only video was written: TypeFlagsVideo only (E.2)
        byte[] head = new byte[9];
        try (InputStream in = Files.newInputStream(f)) {
            assertThat(in.readNBytes(head, 0, 9)).isEqualTo(9);
        }
        assertThat(FlvHeader.decode(head, 0)).isEqualTo(FlvHeader.of(false, true));
        assertThat(r.videoTags()).isEqualTo(3);
    }

    @Test
    void interFramesBeforeTheFirstKeyFrameAreDropped() throws IOException {
        Path f = tmp.resolve("b.flv");
        try (FlvFileRecorder r = FlvFileRecorder.create(f)) {
            r.onMetadata(metadata(Amf0Object.builder().put("width", 1.0).build()));
            r.onMedia(MediaKind.VIDEO, 100, INTER);   // joined mid-GOP: useless to a decoder
            r.onMedia(MediaKind.AUDIO, 100, AAC_HEADER);
            r.onMedia(MediaKind.VIDEO, 140, INTER);
            r.onMedia(MediaKind.VIDEO, 180, KEY);
            r.onMedia(MediaKind.VIDEO, 220, INTER);
        }
        List<FlvTag> tags = read(f);
        assertThat(tags).extracting(FlvTag::tagType).containsExactly(18, 8, 9, 9);
        assertThat(tags).extracting(FlvTag::timestamp).containsExactly(0L, 0L, 80L, 120L);
        assertThat(tags.get(2).body()).isEqualTo(KEY);
    }

    @Test
    void timestampsUnwrapPast32BitsAndNeverDecrease() throws IOException {
        Path f = tmp.resolve("c.flv");
        try (FlvFileRecorder r = FlvFileRecorder.create(f)) {
            r.onMetadata(metadata(Amf0Object.builder().put("width", 1.0).build()));
            r.onMedia(MediaKind.VIDEO, 0xFFFF_FFF0L, KEY);
            r.onMedia(MediaKind.AUDIO, 0xFFFF_FFF5L, AAC);
            r.onMedia(MediaKind.VIDEO, 0x0000_0008L, INTER);  // wrapped (rtmp-1.0.txt §5.3.1.2.1: modulo 2^32)
            r.onMedia(MediaKind.AUDIO, 0x0000_0004L, AAC);    // a few ms behind the video: held at the last
            r.onMedia(MediaKind.VIDEO, 0x0000_0030L, INTER);
            r.onMedia(MediaKind.VIDEO, 0x0000_1000L, INTER);
            // a republish restarting at 0: continues from the last timestamp instead of going back
            r.onMedia(MediaKind.VIDEO, 0, KEY);
            r.onMedia(MediaKind.VIDEO, 40, INTER);
        }
        assertThat(read(f)).extracting(FlvTag::timestamp).containsExactly(0L, 0L, 5L, 24L, 24L, 64L, 4112L, 4112L, 4152L);
    }

    @Test
    void aCuePointAtZeroMidStreamStaysWhereItArrivedAndDoesNotMoveTheTimeline() throws IOException {
        // rtmp4j sends cue points (and metadata) to players at timestamp 0 (docs/INTEROP.md "Media"); taken
        // for a restart, that would push every later frame 5 s ahead
        Path f = tmp.resolve("cue.flv");
        try (FlvFileRecorder r = FlvFileRecorder.create(f)) {
            r.onMetadata(metadata(Amf0Object.builder().put("width", 1.0).build()));
            r.onMedia(MediaKind.VIDEO, 5000, KEY);
            r.onMedia(MediaKind.AUDIO, 5010, AAC);
            r.onMedia(MediaKind.DATA, 0, ScriptTag.of("onCuePoint", Amf0Value.of("ad")).encode());
            r.onMedia(MediaKind.VIDEO, 5040, INTER);
            r.onMedia(MediaKind.DATA, 5050, ScriptTag.of("onTextData", Amf0Value.of("line")).encode());
            r.onMedia(MediaKind.VIDEO, 5080, INTER);
        }
        List<FlvTag> tags = read(f);
        assertThat(tags).extracting(FlvTag::tagType).containsExactly(18, 9, 8, 18, 9, 18, 9);
        assertThat(tags).extracting(FlvTag::timestamp).containsExactly(0L, 0L, 10L, 10L, 40L, 50L, 80L);
    }

    @Test
    void serverDataIsLeftOutOtherDataIsKept() throws IOException {
        Path f = tmp.resolve("d.flv");
        try (FlvFileRecorder r = FlvFileRecorder.create(f)) {
            r.onMetadata(metadata(Amf0Object.builder().put("width", 1.0).build()));
            r.onMedia(MediaKind.DATA, 0, ScriptTag.of("|RtmpSampleAccess", Amf0Value.of(true), Amf0Value.of(true))
                    .encode());
            r.onMedia(MediaKind.DATA, 0, ScriptTag.of("onCuePoint", Amf0Value.of("x")).encode());
            r.onMedia(MediaKind.DATA, 0, new byte[] {1, 2, 3}); // not AMF0 script data
        }
        List<FlvTag> tags = read(f);
        assertThat(tags).hasSize(2);
        assertThat(ScriptTag.decode(tags.get(1).body()).name()).isEqualTo("onCuePoint");
    }

    @Test
    void withoutMetadataTheHeldTagsAreWrittenOnClose() throws IOException {
        Path f = tmp.resolve("e.flv");
        try (FlvFileRecorder r = FlvFileRecorder.create(f)) {
            r.onMedia(MediaKind.AUDIO, 10, AAC_HEADER);
            r.onMedia(MediaKind.AUDIO, 33, AAC);
        }
        assertThat(read(f)).extracting(FlvTag::timestamp).containsExactly(0L, 23L);
    }
}
