package io.rtmp4j.bench.jmh;

import io.rtmp4j.chunk.ChunkEncoder;
import io.rtmp4j.chunk.RawMessage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic but realistically shaped RTMP traffic for the benchmarks: message sizes and spacing of a
 * 720p30 H.264 + AAC stream at about 2.7 Mbit/s (what issue 5's comparison publishes), with
 * deterministic pseudo-random payloads.
 */
final class Streams {

    /** Video: chunk stream 6, type 9; audio: chunk stream 4, type 8 (the ids ffmpeg uses). */
    static final int CSID_VIDEO = 6;
    static final int CSID_AUDIO = 4;

    private Streams() {
    }

    /**
     * One second: one 60 KB key frame and 29 inter frames of about 10.7 KB (30 fps, 33/34 ms apart),
     * and 43 AAC frames of 370 bytes (44.1 kHz, 1024 samples each, 23 ms apart), interleaved by
     * timestamp, all on message stream 1. About 2.7 Mbit/s in total.
     */
    static List<RawMessage> oneSecond() {
        SplittableRandom random = new SplittableRandom(5);
        List<RawMessage> out = new ArrayList<>();
        int video = 0;
        int audio = 0;
        while (video < 30 || audio < 43) {
            long vt = video * 1000L / 30;
            long at = audio * 1024L * 1000 / 44100;
            if (video < 30 && (audio >= 43 || vt <= at)) {
                byte[] body = new byte[video == 0 ? 60_000 : 10_700];
                random.nextBytes(body);
                body[0] = (byte) (video == 0 ? 0x17 : 0x27); // flv-10.1.txt E.4.3.1: frame type, AVC
                body[1] = 1;                                 // AVCPacketType NALU
                body[2] = body[3] = body[4] = 0;             // composition time
                out.add(new RawMessage(CSID_VIDEO, 9, vt, 1, body));
                video++;
            } else {
                byte[] body = new byte[370];
                random.nextBytes(body);
                body[0] = (byte) 0xAF; // E.4.2.1: AAC, 44 kHz, 16 bit, stereo
                body[1] = 1;           // AACPacketType raw
                out.add(new RawMessage(CSID_AUDIO, 8, at, 1, body));
                audio++;
            }
        }
        return out;
    }

    /**
     * The chunk stream a peer sends: Set Chunk Size(chunkSize) encoded at 128 (rtmp-1.0.txt §5.4.1),
     * then {@code messages} at {@code chunkSize}. Decoding it twice in a row is valid: every chunk
     * stream starts again with a type 0 header.
     */
    static byte[] chunked(List<RawMessage> messages, int chunkSize) {
        ChunkEncoder encoder = new ChunkEncoder();
        byte[] size = ByteBuffer.allocate(4).putInt(chunkSize).array();
        RawMessage setChunkSize = new RawMessage(2, 1, 0, 0, size);
        int total = encoder.encodedLength(setChunkSize);
        ByteBuffer out = ByteBuffer.allocate(total + messages.stream().mapToInt(RawMessage::length).sum() * 2 + 4096);
        encoder.encode(setChunkSize, out);
        encoder.setChunkSize(chunkSize);
        for (RawMessage m : messages) {
            encoder.encode(m, out);
        }
        byte[] wire = new byte[out.position()];
        out.flip().get(wire);
        return wire;
    }
}
