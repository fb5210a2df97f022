package io.rtmp4j.message;

import io.rtmp4j.amf.AmfLimits;
import java.util.Objects;

/**
 * Limits and strictness switches of {@link MessageCodec} (docs/ARCHITECTURE.md "Limits"). The largest body a
 * message can have is bounded by the chunk layer (a 24-bit length, rtmp-1.0.txt §6.1.1, and its own
 * configurable limit), so there is no size limit here.
 *
 * <p>Example: {@code new MessageCodec(MessageLimits.DEFAULT.withStrictAggregateBackPointers(true))}.
 *
 * @param amf                         limits for the AMF0 / AMF3 bodies of command and data messages,
 *                                    passed through to {@code io.rtmp4j.amf} (default {@link AmfLimits#DEFAULT}).
 * @param maxAggregateSubMessages     most sub-messages one Aggregate Message (§7.1.6) may hold.
 *                                    Default {@value #DEFAULT_MAX_AGGREGATE_SUB_MESSAGES}: Flash Media
 *                                    Server aggregates cover a few hundred milliseconds of audio and
 *                                    video (tens of messages); the cap stops a 16 MiB body of empty
 *                                    15-byte sub-messages from turning into a million objects.
 * @param strictControlStream         refuse protocol control messages (types 1, 2, 3, 5, 6) on a message
 *                                    stream other than 0, as rtmp-1.0.txt §5.4 says they MUST not be.
 *                                    Default true: ffmpeg, librtmp (rtmpdump, OBS) and nginx-rtmp all
 *                                    send them on stream 0; set false to accept a peer that does not
 *                                    (nginx-rtmp and SRS do not check the stream id on receipt).
 * @param strictAggregateBackPointers refuse an aggregate whose back-pointers are not "size of the
 *                                    previous sub-message including its 11-byte header" (§7.1.6).
 *                                    Default false, because neither ffmpeg ({@code handle_metadata} in
 *                                    rtmpproto.c) nor nginx-rtmp ({@code ngx_rtmp_aggregate_message_handler})
 *                                    checks them: they only skip the 4 bytes, so a server writing wrong
 *                                    values works with both, and should with rtmp4j.
 */
public record MessageLimits(AmfLimits amf, int maxAggregateSubMessages, boolean strictControlStream,
                            boolean strictAggregateBackPointers) {

    /** Default cap on sub-messages per aggregate. */
    public static final int DEFAULT_MAX_AGGREGATE_SUB_MESSAGES = 4096;

    /** The documented defaults. */
    public static final MessageLimits DEFAULT = new MessageLimits(AmfLimits.DEFAULT,
            DEFAULT_MAX_AGGREGATE_SUB_MESSAGES, true, false);

    /**
     * Checks the values: the AMF limits are required and the sub-message cap must not be negative.
     *
     * @param amf limits for the AMF0 / AMF3 bodies of command and data messages, passed through to {@code
     *     io.rtmp4j.amf} (default {@link AmfLimits#DEFAULT})
     * @param maxAggregateSubMessages most sub-messages one Aggregate Message (§7.1.6) may hold
     * @param strictControlStream refuse protocol control messages (types 1, 2, 3, 5, 6) on a message stream
     *     other than 0, as rtmp-1.0.txt §5.4 says they MUST not be
     * @param strictAggregateBackPointers refuse an aggregate whose back-pointers are not "size of the
     *     previous sub-message including its 11-byte header" (§7.1.6)
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public MessageLimits {
        Objects.requireNonNull(amf, "amf");
        if (maxAggregateSubMessages < 0) {
            throw new IllegalArgumentException("maxAggregateSubMessages must be >= 0: " + maxAggregateSubMessages);
        }
    }

    /**
     * A copy with other AMF limits.
     *
     * @param value the AMF limits
     * @return the new limits
     */
    public MessageLimits withAmf(AmfLimits value) {
        return new MessageLimits(value, maxAggregateSubMessages, strictControlStream, strictAggregateBackPointers);
    }

    /**
     * A copy with another aggregate sub-message cap.
     *
     * @param value the cap, at least 0
     * @return the new limits
     */
    public MessageLimits withMaxAggregateSubMessages(int value) {
        return new MessageLimits(amf, value, strictControlStream, strictAggregateBackPointers);
    }

    /**
     * A copy with the control-stream check switched on or off.
     *
     * @param value true to check
     * @return the new limits
     */
    public MessageLimits withStrictControlStream(boolean value) {
        return new MessageLimits(amf, maxAggregateSubMessages, value, strictAggregateBackPointers);
    }

    /**
     * A copy with the aggregate back-pointer check switched on or off.
     *
     * @param value true to check
     * @return the new limits
     */
    public MessageLimits withStrictAggregateBackPointers(boolean value) {
        return new MessageLimits(amf, maxAggregateSubMessages, strictControlStream, value);
    }
}
