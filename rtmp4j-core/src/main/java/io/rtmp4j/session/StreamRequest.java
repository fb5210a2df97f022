package io.rtmp4j.session;

import io.rtmp4j.message.CommandMessage;
import io.rtmp4j.message.StatusCode;
import java.util.Objects;

/**
 * What {@link PlayRequest} and {@link PublishRequest} share: the stream and command the client sent, and
 * the decide-once rule (accept or reject, exactly one time, rtmp-1.0.txt §7.2.2; checked in the caller's
 * thread, {@link DecideOnce}). Package-private: the public types are the two requests.
 */
abstract sealed class StreamRequest permits PlayRequest, PublishRequest {

    final ServerSession session;
    private final int streamId;
    private final String streamName;
    private final CommandMessage message;
    private final DecideOnce decided;

    StreamRequest(ServerSession session, int streamId, String streamName, CommandMessage message, String kind) {
        this.session = session;
        this.streamId = streamId;
        this.streamName = streamName;
        this.message = message;
        this.decided = new DecideOnce(kind);
    }

    /**
     * The message stream the command came on: every media message of this stream carries this id.
     *
     * @return the message stream id
     */
    public int streamId() {
        return streamId;
    }

    /**
     * The stream name as sent (may carry a query string such as {@code ?key=...}).
     *
     * @return the stream name
     */
    public String streamName() {
        return streamName;
    }

    /**
     * The command as received.
     *
     * @return the command message
     */
    public CommandMessage message() {
        return message;
    }

    /**
     * Whether accept or reject has been called.
     *
     * @return true once decided
     */
    public boolean isDecided() {
        return decided.isDecided();
    }

    /**
     * Marks the request decided.
     *
     * @throws IllegalStateException if already decided
     */
    final void decide() {
        decided.mark();
    }

    /**
     * Checks a reject's arguments and marks the request decided.
     *
     * @return the description to send: {@code description}, or the code's default when null
     * @throws IllegalStateException if already decided
     */
    final String decideReject(StatusCode code, String description) {
        Objects.requireNonNull(code, "code");
        decide();
        return description == null ? code.defaultDescription() : description;
    }
}
