package io.rtmp4j.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * Aggregate Message (type 22, rtmp-1.0.txt §7.1.6): a series of sub-messages, each an FLV-tag-shaped
 * header (type 1 byte, length 3 bytes, timestamp 3 bytes + 1 upper byte, stream id 3 bytes), its
 * data, and a 4-byte back-pointer (the size of that sub-message including its header).
 *
 * <p>The body is kept verbatim, so a decoded aggregate re-encodes to the same bytes and can be
 * forwarded as is. {@link MessageCodec#decode} has already checked its framing; use
 * {@link MessageCodec#split(AggregateMessage)} to get the sub-messages (timestamps re-based, the
 * aggregate's message stream id applied) and {@link MessageCodec#aggregate(java.util.List)} to build
 * one with correct back-pointers.
 *
 * @param body            the aggregate body (shared, not copied)
 * @param timestamp       absolute timestamp of the aggregate; the first sub-message maps to it
 * @param messageStreamId message stream id; overrides the sub-messages' own (§7.1.6)
 * @param chunkStreamId   chunk stream id (6 by default)
 */
public record AggregateMessage(byte[] body, long timestamp, int messageStreamId, int chunkStreamId)
        implements RtmpMessage {

    /**
     * Checks the values: the body is required, and the timestamp must fit in 32 unsigned bits and the
     * chunk stream id be 2..65599 (rtmp-1.0.txt §5.3.1.1). The body is kept as given, not copied.
     *
     * @param body the aggregate body (shared, not copied)
     * @param timestamp absolute timestamp of the aggregate
     * @param messageStreamId message stream id
     * @param chunkStreamId chunk stream id (6 by default)
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public AggregateMessage {
        Objects.requireNonNull(body, "body");
        Checks.header(timestamp, chunkStreamId);
    }

    @Override
    public int typeId() {
        return MessageType.AGGREGATE.id();
    }

    /** The same message with another timestamp (covariant {@link RtmpMessage#withTimestamp}). */
    @Override
    public AggregateMessage withTimestamp(long timestamp) {
        return withHeader(timestamp, messageStreamId, chunkStreamId);
    }

    /**
     * The same message on another message stream, same chunk stream (covariant
     * {@link RtmpMessage#withMessageStreamId}); e.g. a published frame forwarded to a player's stream.
     */
    @Override
    public AggregateMessage withMessageStreamId(int messageStreamId) {
        return withHeader(timestamp, messageStreamId, chunkStreamId);
    }

    @Override
    public AggregateMessage withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
        return new AggregateMessage(body, timestamp, messageStreamId, chunkStreamId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AggregateMessage m && Checks.sameHeader(this, m) && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() {
        return Checks.hash(body, this);
    }

    @Override
    public String toString() {
        return "AggregateMessage[length=" + body.length + ", ts=" + timestamp + ", msid=" + messageStreamId
                + ", csid=" + chunkStreamId + "]";
    }
}
