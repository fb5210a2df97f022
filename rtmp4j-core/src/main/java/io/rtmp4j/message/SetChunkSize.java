package io.rtmp4j.message;

/**
 * Set Chunk Size (type 1, rtmp-1.0.txt §5.4.1): the sender's new maximum chunk size. Body: one
 * 32-bit word whose top bit MUST be zero; valid sizes are 1..2147483647.
 *
 * <p>Example: {@code new SetChunkSize(4096)} (control stream 0, chunk stream 2, timestamp 0).
 *
 * @param chunkSize       new maximum chunk size, 1..0x7FFFFFFF
 * @param timestamp       header timestamp (ignored by receivers, §5.4)
 * @param messageStreamId message stream id (MUST be 0, §5.4)
 * @param chunkStreamId   chunk stream id (2 by default)
 */
public record SetChunkSize(int chunkSize, long timestamp, int messageStreamId, int chunkStreamId)
        implements RtmpMessage {

    /**
     * Checks the values: the chunk size must be 1..0x7FFFFFFF (rtmp-1.0.txt §5.4.1: the top bit is zero),
     * and the timestamp must fit in 32 unsigned bits and the chunk stream id be 2..65599 (rtmp-1.0.txt
     * §5.3.1.1).
     *
     * @param chunkSize new maximum chunk size, 1..0x7FFFFFFF
     * @param timestamp header timestamp (ignored by receivers, §5.4)
     * @param messageStreamId message stream id (MUST be 0, §5.4)
     * @param chunkStreamId chunk stream id (2 by default)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public SetChunkSize {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be 1..0x7FFFFFFF: " + chunkSize);
        }
        Checks.header(timestamp, chunkStreamId);
    }

    /**
     * On the control stream, chunk stream 2, timestamp 0.
     *
     * @param chunkSize the new chunk size in bytes, 1..0x7FFFFFFF
     */
    public SetChunkSize(int chunkSize) {
        this(chunkSize, 0, 0, MessageCodec.CSID_PROTOCOL);
    }

    @Override
    public int typeId() {
        return MessageType.SET_CHUNK_SIZE.id();
    }

    @Override
    public SetChunkSize withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
        return new SetChunkSize(chunkSize, timestamp, messageStreamId, chunkStreamId);
    }
}
