package io.rtmp4j.session;

import io.rtmp4j.message.MessageType;

/**
 * The three kinds of stream payload a session delivers and sends (rtmp-1.0.txt §7.1.2, §7.1.4,
 * §7.1.5), each with the message type it travels as.
 */
public enum MediaKind {
    /** Audio (type 8): an FLV audio tag body, legacy or enhanced. */
    AUDIO(MessageType.AUDIO),
    /** Video (type 9): an FLV video tag body, legacy or enhanced. */
    VIDEO(MessageType.VIDEO),
    /** Data (type 18, AMF0): a handler name and its values, e.g. {@code onCuePoint}; the payload is the AMF0 body. */
    DATA(MessageType.DATA_AMF0);

    private final MessageType type;

    MediaKind(MessageType type) {
        this.type = type;
    }

    /**
     * The message type this kind is sent as.
     *
     * @return the message type
     */
    public MessageType messageType() {
        return type;
    }
}
