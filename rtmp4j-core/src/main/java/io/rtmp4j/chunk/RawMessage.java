package io.rtmp4j.chunk;

import java.util.Objects;

/**
 * One complete RTMP message as the chunk stream carries it: the message header fields of
 * rtmp-1.0.txt §6.1.1 plus the chunk stream it travelled on, and its payload bytes, not yet
 * interpreted. This is the boundary between the chunk layer ({@code io.rtmp4j.chunk}) and the typed
 * message layer ({@code io.rtmp4j.message}).
 *
 * <p>The payload array is owned by the message and must not be modified once the message exists: the
 * server shares one published payload among every player (docs/ARCHITECTURE.md "Data path"), so it is never
 * copied per reader. {@link #equals} compares the payload by content.
 *
 * @param chunkStreamId   chunk stream id (2..65599) it arrived on or should be sent on (§5.3.1.1)
 * @param typeId          message type id, 0..255 (§6.1.1)
 * @param timestamp       absolute timestamp in milliseconds, an unsigned 32-bit value (0..2³²−1)
 * @param messageStreamId message stream id, an unsigned 32-bit value kept in an int
 * @param payload         the message body
 */
public record RawMessage(int chunkStreamId, int typeId, long timestamp, int messageStreamId, byte[] payload) {

    /**
     * Checks the values: the payload is required, the type id must fit in one byte and the timestamp in
     * 32 unsigned bits (rtmp-1.0.txt §5.3.1.2). The payload is kept as given, not copied.
     *
     * @param chunkStreamId chunk stream id (2..65599) it arrived on or should be sent on (§5.3.1.1)
     * @param typeId message type id, 0..255 (§6.1.1)
     * @param timestamp absolute timestamp in milliseconds, an unsigned 32-bit value (0..2³²−1)
     * @param messageStreamId message stream id, an unsigned 32-bit value kept in an int
     * @param payload the message body
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public RawMessage {
        Objects.requireNonNull(payload, "payload");
        if (typeId < 0 || typeId > 0xFF) {
            throw new IllegalArgumentException("typeId out of range: " + typeId);
        }
        if (timestamp < 0 || timestamp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timestamp out of 32-bit range: " + timestamp);
        }
    }

    /**
     * Payload length in bytes.
     *
     * @return the payload length
     */
    public int length() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawMessage m
                && chunkStreamId == m.chunkStreamId
                && typeId == m.typeId
                && timestamp == m.timestamp
                && messageStreamId == m.messageStreamId
                && java.util.Arrays.equals(payload, m.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chunkStreamId, typeId, timestamp, messageStreamId, java.util.Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "RawMessage[csid=" + chunkStreamId + ", type=" + typeId + ", ts=" + timestamp
                + ", msid=" + messageStreamId + ", length=" + payload.length + "]";
    }
}
