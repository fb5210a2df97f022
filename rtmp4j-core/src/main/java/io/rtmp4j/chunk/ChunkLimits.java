package io.rtmp4j.chunk;

/**
 * The resource limits a {@link ChunkDecoder} enforces on what a peer may make it hold (docs/ARCHITECTURE.md
 * "Limits"). Every limit is checked against the message header, before a byte of the message is
 * buffered: a header that claims more than a limit is refused with an
 * {@link io.rtmp4j.RtmpProtocolException}.
 *
 * <p>Memory bound: a decoder holds at most {@code maxBufferedBytes} of partial message payload (plus a
 * fixed 18-byte header stash and one small state object per chunk stream, at most
 * {@code maxChunkStreams} of them). The payload array of a message is allocated once, at its full
 * declared length, when its first chunk header has passed the checks; that declared length is what
 * {@code maxBufferedBytes} accounts.
 *
 * <pre>{@code
 * ChunkLimits small = ChunkLimits.defaults().withMaxMessageSize(1 << 20).withMaxBufferedBytes(4 << 20);
 * ChunkDecoder decoder = new ChunkDecoder(small);
 * }</pre>
 *
 * @param maxMessageSize   largest message length accepted, 0..0xFFFFFF. Default {@value #DEFAULT_MAX_MESSAGE_SIZE}:
 *                         the largest length the 24-bit message length field can carry
 *                         (rtmp-1.0.txt §5.3.1.2.1), so every valid peer message is accepted by default;
 *                         4K keyframes of several megabytes are real (nginx-rtmp's 1 MB default
 *                         {@code max_message} is a known cause of dropped 4K streams). Lower it on
 *                         servers with many connections.
 * @param maxChunkSize     largest chunk size a peer may announce with Set Chunk Size, 1..0x7FFFFFFF.
 *                         Default {@value #DEFAULT_MAX_CHUNK_SIZE}: the spec's maximum (§5.4.1). Chunk
 *                         payloads are copied straight into the message array, so a large chunk size
 *                         costs no memory here; the limit exists for deployments that want to refuse
 *                         odd peers.
 * @param maxChunkStreams  most chunk stream ids a peer may open (each costs a small state object),
 *                         1..65598. Default {@value #DEFAULT_MAX_CHUNK_STREAMS}: real encoders use a handful
 *                         (ffmpeg and OBS use csids 2..8; multitrack streams add one per track), and the
 *                         protocol allows 65598 (§5.3.1.1), which would let a peer make us keep 65598
 *                         states.
 * @param maxBufferedBytes most bytes of incomplete messages held at once across all chunk streams
 *                         (declared lengths), at least 0. Default {@value #DEFAULT_MAX_BUFFERED_BYTES}
 *                         (32 MiB): two wire-maximum messages interleaved on two chunk streams (video and
 *                         a large data message, §5.3 interleaving), while bounding one connection.
 */
public record ChunkLimits(int maxMessageSize, int maxChunkSize, int maxChunkStreams, long maxBufferedBytes) {

    /** Default for {@link #maxMessageSize()}: the 24-bit message length field's maximum. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 0xFF_FFFF;
    /** Default for {@link #maxChunkSize()}: the largest chunk size rtmp-1.0.txt §5.4.1 allows. */
    public static final int DEFAULT_MAX_CHUNK_SIZE = 0x7FFF_FFFF;
    /** Default for {@link #maxChunkStreams()}. */
    public static final int DEFAULT_MAX_CHUNK_STREAMS = 256;
    /** Default for {@link #maxBufferedBytes()}: 32 MiB. */
    public static final long DEFAULT_MAX_BUFFERED_BYTES = 32L << 20;

    private static final ChunkLimits DEFAULTS = new ChunkLimits(DEFAULT_MAX_MESSAGE_SIZE,
            DEFAULT_MAX_CHUNK_SIZE, DEFAULT_MAX_CHUNK_STREAMS, DEFAULT_MAX_BUFFERED_BYTES);

    /**
     * Validates the ranges given on each component.
     *
     * @param maxMessageSize largest message length accepted, 0..0xFFFFFF
     * @param maxChunkSize largest chunk size a peer may announce with Set Chunk Size, 1..0x7FFFFFFF
     * @param maxChunkStreams most chunk stream ids a peer may open (each costs a small state object),
     *     1..65598
     * @param maxBufferedBytes most bytes of incomplete messages held at once across all chunk streams
     *     (declared lengths), at least 0
     */
    public ChunkLimits {
        if (maxMessageSize < 0 || maxMessageSize > 0xFF_FFFF) {
            throw new IllegalArgumentException("maxMessageSize must be 0..0xFFFFFF: " + maxMessageSize);
        }
        if (maxChunkSize < 1) {
            throw new IllegalArgumentException("maxChunkSize must be 1..0x7FFFFFFF: " + maxChunkSize);
        }
        if (maxChunkStreams < 1 || maxChunkStreams > 65_598) {
            throw new IllegalArgumentException("maxChunkStreams must be 1..65598: " + maxChunkStreams);
        }
        if (maxBufferedBytes < 0) {
            throw new IllegalArgumentException("maxBufferedBytes must be >= 0: " + maxBufferedBytes);
        }
    }

    /**
     * The documented defaults.
     *
     * @return 0xFFFFFF message size, 0x7FFFFFFF chunk size, 256 chunk streams, 32 MiB buffered
     */
    public static ChunkLimits defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another {@link #maxMessageSize()}.
     *
     * @param value the new limit
     * @return the new limits
     */
    public ChunkLimits withMaxMessageSize(int value) {
        return new ChunkLimits(value, maxChunkSize, maxChunkStreams, maxBufferedBytes);
    }

    /**
     * A copy with another {@link #maxChunkSize()}.
     *
     * @param value the new limit
     * @return the new limits
     */
    public ChunkLimits withMaxChunkSize(int value) {
        return new ChunkLimits(maxMessageSize, value, maxChunkStreams, maxBufferedBytes);
    }

    /**
     * A copy with another {@link #maxChunkStreams()}.
     *
     * @param value the new limit
     * @return the new limits
     */
    public ChunkLimits withMaxChunkStreams(int value) {
        return new ChunkLimits(maxMessageSize, maxChunkSize, value, maxBufferedBytes);
    }

    /**
     * A copy with another {@link #maxBufferedBytes()}.
     *
     * @param value the new limit
     * @return the new limits
     */
    public ChunkLimits withMaxBufferedBytes(long value) {
        return new ChunkLimits(maxMessageSize, maxChunkSize, maxChunkStreams, value);
    }
}
