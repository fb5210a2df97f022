package io.rtmp4j.message;

import java.util.Optional;

/**
 * Every RTMP message type id, in one place (docs/ARCHITECTURE.md "Conventions"), with reverse lookup.
 *
 * <p>Ids from rtmp-1.0.txt §5.4 (protocol control 1, 2, 3, 5, 6), §6.2 (User Control 4) and §7.1
 * (audio 8, video 9, data 18/15, shared object 19/16, command 20/17, aggregate 22). Type 7 (an
 * edge/origin message that the specification does not describe) and every other id have no constant
 * here: they decode to {@link UnknownMessage}.
 *
 * <p>Example: {@code MessageType.byId(raw.typeId()).orElse(null)}.
 */
public enum MessageType {
    /** Set Chunk Size, rtmp-1.0.txt §5.4.1. */
    SET_CHUNK_SIZE(1),
    /** Abort Message, rtmp-1.0.txt §5.4.2. */
    ABORT(2),
    /** Acknowledgement, rtmp-1.0.txt §5.4.3. */
    ACKNOWLEDGEMENT(3),
    /** User Control Message, rtmp-1.0.txt §6.2 and §7.1.7. */
    USER_CONTROL(4),
    /** Window Acknowledgement Size, rtmp-1.0.txt §5.4.4. */
    WINDOW_ACKNOWLEDGEMENT_SIZE(5),
    /** Set Peer Bandwidth, rtmp-1.0.txt §5.4.5. */
    SET_PEER_BANDWIDTH(6),
    /** Audio Message, rtmp-1.0.txt §7.1.4. */
    AUDIO(8),
    /** Video Message, rtmp-1.0.txt §7.1.5. */
    VIDEO(9),
    /** Data Message labelled AMF3, rtmp-1.0.txt §7.1.2. */
    DATA_AMF3(15),
    /** Shared Object Message labelled AMF3, rtmp-1.0.txt §7.1.3. */
    SHARED_OBJECT_AMF3(16),
    /** Command Message labelled AMF3, rtmp-1.0.txt §7.1.1. */
    COMMAND_AMF3(17),
    /** Data Message in AMF0, rtmp-1.0.txt §7.1.2. */
    DATA_AMF0(18),
    /** Shared Object Message in AMF0, rtmp-1.0.txt §7.1.3. */
    SHARED_OBJECT_AMF0(19),
    /** Command Message in AMF0, rtmp-1.0.txt §7.1.1. */
    COMMAND_AMF0(20),
    /** Aggregate Message, rtmp-1.0.txt §7.1.6. */
    AGGREGATE(22);

    private static final MessageType[] BY_ID = new MessageType[256];

    static {
        for (MessageType t : values()) {
            BY_ID[t.id] = t;
        }
    }

    private final int id;

    MessageType(int id) {
        this.id = id;
    }

    /**
     * The type id as it appears in the message header (rtmp-1.0.txt §6.1.1).
     *
     * @return the type id
     */
    public int id() {
        return id;
    }

    /**
     * The message type with this id, or empty for an id this enum does not name (including anything
     * outside 0..255).
     *
     * @param id a type id
     * @return the type, or empty
     */
    public static Optional<MessageType> byId(int id) {
        return id >= 0 && id < BY_ID.length ? Optional.ofNullable(BY_ID[id]) : Optional.empty();
    }

    /**
     * True for the protocol control messages of rtmp-1.0.txt §5.4 (types 1, 2, 3, 5, 6), which MUST
     * travel on message stream 0. User Control (4) is not one of them: §6.2 only says it SHOULD.
     *
     * @return true for types 1, 2, 3, 5 and 6
     */
    public boolean isProtocolControl() {
        return this == SET_CHUNK_SIZE || this == ABORT || this == ACKNOWLEDGEMENT
                || this == WINDOW_ACKNOWLEDGEMENT_SIZE || this == SET_PEER_BANDWIDTH;
    }
}
