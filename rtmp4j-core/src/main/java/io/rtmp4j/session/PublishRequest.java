package io.rtmp4j.session;

import io.rtmp4j.message.CommandMessage;
import io.rtmp4j.message.StatusCode;

/**
 * A client's {@code publish} (rtmp-1.0.txt §7.2.2.6) waiting for the application's decision, raised by
 * {@link ServerSessionListener#onPublish}. Decide now or later; media the client sends meanwhile is held
 * by the session and delivered once accepted (dropped if rejected). Decide from the thread that drives
 * the session, or from any thread when the transport set a {@link ServerSession#decisionExecutor}
 * (RtmpServer does, e.g. for an asynchronous authorization): the decision then runs on the session's thread.
 *
 * <p>{@link #accept()} sends {@code onStatus NetStream.Publish.Start}; {@link #rejectBadName} sends
 * {@code NetStream.Publish.BadName} (what a second publisher of a live name gets; OBS handles it,
 * docs/INTEROP.md "Commands").
 */
public final class PublishRequest extends StreamRequest {

    private final String publishingType;

    PublishRequest(ServerSession session, int streamId, String streamName, String publishingType,
                   CommandMessage message) {
        super(session, streamId, streamName, message, "publish");
        this.publishingType = publishingType;
    }

    /**
     * The publishing type as sent: "live" (default), "record" or "append".
     *
     * @return the publishing type
     */
    public String publishingType() {
        return publishingType;
    }

    /**
     * Accepts: sends Publish.Start and delivers the held media. Returns false if the stream was deleted or
     * the session closed meanwhile (true when the decision was handed to the session's thread,
     * {@link ServerSession#decisionExecutor}).
     *
     * @return true if the reply was queued, false if the stream or session is gone
     * @throws IllegalStateException if already decided
     */
    public boolean accept() {
        decide();
        return session.decide(() -> session.acceptPublish(this));
    }

    /**
     * Rejects with NetStream.Publish.BadName.
     *
     * @param description a sentence, or null for the default
     * @return true if the reply was queued, false if the stream or session is gone
     */
    public boolean rejectBadName(String description) {
        return reject(StatusCode.PUBLISH_BAD_NAME, description);
    }

    /**
     * Rejects with an error status on the stream (e.g. {@link StatusCode#PUBLISH_DENIED}); the stream stays
     * open so the client may try again.
     *
     * @param code the error status code
     * @param description a sentence, or null for the code's default
     * @return true if the reply was queued, false if the stream or session is gone
     * @throws IllegalStateException if already decided
     */
    public boolean reject(StatusCode code, String description) {
        String text = decideReject(code, description);
        return session.decide(() -> session.rejectPublish(this, code, text));
    }
}
