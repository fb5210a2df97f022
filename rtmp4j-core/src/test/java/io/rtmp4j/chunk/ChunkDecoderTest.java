package io.rtmp4j.chunk;

import static io.rtmp4j.chunk.ChunkBytes.bytes;
import static io.rtmp4j.chunk.ChunkBytes.decodeOneByteAtATime;
import static io.rtmp4j.chunk.ChunkBytes.decodeRandomSlices;
import static io.rtmp4j.chunk.ChunkBytes.decodeWhole;
import static io.rtmp4j.chunk.ChunkBytes.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ChunkDecoderTest {

    /** Decodes whole, one byte at a time and in random slices; all three must agree. */
    private static List<RawMessage> decodeEveryWay(byte[] bytes) {
        List<RawMessage> whole = decodeWhole(bytes);
        assertThat(decodeOneByteAtATime(bytes)).as("one byte at a time").isEqualTo(whole);
        for (long seed = 0; seed < 20; seed++) {
            assertThat(decodeRandomSlices(new ChunkDecoder(), bytes, new Random(seed)))
                    .as("random slices, seed %d", seed).isEqualTo(whole);
        }
        return whole;
    }

    // ---------------------------------------------------------------- golden vectors from the spec

    /** rtmp-1.0.txt §5.3.2.1 Example 1: audio messages as fmt 0, fmt 2, fmt 3, fmt 3. */
    static byte[] specExample1() {
        ChunkBytes v = bytes();
        v.b(0x03);                  // basic header: fmt 0, csid 3 (§5.3.1.1, 1-byte form)
        v.b(0x00, 0x03, 0xE8);      // timestamp 1000
        v.b(0x00, 0x00, 0x20);      // message length 32
        v.b(0x08);                  // message type 8 (audio)
        v.b(0x39, 0x30, 0x00, 0x00); // message stream id 12345, little-endian (§5.3.1.2.5)
        v.raw(payload(32, 1), 0, 32);
        v.b(0x83);                  // basic header: fmt 2, csid 3
        v.b(0x00, 0x00, 0x14);      // timestamp delta 20 (§5.3.1.2.3)
        v.raw(payload(32, 2), 0, 32);
        v.b(0xC3);                  // basic header: fmt 3, csid 3: new message, same delta (§5.3.1.2.4)
        v.raw(payload(32, 3), 0, 32);
        v.b(0xC3);                  // basic header: fmt 3, csid 3
        v.raw(payload(32, 4), 0, 32);
        return v.toArray();
    }

    static List<RawMessage> specExample1Messages() {
        return List.of(
                new RawMessage(3, 8, 1000, 12345, payload(32, 1)),
                new RawMessage(3, 8, 1020, 12345, payload(32, 2)),
                new RawMessage(3, 8, 1040, 12345, payload(32, 3)),
                new RawMessage(3, 8, 1060, 12345, payload(32, 4)));
    }

    /** rtmp-1.0.txt §5.3.2.2 Example 2: a 307-byte video message in chunks of 128, 128, 51. */
    static byte[] specExample2() {
        byte[] p = payload(307, 9);
        ChunkBytes v = bytes();
        v.b(0x04);                  // basic header: fmt 0, csid 4
        v.b(0x00, 0x03, 0xE8);      // timestamp 1000
        v.b(0x00, 0x01, 0x33);      // message length 307
        v.b(0x09);                  // message type 9 (video)
        v.b(0x3A, 0x30, 0x00, 0x00); // message stream id 12346, little-endian
        v.raw(p, 0, 128);           // first 128 bytes (default chunk size, §5.4.1)
        v.b(0xC4);                  // basic header: fmt 3, csid 4: continuation
        v.raw(p, 128, 128);
        v.b(0xC4);                  // basic header: fmt 3, csid 4: continuation
        v.raw(p, 256, 51);          // the last 51 bytes
        return v.toArray();
    }

    @Test
    void specExample1_fmt0_fmt2_fmt3_fmt3() {
        assertThat(decodeEveryWay(specExample1())).isEqualTo(specExample1Messages());
    }

    @Test
    void specExample2_messageSplitIntoThreeChunks() {
        assertThat(decodeEveryWay(specExample2()))
                .containsExactly(new RawMessage(4, 9, 1000, 12346, payload(307, 9)));
    }

    // ---------------------------------------------------------------- basic header forms (§5.3.1.1)

    @Test
    void twoByteBasicHeader_csid64And319() {
        ChunkBytes v = bytes();
        v.b(0x00, 0x00);             // fmt 0, cs id bits 0 → 2-byte form; second byte 0 → csid 64
        v.b(0x00, 0x00, 0x05);       // timestamp 5
        v.b(0x00, 0x00, 0x01);       // length 1
        v.b(0x12);                   // type 18 (data)
        v.b(0x01, 0x00, 0x00, 0x00); // message stream id 1
        v.b(0xAA);                   // payload
        v.b(0x00, 0xFF);             // fmt 0, 2-byte form, 255 + 64 → csid 319
        v.b(0x00, 0x00, 0x06);       // timestamp 6
        v.b(0x00, 0x00, 0x01);       // length 1
        v.b(0x12);                   // type 18
        v.b(0x01, 0x00, 0x00, 0x00); // message stream id 1
        v.b(0xBB);                   // payload
        v.b(0x80, 0xFF);             // fmt 2, csid 319
        v.b(0x00, 0x00, 0x02);       // delta 2
        v.b(0xCC);                   // payload
        assertThat(decodeEveryWay(v.toArray())).containsExactly(
                new RawMessage(64, 18, 5, 1, new byte[] {(byte) 0xAA}),
                new RawMessage(319, 18, 6, 1, new byte[] {(byte) 0xBB}),
                new RawMessage(319, 18, 8, 1, new byte[] {(byte) 0xCC}));
    }

    @Test
    void threeByteBasicHeader_csid320And65599_andAliasOfATwoByteId() {
        ChunkBytes v = bytes();
        v.b(0x01, 0x00, 0x01);       // fmt 0, cs id bits 1 → 3-byte form; 0x00 + 0x01*256 + 64 = 320
        v.b(0x00, 0x00, 0x00);       // timestamp 0
        v.b(0x00, 0x00, 0x02);       // length 2
        v.b(0x08);                   // type 8
        v.b(0x00, 0x00, 0x00, 0x00); // message stream id 0
        v.b(0x01, 0x02);             // payload
        v.b(0x01, 0xFF, 0xFF);       // fmt 0, 3-byte form: 255 + 255*256 + 64 = 65599 (largest id)
        v.b(0x00, 0x00, 0x07);       // timestamp 7
        v.b(0x00, 0x00, 0x00);       // length 0
        v.b(0x09);                   // type 9
        v.b(0x02, 0x00, 0x00, 0x00); // message stream id 2
        v.b(0x81, 0x36, 0x00);       // fmt 2, 3-byte form: 0x36 + 64 = 118, also writable as 2-byte (§5.3.1.1)
        v.b(0x00, 0x00, 0x00);       // timestamp delta 0 (a first fmt 2 has no length: refused)
        assertThatThrownBy(() -> decodeWhole(v.toArray()))
                .as("csid 118 was never opened")
                .isInstanceOf(RtmpProtocolException.class);

        ChunkBytes w = bytes();
        w.b(0x00, 0x36);             // fmt 0, 2-byte form: csid 118
        w.b(0x00, 0x00, 0x0A);       // timestamp 10
        w.b(0x00, 0x00, 0x01);       // length 1
        w.b(0x08);                   // type 8
        w.b(0x01, 0x00, 0x00, 0x00); // message stream id 1
        w.b(0x11);                   // payload
        w.b(0x81, 0x36, 0x00);       // fmt 2, 3-byte form of the same csid 118
        w.b(0x00, 0x00, 0x0A);       // delta 10
        w.b(0x22);                   // payload
        w.b(0x01, 0x00, 0x01);       // csid 320 as above
        w.b(0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x08, 0x00, 0x00, 0x00, 0x00); // ts 0, len 2, type 8, msid 0
        w.b(0x01, 0x02);             // payload
        w.b(0x01, 0xFF, 0xFF);       // csid 65599
        w.b(0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x09, 0x02, 0x00, 0x00, 0x00); // ts 7, len 0, type 9, msid 2
        assertThat(decodeEveryWay(w.toArray())).containsExactly(
                new RawMessage(118, 8, 10, 1, new byte[] {0x11}),
                new RawMessage(118, 8, 20, 1, new byte[] {0x22}),
                new RawMessage(320, 8, 0, 0, new byte[] {1, 2}),
                new RawMessage(65599, 9, 7, 2, new byte[0]));
    }

    // ---------------------------------------------------------------- fmt 1 (§5.3.1.2.2)

    @Test
    void fmt1_changesLengthAndType_keepsMessageStreamId() {
        ChunkBytes v = bytes();
        v.b(0x06);                   // fmt 0, csid 6
        v.b(0x00, 0x00, 0x64);       // timestamp 100
        v.b(0x00, 0x00, 0x03);       // length 3
        v.b(0x09);                   // type 9
        v.b(0x01, 0x00, 0x00, 0x00); // message stream id 1
        v.b(0x01, 0x02, 0x03);       // payload
        v.b(0x46);                   // fmt 1, csid 6
        v.b(0x00, 0x00, 0x21);       // delta 33
        v.b(0x00, 0x00, 0x02);       // length 2
        v.b(0x08);                   // type 8
        v.b(0x04, 0x05);             // payload
        assertThat(decodeEveryWay(v.toArray())).containsExactly(
                new RawMessage(6, 9, 100, 1, new byte[] {1, 2, 3}),
                new RawMessage(6, 8, 133, 1, new byte[] {4, 5}));
    }

    /** docs/INTEROP.md: OBS sends fmt 1 then fmt 3 continuations; the delta applies once per message. */
    @Test
    void obs_fmt1WithFmt3Continuations_appliesDeltaOncePerMessage() {
        byte[] p1 = payload(300, 1);
        byte[] p2 = payload(200, 2);
        ChunkBytes v = bytes();
        v.b(0x06);                   // fmt 0, csid 6
        v.b(0x00, 0x00, 0x00);       // timestamp 0
        v.b(0x00, 0x01, 0x2C);       // length 300
        v.b(0x09);                   // type 9
        v.b(0x01, 0x00, 0x00, 0x00); // message stream id 1
        v.raw(p1, 0, 128);
        v.b(0xC6);                   // fmt 3 continuation: no timestamp change
        v.raw(p1, 128, 128);
        v.b(0xC6);                   // fmt 3 continuation
        v.raw(p1, 256, 44);
        v.b(0x46);                   // fmt 1, csid 6
        v.b(0x00, 0x00, 0x21);       // delta 33
        v.b(0x00, 0x00, 0xC8);       // length 200
        v.b(0x09);                   // type 9
        v.raw(p2, 0, 128);
        v.b(0xC6);                   // fmt 3 continuation: the delta must NOT be added again
        v.raw(p2, 128, 72);
        v.b(0xC6);                   // fmt 3 starting a new message: delta 33 applies once → 66
        v.raw(p2, 0, 128);
        v.b(0xC6);                   // its continuation
        v.raw(p2, 128, 72);
        assertThat(decodeEveryWay(v.toArray())).containsExactly(
                new RawMessage(6, 9, 0, 1, p1),
                new RawMessage(6, 9, 33, 1, p2),
                new RawMessage(6, 9, 66, 1, p2));
    }

    @Test
    void fmt3AfterFmt0_usesTheFmt0TimestampAsDelta() {
        // rtmp-1.0.txt §5.3.1.2.4: "If a Type 3 chunk follows a Type 0 chunk, then the timestamp delta
        // for this Type 3 chunk is the same as the timestamp of the Type 0 chunk."
        ChunkBytes v = bytes();
        v.b(0x04);                   // fmt 0, csid 4
        v.b(0x00, 0x00, 0x1A);       // timestamp 26
        v.b(0x00, 0x00, 0x01);       // length 1
        v.b(0x08);                   // type 8
        v.b(0x01, 0x00, 0x00, 0x00); // message stream id 1
        v.b(0x01);                   // payload
        v.b(0xC4);                   // fmt 3 new message: 26 + 26
        v.b(0x02);                   // payload
        assertThat(decodeEveryWay(v.toArray())).extracting(RawMessage::timestamp).containsExactly(26L, 52L);
    }

    // ---------------------------------------------------------------- extended timestamps (§5.3.1.3)

    /** A 300-byte message with extended timestamp 0x01020304, continuations with or without the field. */
    static byte[] extendedFmt0(boolean repeatOnContinuations) {
        byte[] p = payload(300, 5);
        ChunkBytes v = bytes();
        v.b(0x04);                   // fmt 0, csid 4
        v.b(0xFF, 0xFF, 0xFF);       // timestamp field 0xFFFFFF: extended timestamp follows
        v.b(0x00, 0x01, 0x2C);       // length 300
        v.b(0x09);                   // type 9
        v.b(0x01, 0x00, 0x00, 0x00); // message stream id 1
        v.b(0x01, 0x02, 0x03, 0x04); // extended timestamp 0x01020304
        v.raw(p, 0, 128);
        v.b(0xC4);                   // fmt 3 continuation
        if (repeatOnContinuations) {
            v.b(0x01, 0x02, 0x03, 0x04); // extended timestamp repeated (ffmpeg, FMLE, OBS)
        }
        v.raw(p, 128, 128);
        v.b(0xC4);                   // fmt 3 continuation
        if (repeatOnContinuations) {
            v.b(0x01, 0x02, 0x03, 0x04); // extended timestamp repeated
        }
        v.raw(p, 256, 44);
        return v.toArray();
    }

    @Test
    void extendedTimestamp_repeatedOnFmt3Continuations_ffmpegObsFmle() {
        assertThat(decodeEveryWay(extendedFmt0(true)))
                .containsExactly(new RawMessage(4, 9, 0x01020304L, 1, payload(300, 5)));
    }

    @Test
    void extendedTimestamp_absentOnFmt3Continuations_rtmpdump() {
        assertThat(decodeEveryWay(extendedFmt0(false)))
                .containsExactly(new RawMessage(4, 9, 0x01020304L, 1, payload(300, 5)));
    }

    @Test
    void extendedTimestamp_absentOnContinuation_shorterThanFourBytes_thenNextMessage() {
        // rtmpdump style, last chunk carries only 2 bytes, so the 4 peeked bytes run into the next chunk.
        byte[] p = payload(130, 3);
        ChunkBytes v = bytes();
        v.b(0x05);                   // fmt 0, csid 5
        v.b(0xFF, 0xFF, 0xFF);       // extended timestamp follows
        v.b(0x00, 0x00, 0x82);       // length 130
        v.b(0x08);                   // type 8
        v.b(0x01, 0x00, 0x00, 0x00); // message stream id 1
        v.b(0xFF, 0x00, 0x00, 0x00); // extended timestamp 0xFF000000
        v.raw(p, 0, 128);
        v.b(0xC5);                   // fmt 3 continuation without the field
        v.raw(p, 128, 2);            // last 2 bytes
        v.b(0x03);                   // fmt 0, csid 3: next message
        v.b(0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x14, 0x00, 0x00, 0x00, 0x00); // ts 0, len 1, type 20, msid 0
        v.b(0x05);                   // payload
        assertThat(decodeEveryWay(v.toArray())).containsExactly(
                new RawMessage(5, 8, 0xFF000000L, 1, p),
                new RawMessage(3, 20, 0, 0, new byte[] {5}));
    }

    @Test
    void extendedTimestampOnFmt1Delta_repeatedOnContinuation_andFmt3NewMessageReadsIt() {
        byte[] p = payload(200, 7);
        ChunkBytes v = bytes();
        v.b(0x04);                   // fmt 0, csid 4
        v.b(0x00, 0x00, 0x10);       // timestamp 16
        v.b(0x00, 0x00, 0x01);       // length 1
        v.b(0x09);                   // type 9
        v.b(0x01, 0x00, 0x00, 0x00); // message stream id 1
        v.b(0x00);                   // payload
        v.b(0x44);                   // fmt 1, csid 4
        v.b(0xFF, 0xFF, 0xFF);       // delta field 0xFFFFFF: extended delta follows
        v.b(0x00, 0x00, 0xC8);       // length 200
        v.b(0x09);                   // type 9
        v.b(0x01, 0x00, 0x00, 0x00); // extended delta 0x01000000
        v.raw(p, 0, 128);
        v.b(0xC4);                   // fmt 3 continuation
        v.b(0x01, 0x00, 0x00, 0x00); // the extended delta repeated (ffmpeg repeats the header's value)
        v.raw(p, 128, 72);
        v.b(0xC4);                   // fmt 3 new message: the field is always present here (§5.3.1.3)
        v.b(0x00, 0x00, 0x00, 0x05); // ... and carries the delta, here 5
        v.raw(p, 0, 128);
        v.b(0xC4);                   // continuation
        v.b(0x00, 0x00, 0x00, 0x05); // repeated
        v.raw(p, 128, 72);
        assertThat(decodeEveryWay(v.toArray())).containsExactly(
                new RawMessage(4, 9, 16, 1, new byte[] {0}),
                new RawMessage(4, 9, 16 + 0x01000000L, 1, p),
                new RawMessage(4, 9, 16 + 0x01000000L + 5, 1, p));
    }

    @Test
    void extendedTimestamp_continuationRepeatingTheAbsoluteTimestampIsAlsoAccepted() {
        byte[] p = payload(200, 8);
        ChunkBytes v = bytes();
        v.b(0x04, 0x00, 0x00, 0x10, 0x00, 0x00, 0x01, 0x09, 0x01, 0x00, 0x00, 0x00); // fmt 0 csid 4 ts 16 len 1
        v.b(0x00);                   // payload
        v.b(0x84);                   // fmt 2, csid 4: length stays 1
        v.b(0xFF, 0xFF, 0xFF);       // extended delta follows
        v.b(0x01, 0x00, 0x00, 0x00); // delta 0x01000000
        v.b(0x01);                   // payload (1 byte)
        v.b(0x44);                   // fmt 1, csid 4
        v.b(0xFF, 0xFF, 0xFF);       // extended delta follows
        v.b(0x00, 0x00, 0xC8, 0x09); // length 200, type 9
        v.b(0x00, 0xFF, 0xFF, 0xFF); // delta 0x00FFFFFF → timestamp 16 + 0x01000000 + 0xFFFFFF = 0x0200000F
        v.raw(p, 0, 128);
        v.b(0xC4);                   // continuation repeating the absolute timestamp instead of the delta
        v.b(0x02, 0x00, 0x00, 0x0F);
        v.raw(p, 128, 72);
        assertThat(decodeEveryWay(v.toArray())).extracting(RawMessage::timestamp)
                .containsExactly(16L, 16 + 0x01000000L, 0x0200000FL);
    }

    @Test
    void extendedTimestamp_exactly0xFFFFFF() {
        ChunkBytes v = bytes();
        v.b(0x03);                   // fmt 0, csid 3
        v.b(0xFF, 0xFF, 0xFF);       // extended follows
        v.b(0x00, 0x00, 0x00);       // length 0
        v.b(0x14);                   // type 20
        v.b(0x00, 0x00, 0x00, 0x00); // msid 0
        v.b(0x00, 0xFF, 0xFF, 0xFF); // timestamp 0x00FFFFFF
        assertThat(decodeEveryWay(v.toArray())).containsExactly(new RawMessage(3, 20, 0xFFFFFFL, 0, new byte[0]));
    }

    // ---------------------------------------------------------------- wrap-around, interleaving

    @Test
    void timestampWrapsAroundModulo2To32() {
        ChunkBytes v = bytes();
        v.b(0x04);                   // fmt 0, csid 4
        v.b(0xFF, 0xFF, 0xFF);       // extended follows
        v.b(0x00, 0x00, 0x01, 0x08); // length 1, type 8
        v.b(0x01, 0x00, 0x00, 0x00); // msid 1
        v.b(0xFF, 0xFF, 0xFF, 0xF0); // timestamp 0xFFFFFFF0
        v.b(0x00);                   // payload
        v.b(0x84);                   // fmt 2, csid 4
        v.b(0x00, 0x00, 0x20);       // delta 32 → 0xFFFFFFF0 + 32 = 0x1_00000010 → 0x10
        v.b(0x01);                   // payload
        v.b(0xC4);                   // fmt 3: another 32 → 0x30
        v.b(0x02);                   // payload
        assertThat(decodeEveryWay(v.toArray())).extracting(RawMessage::timestamp)
                .containsExactly(0xFFFFFFF0L, 0x10L, 0x30L);
    }

    /** docs/INTEROP.md: OBS 30+ / FFmpeg 6.1+ interleave chunk streams; each has its own reassembly. */
    @Test
    void interleavedMessagesOnDifferentChunkStreams_reassembledSeparately() {
        byte[] video = payload(300, 11);
        byte[] audio = payload(150, 22);
        byte[] data = payload(20, 33);
        ChunkBytes v = bytes();
        v.b(0x06, 0x00, 0x00, 0x00, 0x00, 0x01, 0x2C, 0x09, 0x01, 0x00, 0x00, 0x00); // fmt 0 csid 6 ts 0 len 300 video msid 1
        v.raw(video, 0, 128);
        v.b(0x04, 0x00, 0x00, 0x05, 0x00, 0x00, 0x96, 0x08, 0x01, 0x00, 0x00, 0x00); // fmt 0 csid 4 ts 5 len 150 audio msid 1
        v.raw(audio, 0, 128);
        v.b(0xC6);                   // fmt 3 csid 6: continuation of the video message
        v.raw(video, 128, 128);
        v.b(0x05, 0x00, 0x00, 0x07, 0x00, 0x00, 0x14, 0x12, 0x01, 0x00, 0x00, 0x00); // fmt 0 csid 5 ts 7 len 20 data msid 1
        v.raw(data, 0, 20);
        v.b(0xC4);                   // fmt 3 csid 4: continuation of the audio message
        v.raw(audio, 128, 22);
        v.b(0xC6);                   // fmt 3 csid 6: last video chunk
        v.raw(video, 256, 44);
        v.b(0x44, 0x00, 0x00, 0x0A, 0x00, 0x00, 0x02, 0x08); // fmt 1 csid 4 right after: delta 10, len 2, audio
        v.b(0x09, 0x08);
        assertThat(decodeEveryWay(v.toArray())).containsExactly(
                new RawMessage(5, 18, 7, 1, data),
                new RawMessage(4, 8, 5, 1, audio),
                new RawMessage(6, 9, 0, 1, video),
                new RawMessage(4, 8, 15, 1, new byte[] {9, 8}));
    }

    @Test
    void zeroLengthMessage_isDeliveredFromItsHeaderAlone() {
        // docs/INTEROP.md: a zero-length audio message means silence, not an error.
        ChunkBytes v = bytes();
        v.b(0x04, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x08, 0x01, 0x00, 0x00, 0x00); // fmt 0 csid 4 ts 1 len 0 audio
        v.b(0xC4);                   // fmt 3: another empty message, ts 2
        v.b(0x84, 0x00, 0x00, 0x03); // fmt 2: delta 3, ts 5
        assertThat(decodeEveryWay(v.toArray())).containsExactly(
                new RawMessage(4, 8, 1, 1, new byte[0]),
                new RawMessage(4, 8, 2, 1, new byte[0]),
                new RawMessage(4, 8, 5, 1, new byte[0]));
    }

    // ---------------------------------------------------------------- Set Chunk Size (§5.4.1)

    static ChunkBytes setChunkSize(ChunkBytes v, int b0, int b1, int b2, int b3) {
        v.b(0x02);                   // fmt 0, csid 2 (protocol control, §5.4)
        v.b(0x00, 0x00, 0x00);       // timestamp 0
        v.b(0x00, 0x00, 0x04);       // length 4
        v.b(0x01);                   // type 1: Set Chunk Size
        v.b(0x00, 0x00, 0x00, 0x00); // message stream id 0
        v.b(b0, b1, b2, b3);         // chunk size, 31 bits
        return v;
    }

    /** docs/INTEROP.md: Twitch sends Set Chunk Size(4096) immediately before a connect _result > 128 bytes. */
    @Test
    void twitch_setChunkSizeAppliesBeforeTheNextChunkInTheSameBuffer() {
        byte[] result = payload(300, 44);
        ChunkBytes v = setChunkSize(bytes(), 0x00, 0x00, 0x10, 0x00); // 4096
        v.b(0x03);                   // fmt 0, csid 3
        v.b(0x00, 0x00, 0x00);       // timestamp 0
        v.b(0x00, 0x01, 0x2C);       // length 300: one chunk at the new size
        v.b(0x14);                   // type 20 (AMF0 command)
        v.b(0x00, 0x00, 0x00, 0x00); // msid 0
        v.raw(result, 0, 300);
        ChunkDecoder d = new ChunkDecoder();
        List<RawMessage> got = decodeWhole(d, v.toArray());
        assertThat(got).containsExactly(
                new RawMessage(2, 1, 0, 0, new byte[] {0, 0, 0x10, 0}),
                new RawMessage(3, 20, 0, 0, result));
        assertThat(d.chunkSize()).isEqualTo(4096);
        assertThat(decodeEveryWay(v.toArray())).isEqualTo(got);
    }

    @Test
    void setChunkSize_isVisibleToTheSinkWhenDelivered() {
        ChunkDecoder d = new ChunkDecoder();
        List<Integer> seen = new ArrayList<>();
        d.decode(ByteBuffer.wrap(setChunkSize(bytes(), 0x00, 0x00, 0x00, 0x01).toArray()), m -> seen.add(d.chunkSize()));
        assertThat(seen).containsExactly(1);
    }

    @Test
    void setChunkSize_oneByteChunks() {
        byte[] p = payload(3, 1);
        ChunkBytes v = setChunkSize(bytes(), 0x00, 0x00, 0x00, 0x01); // chunk size 1 (the minimum)
        v.b(0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x09, 0x01, 0x00, 0x00, 0x00); // fmt 0 csid 4 len 3
        v.b(p[0] & 0xFF);
        v.b(0xC4, p[1] & 0xFF);      // fmt 3 continuation + 1 byte
        v.b(0xC4, p[2] & 0xFF);      // fmt 3 continuation + 1 byte
        assertThat(decodeEveryWay(v.toArray())).element(1).isEqualTo(new RawMessage(4, 9, 0, 1, p));
    }

    @Test
    void setChunkSize_zeroIsRefused() {
        assertThatThrownBy(() -> decodeWhole(setChunkSize(bytes(), 0, 0, 0, 0).toArray()))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("Set Chunk Size 0");
    }

    @Test
    void setChunkSize_topBitSetIsRefused() {
        assertThatThrownBy(() -> decodeWhole(setChunkSize(bytes(), 0x80, 0, 0x10, 0).toArray()))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("top bit");
    }

    @Test
    void setChunkSize_maximumIsAccepted_aboveConfiguredMaximumIsRefused() {
        ChunkDecoder d = new ChunkDecoder();
        decodeWhole(d, setChunkSize(bytes(), 0x7F, 0xFF, 0xFF, 0xFF).toArray());
        assertThat(d.chunkSize()).isEqualTo(0x7FFFFFFF);

        ChunkDecoder limited = new ChunkDecoder(ChunkLimits.defaults().withMaxChunkSize(65536));
        assertThatThrownBy(() -> decodeWhole(limited, setChunkSize(bytes(), 0x00, 0x01, 0x00, 0x01).toArray()))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("65537").hasMessageContaining("65536");
    }

    @Test
    void setChunkSize_shortBodyIsRefused() {
        ChunkBytes v = bytes();
        v.b(0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00); // type 1, length 2
        v.b(0x10, 0x00);
        assertThatThrownBy(() -> decodeWhole(v.toArray()))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("Set Chunk Size");
    }

    // ---------------------------------------------------------------- Abort (§5.4.2)

    @Test
    void abort_discardsThePartialMessageOnThatChunkStream() {
        byte[] p = payload(300, 3);
        ChunkBytes v = bytes();
        v.b(0x06, 0x00, 0x00, 0x0A, 0x00, 0x01, 0x2C, 0x09, 0x01, 0x00, 0x00, 0x00); // fmt 0 csid 6 ts 10 len 300 video
        v.raw(p, 0, 128);            // first chunk only
        v.b(0x02);                   // fmt 0, csid 2
        v.b(0x00, 0x00, 0x00);       // timestamp 0
        v.b(0x00, 0x00, 0x04);       // length 4
        v.b(0x02);                   // type 2: Abort Message
        v.b(0x00, 0x00, 0x00, 0x00); // msid 0
        v.b(0x00, 0x00, 0x00, 0x06); // chunk stream id 6
        v.b(0xC6);                   // fmt 3 csid 6: now starts a NEW message (same header, ts 10 + 10)
        v.raw(p, 0, 128);
        v.b(0xC6);
        v.raw(p, 128, 128);
        v.b(0xC6);
        v.raw(p, 256, 44);
        ChunkDecoder d = new ChunkDecoder();
        List<RawMessage> got = decodeWhole(d, v.toArray());
        assertThat(got).containsExactly(
                new RawMessage(2, 2, 0, 0, new byte[] {0, 0, 0, 6}),
                new RawMessage(6, 9, 20, 1, p));
        assertThat(d.bufferedBytes()).isZero();
        assertThat(decodeEveryWay(v.toArray())).isEqualTo(got);
    }

    @Test
    void abort_ofAnIdleOrUnknownChunkStreamIsHarmless() {
        ChunkBytes v = bytes();
        v.b(0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x02, 0x00, 0x00, 0x00, 0x00); // Abort
        v.b(0x00, 0x00, 0x01, 0x00); // csid 256, never used
        v.b(0xC2);                   // fmt 3 csid 2: another Abort with the same header
        v.b(0xFF, 0xFF, 0xFF, 0xFF); // csid 0xFFFFFFFF: cannot exist
        assertThat(decodeEveryWay(v.toArray())).hasSize(2);
    }

    // ---------------------------------------------------------------- errors and limits

    @Test
    void fmt1HeaderOnAChunkStreamNeverSeen_isAcceptedAsLibrtmpSendsIt() {
        // librtmp's RTMP_SendCtrl / SendBytesReceived use fmt 1 on csid 2 for the first message there
        // (rtmpdump sends SetBufferLength this way before play). Message stream 0, delta from 0.
        ChunkBytes v = bytes();
        v.b(0x42);                   // fmt 1, csid 2
        v.b(0x00, 0x00, 0x00);       // timestamp delta 0
        v.b(0x00, 0x00, 0x0A);       // length 10
        v.b(0x04);                   // type 4, User Control
        v.b(0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x0B, 0xB8); // SetBufferLength msid 1, 3000 ms
        List<RawMessage> got = decodeEveryWay(v.toArray());
        assertThat(got).hasSize(1);
        assertThat(got.get(0).chunkStreamId()).isEqualTo(2);
        assertThat(got.get(0).typeId()).isEqualTo(4);
        assertThat(got.get(0).messageStreamId()).isZero();
        assertThat(got.get(0).timestamp()).isZero();
        assertThat(got.get(0).payload()).hasSize(10);
    }

    @Test
    void compressedHeaderWithoutLengthOnAChunkStreamNeverSeen_isAClearProtocolError() {
        for (int fmt = 2; fmt <= 3; fmt++) {
            byte[] bytes = bytes().b((fmt << 6) | 7, 0, 0, 0, 0, 0, 1, 8, 0).toArray(); // fmt N, csid 7
            int f = fmt;
            assertThatThrownBy(() -> decodeWhole(bytes))
                    .isInstanceOf(RtmpProtocolException.class)
                    .hasMessageContaining("chunk stream 7 starts with a fmt " + f);
        }
    }

    @Test
    void newMessageHeaderWhileAMessageIsIncomplete_isAProtocolError() {
        ChunkBytes v = bytes();
        v.b(0x06, 0x00, 0x00, 0x00, 0x00, 0x01, 0x2C, 0x09, 0x01, 0x00, 0x00, 0x00); // len 300
        v.raw(payload(128, 0), 0, 128);
        v.b(0x46, 0x00, 0x00, 0x01, 0x00, 0x00, 0x02, 0x09); // fmt 1 on csid 6 before the message completed
        assertThatThrownBy(() -> decodeWhole(v.toArray()))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("128 of 300");
    }

    @Test
    void messageLongerThanTheLimit_isRefusedFromTheHeaderAlone() {
        ChunkDecoder d = new ChunkDecoder(ChunkLimits.defaults().withMaxMessageSize(1000));
        ChunkBytes v = bytes();
        v.b(0x06);                   // fmt 0, csid 6
        v.b(0x00, 0x00, 0x00);       // timestamp 0
        v.b(0x00, 0x03, 0xE9);       // length 1001: one over the limit
        v.b(0x09, 0x01, 0x00, 0x00, 0x00); // type 9, msid 1; no payload byte follows
        assertThatThrownBy(() -> decodeWhole(d, v.toArray()))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("1001").hasMessageContaining("1000");
        assertThat(d.bufferedBytes()).isZero();
        assertThatThrownBy(() -> d.decode(ByteBuffer.allocate(1), m -> { }))
                .as("stays failed").isInstanceOf(RtmpProtocolException.class).hasMessageContaining("already failed");
    }

    @Test
    void messageAtTheLimit_isAccepted() {
        ChunkDecoder d = new ChunkDecoder(ChunkLimits.defaults().withMaxMessageSize(100).withMaxBufferedBytes(100));
        ChunkBytes v = bytes();
        v.b(0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x64, 0x09, 0x01, 0x00, 0x00, 0x00); // length 100
        v.raw(payload(100, 1), 0, 100);
        assertThat(decodeWhole(d, v.toArray())).hasSize(1);
    }

    @Test
    void bufferedBytesLimit_countsIncompleteMessagesOnAllChunkStreams() {
        ChunkDecoder d = new ChunkDecoder(ChunkLimits.defaults().withMaxBufferedBytes(500));
        ChunkBytes v = bytes();
        v.b(0x06, 0x00, 0x00, 0x00, 0x00, 0x01, 0x2C, 0x09, 0x01, 0x00, 0x00, 0x00); // csid 6, len 300
        v.raw(payload(128, 0), 0, 128);
        v.b(0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC9, 0x08, 0x01, 0x00, 0x00, 0x00); // csid 4, len 201: 501 > 500
        assertThatThrownBy(() -> decodeWhole(d, v.toArray()))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("buffered");
        assertThat(d.bufferedBytes()).isEqualTo(300);
    }

    @Test
    void bufferedBytesLimit_alsoAppliesToAFmt3HeaderStartingAMessage() {
        ChunkDecoder d2 = new ChunkDecoder(ChunkLimits.defaults().withMaxBufferedBytes(399));
        ChunkBytes w = bytes();
        w.b(0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC8, 0x09, 0x01, 0x00, 0x00, 0x00); // csid 6, len 200
        w.raw(payload(200, 0), 0, 128);
        w.b(0xC6);                       // continuation
        w.raw(payload(200, 0), 128, 72); // complete
        w.b(0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC8, 0x08, 0x01, 0x00, 0x00, 0x00); // csid 4, len 200
        w.raw(payload(200, 0), 0, 128); // incomplete: 200 buffered
        w.b(0xC6);                       // fmt 3 new 200-byte message on csid 6: 400 > 399
        assertThatThrownBy(() -> decodeWhole(d2, w.toArray()))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("399");
    }

    @Test
    void chunkStreamCountLimit() {
        ChunkDecoder d = new ChunkDecoder(ChunkLimits.defaults().withMaxChunkStreams(2));
        ChunkBytes v = bytes();
        for (int csid = 3; csid <= 5; csid++) {
            v.b(csid, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x08, 0x01, 0x00, 0x00, 0x00); // empty message
        }
        List<RawMessage> got = new ArrayList<>();
        assertThatThrownBy(() -> d.decode(ByteBuffer.wrap(v.toArray()), got::add))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("chunk stream 5")
                .hasMessageContaining("limit of 2");
        assertThat(got).hasSize(2);
        assertThat(d.openChunkStreams()).isEqualTo(2);
    }

    @Test
    void truncatedInputIsNeedMoreNotAnError() {
        byte[] all = specExample2();
        ChunkDecoder d = new ChunkDecoder();
        List<RawMessage> got = decodeWhole(d, Arrays.copyOf(all, all.length - 1));
        assertThat(got).isEmpty();
        d.decode(ByteBuffer.wrap(all, all.length - 1, 1), got::add);
        assertThat(got).hasSize(1);
    }

    // ---------------------------------------------------------------- acknowledgement accounting

    @Test
    void decoderCountsEveryByteAndAppliesWindowAckSize() {
        ChunkBytes v = bytes();
        v.b(0x02);                   // fmt 0, csid 2
        v.b(0x00, 0x00, 0x00);       // timestamp 0
        v.b(0x00, 0x00, 0x04);       // length 4
        v.b(0x05);                   // type 5: Window Acknowledgement Size
        v.b(0x00, 0x00, 0x00, 0x00); // msid 0
        v.b(0x00, 0x00, 0x00, 0x20); // window 32 bytes
        byte[] ex1 = specExample1();  // 44 + 36 + 33 + 33 = 146 bytes
        ChunkDecoder d = new ChunkDecoder();
        decodeWhole(d, v.toArray());
        assertThat(d.ackCounter().windowSize()).isEqualTo(32);
        assertThat(d.ackCounter().bytesReceived()).isEqualTo(16);
        assertThat(d.ackCounter().takeAck()).isEqualTo(-1);
        d.decode(ByteBuffer.wrap(ex1, 0, 16), m -> { });
        assertThat(d.ackCounter().takeAck()).as("a full window of 32 has arrived").isEqualTo(32);
        d.decode(ByteBuffer.wrap(ex1, 16, ex1.length - 16), m -> { });
        assertThat(d.ackCounter().takeAck()).isEqualTo(16 + ex1.length);
        assertThat(d.ackCounter().takeAck()).as("owed once").isEqualTo(-1);
    }
}
