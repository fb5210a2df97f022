package io.rtmp4j.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * Video Message (type 9, rtmp-1.0.txt §7.1.5). The payload is kept exactly as received: an FLV video tag body
 * (flv-10.1.txt; legacy or Enhanced RTMP), parsed by the FLV layer, not here. The array is shared,
 * never copied, so one published frame can be sent to every player (docs/ARCHITECTURE.md "Data path"); do not
 * modify it after handing it over. A zero-length payload is legal (for audio it means silence,
 * docs/INTEROP.md "Media").
 *
 * <p>Example: {@code new VideoMessage(flvBody, 40, streamId)} (chunk stream 6).
 *
 * @param payload         the message body (shared, not copied)
 * @param timestamp       absolute timestamp in milliseconds (unsigned 32-bit)
 * @param messageStreamId message stream id the media belongs to
 * @param chunkStreamId   chunk stream id (6 by default)
 */
public record VideoMessage(byte[] payload, long timestamp, int messageStreamId, int chunkStreamId) implements RtmpMessage {

    /**
     * Checks the values: the payload is required, and the timestamp must fit in 32 unsigned bits and the
     * chunk stream id be 2..65599 (rtmp-1.0.txt §5.3.1.1). The payload is kept as given, not copied.
     *
     * @param payload the message body (shared, not copied)
     * @param timestamp absolute timestamp in milliseconds (unsigned 32-bit)
     * @param messageStreamId message stream id the media belongs to
     * @param chunkStreamId chunk stream id (6 by default)
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public VideoMessage {
        Objects.requireNonNull(payload, "payload");
        Checks.header(timestamp, chunkStreamId);
    }

    /**
     * On the default chunk stream for video (6).
     *
     * @param payload the FLV video tag body (kept, not copied)
     * @param timestamp the timestamp in ms
     * @param messageStreamId the message stream id
     */
    public VideoMessage(byte[] payload, long timestamp, int messageStreamId) {
        this(payload, timestamp, messageStreamId, MessageCodec.CSID_VIDEO);
    }

    @Override
    public int typeId() {
        return MessageType.VIDEO.id();
    }

    /** The same message with another timestamp (covariant {@link RtmpMessage#withTimestamp}). */
    @Override
    public VideoMessage withTimestamp(long timestamp) {
        return withHeader(timestamp, messageStreamId, chunkStreamId);
    }

    /**
     * The same message on another message stream, same chunk stream (covariant
     * {@link RtmpMessage#withMessageStreamId}); e.g. a published frame forwarded to a player's stream.
     */
    @Override
    public VideoMessage withMessageStreamId(int messageStreamId) {
        return withHeader(timestamp, messageStreamId, chunkStreamId);
    }

    @Override
    public VideoMessage withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
        return new VideoMessage(payload, timestamp, messageStreamId, chunkStreamId);
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
        return o instanceof VideoMessage m && Checks.sameHeader(this, m) && Arrays.equals(payload, m.payload);
    }

    @Override
    public int hashCode() {
        return Checks.hash(payload, this);
    }

    @Override
    public String toString() {
        return Checks.describe("VideoMessage", payload, this);
    }
}
