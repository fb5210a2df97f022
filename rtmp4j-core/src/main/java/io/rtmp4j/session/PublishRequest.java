package io.rtmp4j.session;

import io.rtmp4j.message.CommandMessage;
import io.rtmp4j.message.StatusCode;
import java.util.Objects;

/**
 * A client's {@code publish} (rtmp-1.0.txt §7.2.2.6) waiting for the application's decision, raised by
 * {@link ServerSessionListener#onPublish}. Decide now or later; media the client sends meanwhile is held
 * by the session and delivered once accepted (dropped if rejected). Call from the thread that drives the
 * session.
 *
 * <p>{@link #accept()} sends {@code onStatus NetStream.Publish.Start}; {@link #rejectBadName} sends
 * {@code NetStream.Publish.BadName} (what a second publisher of a live name gets; OBS handles it,
 * INTEROP-NOTES "Commands").
 */
public final class PublishRequest {

    private final ServerSession session;
    private final int streamId;
    private final String streamName;
    private final String publishingType;
    private final CommandMessage message;
    private boolean decided;

    PublishRequest(ServerSession session, int streamId, String streamName, String publishingType,
                   CommandMessage message) {
        this.session = session;
        this.streamId = streamId;
        this.streamName = streamName;
        this.publishingType = publishingType;
        this.message = message;
    }

    /** The message stream being published. */
    public int streamId() {
        return streamId;
    }

    /** The publishing name as sent (may carry a query string such as {@code ?key=...}). */
    public String streamName() {
        return streamName;
    }

    /** The publishing type as sent: "live" (default), "record" or "append". */
    public String publishingType() {
        return publishingType;
    }

    /** The command as received. */
    public CommandMessage message() {
        return message;
    }

    /** Whether accept or reject has been called. */
    public boolean isDecided() {
        return decided;
    }

    /**
     * Accepts: sends Publish.Start and delivers the held media. Returns false if the stream was deleted or
     * the session closed meanwhile.
     *
     * @throws IllegalStateException if already decided
     */
    public boolean accept() {
        decide();
        return session.acceptPublish(this);
    }

    /** Rejects with NetStream.Publish.BadName. */
    public boolean rejectBadName(String description) {
        return reject(StatusCode.PUBLISH_BAD_NAME, description);
    }

    /**
     * Rejects with an error status on the stream (e.g. {@link StatusCode#PUBLISH_DENIED}); the stream stays
     * open so the client may try again.
     *
     * @throws IllegalStateException if already decided
     */
    public boolean reject(StatusCode code, String description) {
        Objects.requireNonNull(code, "code");
        decide();
        return session.rejectPublish(this, code, description == null ? code.defaultDescription() : description);
    }

    private void decide() {
        if (decided) {
            throw new IllegalStateException("publish request already decided");
        }
        decided = true;
    }
}
