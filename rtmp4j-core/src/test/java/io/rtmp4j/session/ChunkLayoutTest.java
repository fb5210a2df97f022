package io.rtmp4j.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.chunk.ChunkDecoder;
import io.rtmp4j.chunk.ChunkEncoder;
import io.rtmp4j.chunk.RawMessage;
import java.io.ByteArrayOutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fan-out contract's encoding (docs/ARCHITECTURE.md "Data path", {@link ChunkLayout}). */
class ChunkLayoutTest {

    private static byte[] encode(ChunkLayout layout, int typeId, long timestamp, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(layout.encodedLength(typeId, timestamp, payload.length));
        ByteBuffer in = ByteBuffer.wrap(payload);
        int n = layout.encode(typeId, timestamp, in, out);
        assertThat(n).isEqualTo(out.capacity());
        assertThat(out.hasRemaining()).isFalse();
        assertThat(in.remaining()).isEqualTo(payload.length); // the payload's position is left alone
        return out.array();
    }

    @Test
    void goldenBytes_messageOverTwoChunks_andExtendedTimestamp() {
        ChunkLayout layout = ChunkLayout.of(4, 1);
        byte[] video = encode(layout, 9, 0x01_0203, new byte[] {(byte) 0xA0, (byte) 0xA1, (byte) 0xA2,
                (byte) 0xA3, (byte) 0xA4, (byte) 0xA5});
        assertThat(video).isEqualTo(new byte[] {
                0x06,                         // rtmp-1.0.txt §5.3.1.1: fmt 0 (bits 00), csid 6 (video)
                0x01,                         // §5.3.1.2.1: timestamp 0x010203, high byte
                0x02,                         //   middle byte
                0x03,                         //   low byte
                0x00,                         // message length 6, high byte
                0x00,                         //   middle byte
                0x06,                         //   low byte
                0x09,                         // message type 9 (video)
                0x01,                         // message stream id 1, little-endian: low byte
                0x00,                         //   second byte
                0x00,                         //   third byte
                0x00,                         //   high byte
                (byte) 0xA0,                  // payload byte 0 (chunk size 4: first chunk holds 4 bytes)
                (byte) 0xA1,                  // payload byte 1
                (byte) 0xA2,                  // payload byte 2
                (byte) 0xA3,                  // payload byte 3
                (byte) 0xC6,                  // §5.3.1.2.4: fmt 3 (bits 11), csid 6: continuation, no header
                (byte) 0xA4,                  // payload byte 4
                (byte) 0xA5,                  // payload byte 5
        });

        byte[] audio = encode(ChunkLayout.of(4096, 1), 8, 0x1_000000L, new byte[] {(byte) 0xAF, 0x01});
        assertThat(audio).isEqualTo(new byte[] {
                0x04,                         // fmt 0, csid 4 (audio)
                (byte) 0xFF,                  // §5.3.1.3: timestamp field 0xFFFFFF: an extended timestamp
                (byte) 0xFF,                  //   follows the message header
                (byte) 0xFF,                  //
                0x00,                         // message length 2, high byte
                0x00,                         //   middle byte
                0x02,                         //   low byte
                0x08,                         // message type 8 (audio)
                0x01,                         // message stream id 1, little-endian: low byte
                0x00,                         //   second byte
                0x00,                         //   third byte
                0x00,                         //   high byte
                0x01,                         // extended timestamp 0x01000000, big-endian: high byte
                0x00,                         //   second byte
                0x00,                         //   third byte
                0x00,                         //   low byte
                (byte) 0xAF,                  // payload byte 0
                0x01,                         // payload byte 1
        });

        // over two chunks with an extended timestamp: every fmt 3 continuation repeats it
        // (docs/INTEROP.md "Chunk stream": FMLE, FFmpeg and OBS do; GStreamer complains otherwise)
        byte[] data = encode(new ChunkLayout(2, 3, 4, 6, 5), 18, 0xFFFF_FFFFL, new byte[] {0x02, 0x00, 0x01});
        assertThat(data).isEqualTo(new byte[] {
                0x05,                         // fmt 0, csid 5 (data)
                (byte) 0xFF,                  // timestamp field 0xFFFFFF (extended)
                (byte) 0xFF,                  //
                (byte) 0xFF,                  //
                0x00,                         // message length 3, high byte
                0x00,                         //   middle byte
                0x03,                         //   low byte
                0x12,                         // message type 18 (AMF0 data)
                0x03,                         // message stream id 3, little-endian: low byte
                0x00,                         //   second byte
                0x00,                         //   third byte
                0x00,                         //   high byte
                (byte) 0xFF,                  // extended timestamp 0xFFFFFFFF: high byte
                (byte) 0xFF,                  //   second byte
                (byte) 0xFF,                  //   third byte
                (byte) 0xFF,                  //   low byte
                0x02,                         // payload byte 0 (chunk size 2)
                0x00,                         // payload byte 1
                (byte) 0xC5,                  // fmt 3, csid 5: continuation
                (byte) 0xFF,                  // the extended timestamp again: high byte
                (byte) 0xFF,                  //   second byte
                (byte) 0xFF,                  //   third byte
                (byte) 0xFF,                  //   low byte
                0x01,                         // payload byte 2
        });
    }

    @Test
    void decodesToTheMessageAfterArbitraryEarlierTrafficOnTheSameChunkStream() {
        SplittableRandom random = new SplittableRandom(10);
        for (int round = 0; round < 500; round++) {
            int chunkSize = random.nextBoolean() ? 1 + random.nextInt(300) : 4096;
            ChunkLayout layout = ChunkLayout.of(chunkSize, 1 + random.nextInt(3));
            int typeId = new int[] {8, 9, 18}[random.nextInt(3)];
            int csid = layout.chunkStreamId(typeId);

            // earlier traffic on the same chunk stream, with whatever header compression the session's
            // encoder chose (fmt 1, 2, 3 after a fmt 0; other stream ids, types, lengths; extended timestamps)
            ChunkEncoder session = new ChunkEncoder();
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            wire.writeBytes(session.encode(new RawMessage(2, 1, 0, 0, ByteBuffer.allocate(4).putInt(chunkSize).array())));
            session.setChunkSize(chunkSize);
            long t = random.nextBoolean() ? random.nextLong(0x100_0000L) : 0xFF_FFF0L + random.nextInt(64);
            for (int i = random.nextInt(6); i > 0; i--) {
                t += random.nextInt(3) == 0 ? 0 : random.nextInt(70_000);
                wire.writeBytes(session.encode(new RawMessage(csid, random.nextBoolean() ? typeId : 20,
                        Math.min(t, 0xFFFF_FFFFL), random.nextInt(3), randomBytes(random, random.nextInt(600)))));
            }

            long timestamp = random.nextInt(4) == 0 ? 0xFF_FFFFL + random.nextInt(1000) : random.nextLong(0x100_0000L);
            byte[] payload = randomBytes(random, random.nextInt(9000));
            wire.writeBytes(encode(layout, typeId, timestamp, payload));

            List<RawMessage> got = new ArrayList<>();
            new ChunkDecoder().decode(ByteBuffer.wrap(wire.toByteArray()), got::add);
            assertThat(got.get(got.size() - 1)).as("round %d", round)
                    .isEqualTo(new RawMessage(csid, typeId, timestamp, layout.messageStreamId(), payload));
        }
    }

    @Test
    void directBuffersAndPositionsAreHonoured() {
        ChunkLayout layout = ChunkLayout.of(128, 1);
        byte[] body = randomBytes(new SplittableRandom(3), 300);
        ByteBuffer payload = ByteBuffer.allocateDirect(310).position(5);
        payload.put(body).flip().position(5);
        int len = layout.encodedLength(9, 40, 300);
        ByteBuffer out = ByteBuffer.allocateDirect(len + 7).position(7);
        assertThat(layout.encode(9, 40, payload, out)).isEqualTo(len);
        assertThat(payload.position()).isEqualTo(5);
        byte[] got = new byte[len];
        out.flip().position(7);
        out.get(got);
        assertThat(got).isEqualTo(encode(layout, 9, 40, body));
    }

    @Test
    void limits() {
        assertThatThrownBy(() -> new ChunkLayout(0, 1, 4, 6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkLayout(128, 1, 2, 6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkLayout(128, 1, 4, 65_600, 5)).isInstanceOf(IllegalArgumentException.class);
        ChunkLayout layout = ChunkLayout.of(128, 1);
        assertThat(layout).isEqualTo(new ChunkLayout(128, 1, ServerSession.AUDIO_CSID, ServerSession.VIDEO_CSID,
                ServerSession.DATA_CSID));
        assertThat(layout.chunkStreamId(8)).isEqualTo(ServerSession.AUDIO_CSID);
        assertThat(layout.chunkStreamId(9)).isEqualTo(ServerSession.VIDEO_CSID);
        assertThat(layout.chunkStreamId(18)).isEqualTo(ServerSession.DATA_CSID);
        assertThatThrownBy(() -> layout.encodedLength(9, 0x1_0000_0000L, 1)).isInstanceOf(IllegalArgumentException.class);
        ByteBuffer small = ByteBuffer.allocate(12);
        assertThatThrownBy(() -> layout.encode(9, 0, ByteBuffer.wrap(new byte[1]), small))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isZero();
    }

    private static byte[] randomBytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
