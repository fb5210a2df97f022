package io.rtmp4j.message;

/**
 * Abort Message (type 2, rtmp-1.0.txt §5.4.2): discard the partially received message on a chunk
 * stream. Body: the 32-bit chunk stream id.
 *
 * @param abortedChunkStreamId the chunk stream whose partial message is dropped (unsigned 32-bit)
 * @param timestamp            header timestamp (ignored, §5.4)
 * @param messageStreamId      message stream id (MUST be 0, §5.4)
 * @param chunkStreamId        chunk stream this message itself travels on (2 by default)
 */
public record Abort(long abortedChunkStreamId, long timestamp, int messageStreamId, int chunkStreamId)
        implements RtmpMessage {

    /**
     * Checks the values: the aborted chunk stream id must fit in 32 unsigned bits (rtmp-1.0.txt §5.4.2),
     * and the timestamp must fit in 32 unsigned bits and the chunk stream id be 2..65599 (rtmp-1.0.txt
     * §5.3.1.1).
     *
     * @param abortedChunkStreamId the chunk stream whose partial message is dropped (unsigned 32-bit)
     * @param timestamp header timestamp (ignored, §5.4)
     * @param messageStreamId message stream id (MUST be 0, §5.4)
     * @param chunkStreamId chunk stream this message itself travels on (2 by default)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public Abort {
        Checks.u32("aborted chunk stream id", abortedChunkStreamId);
        Checks.header(timestamp, chunkStreamId);
    }

    /**
     * On the control stream, chunk stream 2, timestamp 0.
     *
     * @param abortedChunkStreamId the chunk stream whose partial message is dropped
     */
    public Abort(long abortedChunkStreamId) {
        this(abortedChunkStreamId, 0, 0, MessageCodec.CSID_PROTOCOL);
    }

    @Override
    public int typeId() {
        return MessageType.ABORT.id();
    }

    @Override
    public Abort withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
        return new Abort(abortedChunkStreamId, timestamp, messageStreamId, chunkStreamId);
    }
}
