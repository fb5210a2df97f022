package io.rtmp4j.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.rtmp4j.RtmpProtocolException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer fuzz targets for the chunk stream (issue 2 "Robustness"). Under plain {@code mvn verify} they
 * run the regression inputs in {@code ChunkDecoderFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1}
 * they fuzz. The only exception allowed out of the decoder is {@link RtmpProtocolException}; anything
 * else (IndexOutOfBounds, NegativeArraySize, OOM, an assertion below) is a finding.
 */
class ChunkDecoderFuzzTest {

    /** Small limits so that the fuzzer reaches every limit check quickly. */
    private static final ChunkLimits SMALL = new ChunkLimits(5000, 70_000, 6, 6000);

    /** What decoding produced: the messages delivered, and whether it failed. */
    private record Outcome(List<RawMessage> messages, boolean failed) {
    }

    private static Outcome decodeInPieces(ChunkLimits limits, byte[] input, int pieceSize) {
        ChunkDecoder d = new ChunkDecoder(limits);
        List<RawMessage> got = new ArrayList<>();
        try {
            for (int pos = 0; pos < input.length; pos += pieceSize) {
                ByteBuffer b = ByteBuffer.wrap(input, pos, Math.min(pieceSize, input.length - pos));
                d.decode(b, m -> {
                    assertThat(m.length()).isLessThanOrEqualTo(limits.maxMessageSize());
                    got.add(m);
                });
                assertThat(b.hasRemaining()).isFalse();
                assertThat(d.bufferedBytes()).isBetween(0L, limits.maxBufferedBytes());
                assertThat(d.openChunkStreams()).isLessThanOrEqualTo(limits.maxChunkStreams());
            }
            return new Outcome(got, false);
        } catch (RtmpProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return new Outcome(got, true);
        }
    }

    /**
     * The input is a chunk stream. It is decoded whole and one byte at a time: the outcome must not
     * depend on how the bytes were split.
     */
    @FuzzTest(maxDuration = "5m")
    void decodeBytes(byte[] input) {
        Outcome whole = decodeInPieces(SMALL, input, Math.max(1, input.length));
        Outcome oneByOne = decodeInPieces(SMALL, input, 1);
        assertThat(oneByOne).isEqualTo(whole);
    }

    /** Random limits, random split points (through a fresh decoder each time). */
    @FuzzTest(maxDuration = "5m")
    void decodeWithRandomLimitsAndSplits(FuzzedDataProvider data) {
        ChunkLimits limits = new ChunkLimits(data.consumeInt(0, 20_000), data.consumeInt(1, Integer.MAX_VALUE),
                data.consumeInt(1, 10), data.consumeLong(0, 40_000));
        int piece = data.consumeInt(1, 300);
        byte[] input = data.consumeRemainingAsBytes();
        Outcome whole = decodeInPieces(limits, input, Math.max(1, input.length));
        assertThat(decodeInPieces(limits, input, piece)).isEqualTo(whole);
    }

    /** Messages described by the fuzzer: encode → decode must give them back, at any chunk size. */
    @FuzzTest(maxDuration = "5m")
    void encodeDecodeRoundTrip(FuzzedDataProvider data) {
        ChunkEncoder e = new ChunkEncoder();
        ChunkDecoder d = new ChunkDecoder();
        List<RawMessage> sent = new ArrayList<>();
        List<RawMessage> got = new ArrayList<>();
        int count = data.consumeInt(0, 30);
        for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
            RawMessage m;
            if (data.consumeInt(0, 9) == 0) {
                int size = data.consumeInt(1, 5000);
                m = new RawMessage(2, 1, 0, 0, new byte[] {
                        (byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size});
                d.decode(ByteBuffer.wrap(e.encode(m)), got::add);
                e.setChunkSize(size);
            } else {
                int csid = data.pickValue(new int[] {2, 3, 4, 5, 63, 64, 319, 320, 65599});
                m = new RawMessage(csid, data.consumeInt(8, 10), data.consumeLong(0, 0xFFFF_FFFFL),
                        data.consumeInt(0, 2), data.consumeBytes(data.consumeInt(0, 3000)));
                if (data.consumeBoolean()) {
                    e.forget(csid);
                }
                d.decode(ByteBuffer.wrap(e.encode(m)), got::add);
            }
            sent.add(m);
        }
        assertThat(got).isEqualTo(sent);
    }
}
