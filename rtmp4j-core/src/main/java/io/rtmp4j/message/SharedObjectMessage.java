package io.rtmp4j.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * Shared Object Message (types 19 AMF0 and 16 AMF3, rtmp-1.0.txt §7.1.3), kept as opaque bytes:
 * rtmp4j does not implement remote shared objects, but it can carry and forward them unchanged.
 *
 * @param type            {@link MessageType#SHARED_OBJECT_AMF0} or {@link MessageType#SHARED_OBJECT_AMF3}
 * @param body            the message body (shared, not copied)
 * @param timestamp       absolute timestamp in milliseconds (unsigned 32-bit)
 * @param messageStreamId message stream id
 * @param chunkStreamId   chunk stream id (3 by default)
 */
public record SharedObjectMessage(MessageType type, byte[] body, long timestamp, int messageStreamId,
                                  int chunkStreamId) implements RtmpMessage {

    /**
     * Checks the values: the type must be one of the two shared object types (19, 16), the body is
     * required, and the timestamp must fit in 32 unsigned bits and the chunk stream id be 2..65599
     * (rtmp-1.0.txt §5.3.1.1).
     *
     * @param type {@link MessageType#SHARED_OBJECT_AMF0} or {@link MessageType#SHARED_OBJECT_AMF3}
     * @param body the message body (shared, not copied)
     * @param timestamp absolute timestamp in milliseconds (unsigned 32-bit)
     * @param messageStreamId message stream id
     * @param chunkStreamId chunk stream id (3 by default)
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public SharedObjectMessage {
        if (type != MessageType.SHARED_OBJECT_AMF0 && type != MessageType.SHARED_OBJECT_AMF3) {
            throw new IllegalArgumentException("not a shared object message type: " + type);
        }
        Objects.requireNonNull(body, "body");
        Checks.header(timestamp, chunkStreamId);
    }

    @Override
    public int typeId() {
        return type.id();
    }

    @Override
    public SharedObjectMessage withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
        return new SharedObjectMessage(type, body, timestamp, messageStreamId, chunkStreamId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SharedObjectMessage m && type == m.type && Checks.sameHeader(this, m)
                && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Checks.hash(body), timestamp, messageStreamId, chunkStreamId);
    }

    @Override
    public String toString() {
        return "SharedObjectMessage[type=" + type.id() + ", length=" + body.length + ", ts=" + timestamp
                + ", msid=" + messageStreamId + ", csid=" + chunkStreamId + "]";
    }
}
