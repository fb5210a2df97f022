package io.rtmp4j.chunk;

import static io.rtmp4j.chunk.ChunkBytes.bytes;
import static io.rtmp4j.chunk.ChunkBytes.decodeOneByteAtATime;
import static io.rtmp4j.chunk.ChunkBytes.decodeRandomSlices;
import static io.rtmp4j.chunk.ChunkBytes.decodeWhole;
import static io.rtmp4j.chunk.ChunkBytes.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ChunkEncoderTest {

    private static byte[] encodeAll(ChunkEncoder e, List<RawMessage> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (RawMessage m : messages) {
            byte[] b = e.encode(m);
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    /** Basic header byte's fmt bits of the first chunk encoded for {@code m}. */
    private static int fmtOf(ChunkEncoder e, RawMessage m) {
        return (e.encode(m)[0] & 0xFF) >>> 6;
    }

    @Test
    void specExample1_encodesToTheSpecBytes_andBack() {
        byte[] expected = ChunkDecoderTest.specExample1();
        assertThat(encodeAll(new ChunkEncoder(), ChunkDecoderTest.specExample1Messages())).isEqualTo(expected);
        // bytes → decode → encode → identical bytes
        assertThat(encodeAll(new ChunkEncoder(), decodeWhole(expected))).isEqualTo(expected);
    }

    @Test
    void aDirectOrSlicedBufferPayloadEncodesLikeTheArrayAndIsLeftAsItWas() {
        // rtmp-1.0.txt §5.3.1 (spec example 2's layout: 307 bytes in 128-byte chunks, fmt 0 then fmt 3)
        byte[] body = payload(307, 9);
        ByteBuffer direct = ByteBuffer.allocateDirect(400);
        direct.position(50);
        direct.put(body);
        direct.position(50).limit(50 + body.length); // the payload sits at 50..357 of the buffer
        ByteBuffer out = ByteBuffer.allocate(1000);
        int n = new ChunkEncoder().encode(4, 9, 1000, 12346, direct, out);
        assertThat(java.util.Arrays.copyOf(out.array(), n)).isEqualTo(ChunkDecoderTest.specExample2());
        assertThat(direct.position()).isEqualTo(50);
        assertThat(direct.limit()).isEqualTo(50 + body.length);
        assertThat(out.position()).isEqualTo(n);
        ByteBuffer sliced = ByteBuffer.wrap(new byte[body.length + 10], 10, body.length).slice().put(body).flip();
        ByteBuffer out2 = ByteBuffer.allocate(1000);
        int n2 = new ChunkEncoder().encode(4, 9, 1000, 12346, sliced, out2);
        assertThat(java.util.Arrays.copyOf(out2.array(), n2)).isEqualTo(ChunkDecoderTest.specExample2());
    }

    @Test
    void specExample2_encodesToTheSpecBytes() {
        RawMessage m = new RawMessage(4, 9, 1000, 12346, payload(307, 9));
        assertThat(new ChunkEncoder().encode(m)).isEqualTo(ChunkDecoderTest.specExample2());
    }

    @Test
    void headerChoice() {
        ChunkEncoder e = new ChunkEncoder();
        byte[] p10 = new byte[10];
        assertThat(fmtOf(e, new RawMessage(4, 9, 100, 1, p10))).as("new chunk stream").isZero();
        assertThat(fmtOf(e, new RawMessage(4, 9, 100 + 100, 1, p10)))
                .as("delta 100 equals the fmt 0 timestamp, §5.3.1.2.4").isEqualTo(3);
        assertThat(fmtOf(e, new RawMessage(4, 9, 240, 1, p10))).as("only the delta changed").isEqualTo(2);
        assertThat(fmtOf(e, new RawMessage(4, 9, 280, 1, p10))).as("same delta 40").isEqualTo(3);
        assertThat(fmtOf(e, new RawMessage(4, 9, 320, 1, new byte[11]))).as("length changed").isEqualTo(1);
        assertThat(fmtOf(e, new RawMessage(4, 8, 360, 1, new byte[11]))).as("type changed").isEqualTo(1);
        assertThat(fmtOf(e, new RawMessage(4, 8, 400, 2, new byte[11]))).as("message stream changed").isZero();
        assertThat(fmtOf(e, new RawMessage(4, 8, 399, 2, new byte[11]))).as("timestamp went backwards").isZero();
        assertThat(fmtOf(e, new RawMessage(4, 8, 399, 2, new byte[11]))).as("delta 0 ≠ fmt 0 ts 399").isEqualTo(2);
        assertThat(fmtOf(e, new RawMessage(4, 8, 399, 2, new byte[11]))).as("delta 0 again").isEqualTo(3);
        e.forget(4);
        assertThat(fmtOf(e, new RawMessage(4, 8, 399, 2, new byte[11]))).as("after forget (dropped message)").isZero();
        assertThat(fmtOf(e, new RawMessage(5, 8, 399, 2, new byte[11]))).as("other chunk stream").isZero();
        assertThat(fmtOf(e, new RawMessage(5, 8, 400, 2, new byte[12]))).isEqualTo(1);
        e.forgetAll();
        assertThat(fmtOf(e, new RawMessage(4, 8, 500, 2, new byte[11]))).isZero();
        assertThat(fmtOf(e, new RawMessage(5, 8, 500, 2, new byte[11]))).isZero();
    }

    @Test
    void fmt1AndFmt2_goldenBytes() {
        ChunkEncoder e = new ChunkEncoder();
        e.encode(new RawMessage(6, 9, 100, 1, new byte[] {1, 2, 3}));
        assertThat(e.encode(new RawMessage(6, 8, 133, 1, new byte[] {4, 5}))).isEqualTo(bytes()
                .b(0x46)                   // fmt 1, csid 6
                .b(0x00, 0x00, 0x21)       // delta 33
                .b(0x00, 0x00, 0x02)       // length 2
                .b(0x08)                   // type 8
                .b(0x04, 0x05)             // payload
                .toArray());
        assertThat(e.encode(new RawMessage(6, 8, 140, 1, new byte[] {6, 7}))).isEqualTo(bytes()
                .b(0x86)                   // fmt 2, csid 6
                .b(0x00, 0x00, 0x07)       // delta 7
                .b(0x06, 0x07)             // payload
                .toArray());
    }

    @Test
    void basicHeaderForms_smallestThatHoldsTheId() {
        ChunkEncoder e = new ChunkEncoder();
        assertThat(e.encode(new RawMessage(63, 8, 0, 0, new byte[0]))).startsWith(0x3F); // 1-byte form
        assertThat(e.encode(new RawMessage(64, 8, 0, 0, new byte[0]))).startsWith(0x00, 0x00); // 2-byte: 64 - 64
        assertThat(e.encode(new RawMessage(319, 8, 0, 0, new byte[0]))).startsWith(0x00, 0xFF);
        assertThat(e.encode(new RawMessage(320, 8, 0, 0, new byte[0]))).startsWith(0x01, 0x00, 0x01); // 3-byte, LE
        assertThat(e.encode(new RawMessage(65599, 8, 0, 0, new byte[0]))).startsWith(0x01, 0xFF, 0xFF);
        assertThatThrownBy(() -> e.encode(new RawMessage(1, 8, 0, 0, new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.encode(new RawMessage(65600, 8, 0, 0, new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extendedTimestampIsRepeatedOnEveryContinuation() {
        RawMessage m = new RawMessage(4, 9, 0x01020304L, 1, payload(300, 5));
        // identical to the ffmpeg/OBS-style vector the decoder test reads
        assertThat(new ChunkEncoder().encode(m)).isEqualTo(ChunkDecoderTest.extendedFmt0(true));
    }

    @Test
    void extendedDeltaOnFmt1AndFmt3() {
        ChunkEncoder e = new ChunkEncoder();
        e.encode(new RawMessage(4, 9, 16, 1, new byte[] {0}));
        byte[] p = payload(200, 7);
        byte[] second = e.encode(new RawMessage(4, 9, 16 + 0x01000000L, 1, p));
        byte[] third = e.encode(new RawMessage(4, 9, 16 + 0x02000000L, 1, p));
        ChunkBytes v = bytes();
        v.b(0x44, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0xC8, 0x09); // fmt 1 csid 4, delta extended, len 200, type 9
        v.b(0x01, 0x00, 0x00, 0x00).raw(p, 0, 128);           // extended delta 0x01000000
        v.b(0xC4, 0x01, 0x00, 0x00, 0x00).raw(p, 128, 72);     // continuation repeats it
        assertThat(second).isEqualTo(v.toArray());
        ChunkBytes w = bytes();
        w.b(0xC4, 0x01, 0x00, 0x00, 0x00).raw(p, 0, 128);     // fmt 3 new message: same delta, field present
        w.b(0xC4, 0x01, 0x00, 0x00, 0x00).raw(p, 128, 72);
        assertThat(third).isEqualTo(w.toArray());
    }

    @Test
    void timestampWrapAroundGoesBackToFmt0() {
        ChunkEncoder e = new ChunkEncoder();
        assertThat(fmtOf(e, new RawMessage(4, 9, 0xFFFF_FFF0L, 1, new byte[1]))).isZero();
        RawMessage wrapped = new RawMessage(4, 9, 0x10, 1, new byte[1]);
        assertThat(fmtOf(e, wrapped)).isZero();
    }

    @Test
    void chunkSizeChange_appliesToTheFollowingMessages() {
        ChunkEncoder e = new ChunkEncoder();
        RawMessage big = new RawMessage(3, 20, 0, 0, payload(300, 1));
        assertThat(e.encodedLength(big)).isEqualTo(12 + 300 + 2);
        e.setChunkSize(4096);
        assertThat(e.encodedLength(big)).as("encodedLength does not encode: still fmt 0, now one chunk")
                .isEqualTo(12 + 300);
        e.encode(big);
        assertThat(e.encodedLength(big)).as("fmt 3 (delta 0 = fmt 0 timestamp 0), one chunk").isEqualTo(1 + 300);
        assertThatThrownBy(() -> e.setChunkSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodedLengthIsExact_andTooSmallBufferChangesNothing() {
        ChunkEncoder e = new ChunkEncoder();
        RawMessage m = new RawMessage(4, 9, 0x0100_0000L, 1, payload(1000, 1));
        int n = e.encodedLength(m);
        ByteBuffer small = ByteBuffer.allocate(n - 1);
        assertThatThrownBy(() -> e.encode(m, small)).isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isZero();
        ByteBuffer le = ByteBuffer.allocate(n + 3).order(ByteOrder.LITTLE_ENDIAN);
        le.put((byte) 0x55);
        assertThat(e.encode(m, le)).isEqualTo(n);
        assertThat(le.position()).isEqualTo(n + 1);
        byte[] written = new byte[n];
        le.flip().position(1);
        le.get(written);
        assertThat(decodeWhole(written)).containsExactly(m);
    }

    @Test
    void encodesASliceOfALargerArray() {
        ChunkEncoder e = new ChunkEncoder();
        byte[] backing = payload(500, 3);
        ByteBuffer out = ByteBuffer.allocate(e.encodedLength(5, 9, 7, 1, 200));
        e.encode(5, 9, 7, 1, backing, 100, 200, out);
        byte[] expectedPayload = java.util.Arrays.copyOfRange(backing, 100, 300);
        assertThat(decodeWhole(out.array())).containsExactly(new RawMessage(5, 9, 7, 1, expectedPayload));
    }

    /** encode → decode → equal, over random messages, chunk streams and chunk sizes (also changed midway). */
    @Test
    void randomRoundTrips() {
        for (long seed = 0; seed < 200; seed++) {
            Random rnd = new Random(seed);
            ChunkEncoder e = new ChunkEncoder();
            List<RawMessage> sent = new ArrayList<>();
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            int[] csids = {2, 3, 4, 5, 6, 63, 64, 100, 319, 320, 1000, 65599};
            long[] ts = new long[csids.length];
            int count = 1 + rnd.nextInt(40);
            for (int i = 0; i < count; i++) {
                RawMessage m;
                if (rnd.nextInt(8) == 0) {
                    int size = 1 + rnd.nextInt(rnd.nextBoolean() ? 300 : 70_000);
                    m = new RawMessage(2, 1, 0, 0, new byte[] {
                            (byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size});
                    byte[] b = e.encode(m);
                    wire.write(b, 0, b.length);
                    e.setChunkSize(size); // switch after sending Set Chunk Size (§5.4.1)
                } else {
                    int k = rnd.nextInt(csids.length);
                    switch (rnd.nextInt(6)) {
                        case 0 -> ts[k] = rnd.nextLong() & 0xFFFF_FFFFL;           // anywhere, even backwards
                        case 1 -> ts[k] = (ts[k] + 0xFF_FFF0L + rnd.nextInt(40)) & 0xFFFF_FFFFL; // near-extended deltas
                        case 2 -> { }                                           // same timestamp
                        default -> ts[k] = (ts[k] + rnd.nextInt(100)) & 0xFFFF_FFFFL;
                    }
                    int len = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : rnd.nextInt(rnd.nextBoolean() ? 400 : 20_000);
                    byte[] p = new byte[len];
                    rnd.nextBytes(p);
                    m = new RawMessage(csids[k], 8 + rnd.nextInt(3), ts[k], rnd.nextInt(3), p);
                    if (rnd.nextInt(20) == 0) {
                        e.forget(csids[k]);
                    }
                    byte[] b = e.encode(m);
                    wire.write(b, 0, b.length);
                }
                sent.add(m);
            }
            byte[] bytes = wire.toByteArray();
            assertThat(decodeWhole(bytes)).as("seed %d", seed).isEqualTo(sent);
            assertThat(decodeRandomSlices(new ChunkDecoder(), bytes, rnd)).as("seed %d slices", seed).isEqualTo(sent);
            if (seed < 20) {
                assertThat(decodeOneByteAtATime(bytes)).as("seed %d one byte at a time", seed).isEqualTo(sent);
            }
        }
    }

    /** bytes → decode → encode → identical bytes, for the encoder's own output. */
    @Test
    void reencodingDecodedMessagesReproducesTheBytes() {
        for (long seed = 0; seed < 50; seed++) {
            Random rnd = new Random(seed);
            ChunkEncoder e = new ChunkEncoder();
            List<RawMessage> msgs = new ArrayList<>();
            long t = rnd.nextInt(1000);
            for (int i = 0; i < 30; i++) {
                t += rnd.nextInt(3) * 20;
                msgs.add(new RawMessage(4 + rnd.nextInt(2), 9, t, 1, payload(rnd.nextInt(400), i)));
            }
            byte[] bytes = encodeAll(e, msgs);
            assertThat(encodeAll(new ChunkEncoder(), decodeWhole(bytes))).isEqualTo(bytes);
        }
    }
}
