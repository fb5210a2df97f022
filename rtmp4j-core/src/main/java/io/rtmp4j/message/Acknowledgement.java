package io.rtmp4j.message;

/**
 * Acknowledgement (type 3, rtmp-1.0.txt §5.4.3): the number of bytes received so far. Body: one
 * 32-bit sequence number (the cumulative count modulo 2³²).
 *
 * @param sequenceNumber  bytes received so far, unsigned 32-bit
 * @param timestamp       header timestamp (ignored, §5.4)
 * @param messageStreamId message stream id (MUST be 0, §5.4)
 * @param chunkStreamId   chunk stream id (2 by default)
 */
public record Acknowledgement(long sequenceNumber, long timestamp, int messageStreamId, int chunkStreamId)
        implements RtmpMessage {

    /**
     * Checks the values: the sequence number must fit in 32 unsigned bits (rtmp-1.0.txt §5.4.3), and the
     * timestamp must fit in 32 unsigned bits and the chunk stream id be 2..65599 (rtmp-1.0.txt §5.3.1.1).
     *
     * @param sequenceNumber bytes received so far, unsigned 32-bit
     * @param timestamp header timestamp (ignored, §5.4)
     * @param messageStreamId message stream id (MUST be 0, §5.4)
     * @param chunkStreamId chunk stream id (2 by default)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public Acknowledgement {
        Checks.u32("sequence number", sequenceNumber);
        Checks.header(timestamp, chunkStreamId);
    }

    /**
     * On the control stream, chunk stream 2, timestamp 0.
     *
     * @param sequenceNumber the bytes received so far, modulo 2³²
     */
    public Acknowledgement(long sequenceNumber) {
        this(sequenceNumber, 0, 0, MessageCodec.CSID_PROTOCOL);
    }

    @Override
    public int typeId() {
        return MessageType.ACKNOWLEDGEMENT.id();
    }

    @Override
    public Acknowledgement withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
        return new Acknowledgement(sequenceNumber, timestamp, messageStreamId, chunkStreamId);
    }
}
