package io.rtmp4j.message;

/**
 * Window Acknowledgement Size (type 5, rtmp-1.0.txt §5.4.4): how many bytes the sender may send
 * before it expects an Acknowledgement. Body: one 32-bit window size.
 *
 * @param windowSize      acknowledgement window in bytes, unsigned 32-bit
 * @param timestamp       header timestamp (ignored, §5.4)
 * @param messageStreamId message stream id (MUST be 0, §5.4)
 * @param chunkStreamId   chunk stream id (2 by default)
 */
public record WindowAcknowledgementSize(long windowSize, long timestamp, int messageStreamId, int chunkStreamId)
        implements RtmpMessage {

    /**
     * Checks the values: the window size must fit in 32 unsigned bits (rtmp-1.0.txt §5.4.4), and the
     * timestamp must fit in 32 unsigned bits and the chunk stream id be 2..65599 (rtmp-1.0.txt §5.3.1.1).
     *
     * @param windowSize acknowledgement window in bytes, unsigned 32-bit
     * @param timestamp header timestamp (ignored, §5.4)
     * @param messageStreamId message stream id (MUST be 0, §5.4)
     * @param chunkStreamId chunk stream id (2 by default)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public WindowAcknowledgementSize {
        Checks.u32("window size", windowSize);
        Checks.header(timestamp, chunkStreamId);
    }

    /**
     * On the control stream, chunk stream 2, timestamp 0.
     *
     * @param windowSize the window in bytes, unsigned 32-bit
     */
    public WindowAcknowledgementSize(long windowSize) {
        this(windowSize, 0, 0, MessageCodec.CSID_PROTOCOL);
    }

    @Override
    public int typeId() {
        return MessageType.WINDOW_ACKNOWLEDGEMENT_SIZE.id();
    }

    @Override
    public WindowAcknowledgementSize withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
        return new WindowAcknowledgementSize(windowSize, timestamp, messageStreamId, chunkStreamId);
    }
}
