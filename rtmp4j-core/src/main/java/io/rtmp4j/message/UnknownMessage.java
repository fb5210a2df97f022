package io.rtmp4j.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * A message whose type id {@link MessageType} does not name (e.g. 7, the undocumented edge/origin
 * message, or anything above 22), kept verbatim so it can be ignored, logged or forwarded unchanged.
 *
 * @param typeId          the message type id, 0..255, not one of {@link MessageType}
 * @param payload         the message body (shared, not copied)
 * @param timestamp       absolute timestamp in milliseconds (unsigned 32-bit)
 * @param messageStreamId message stream id
 * @param chunkStreamId   chunk stream id
 */
public record UnknownMessage(int typeId, byte[] payload, long timestamp, int messageStreamId, int chunkStreamId)
        implements RtmpMessage {

    /**
     * Checks the values: the type id must be 0..255 and not one that {@link MessageType} knows (a known
     * type has a record of its own), the payload is required, and the timestamp must fit in 32 unsigned
     * bits and the chunk stream id be 2..65599 (rtmp-1.0.txt §5.3.1.1).
     *
     * @param typeId the message type id, 0..255, not one of {@link MessageType}
     * @param payload the message body (shared, not copied)
     * @param timestamp absolute timestamp in milliseconds (unsigned 32-bit)
     * @param messageStreamId message stream id
     * @param chunkStreamId chunk stream id
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public UnknownMessage {
        if (typeId < 0 || typeId > 0xFF) {
            throw new IllegalArgumentException("type id out of range 0..255: " + typeId);
        }
        if (MessageType.byId(typeId).isPresent()) {
            throw new IllegalArgumentException("type id " + typeId + " is a known type: "
                    + MessageType.byId(typeId).get());
        }
        Objects.requireNonNull(payload, "payload");
        Checks.header(timestamp, chunkStreamId);
    }

    @Override
    public UnknownMessage withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
        return new UnknownMessage(typeId, payload, timestamp, messageStreamId, chunkStreamId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownMessage m && typeId == m.typeId && Checks.sameHeader(this, m)
                && Arrays.equals(payload, m.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeId, Checks.hash(payload), timestamp, messageStreamId, chunkStreamId);
    }

    @Override
    public String toString() {
        return "UnknownMessage[type=" + typeId + ", length=" + payload.length + ", ts=" + timestamp
                + ", msid=" + messageStreamId + ", csid=" + chunkStreamId + ", payload="
                + Checks.hex(payload, 16) + "]";
    }
}
