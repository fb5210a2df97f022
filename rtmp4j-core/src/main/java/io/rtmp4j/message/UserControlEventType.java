package io.rtmp4j.message;

import java.util.Optional;

/**
 * User Control event types (rtmp-1.0.txt §7.1.7), with reverse lookup. Event type 5 is not assigned
 * by the specification; it and every other unlisted value decode to {@link UserControl.Unknown}.
 */
public enum UserControlEventType {
    /** Stream Begin: 4-byte stream id. */
    STREAM_BEGIN(0),
    /** Stream EOF: 4-byte stream id. */
    STREAM_EOF(1),
    /** StreamDry: 4-byte stream id. */
    STREAM_DRY(2),
    /** SetBufferLength: 4-byte stream id, then 4-byte buffer length in milliseconds. */
    SET_BUFFER_LENGTH(3),
    /** StreamIsRecorded: 4-byte stream id. */
    STREAM_IS_RECORDED(4),
    /** PingRequest: 4-byte timestamp. */
    PING_REQUEST(6),
    /** PingResponse: 4-byte timestamp echoed from the request. */
    PING_RESPONSE(7);

    private final int id;

    UserControlEventType(int id) {
        this.id = id;
    }

    /**
     * The 16-bit event type as written on the wire (rtmp-1.0.txt §6.2).
     *
     * @return the event type
     */
    public int id() {
        return id;
    }

    /**
     * The event type with this id, or empty when the specification names none.
     *
     * @param id a 16-bit event type
     * @return the event type, or empty
     */
    public static Optional<UserControlEventType> byId(int id) {
        for (UserControlEventType t : values()) {
            if (t.id == id) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
