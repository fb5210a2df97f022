package io.rtmp4j.session;

import io.rtmp4j.message.MessageType;

/**
 * One play of a {@link ServerSession} as a writer of shared media sees it: its message stream, the
 * {@link ChunkLayout} its media is framed with, and what the player wants now (receiveAudio,
 * receiveVideo, pause: rtmp-1.0.txt §7.2.2.2, §7.2.2.3, §7.2.2.8), read straight from the session's
 * state of the stream, so asking per message costs no lookup. Given by {@link PlayRequest#playback()};
 * it stands for that request's play only, and is live from its accept until the play ends
 * ({@link #isPlaying()}).
 *
 * <pre>{@code
 * if (request.accept()) {
 *     Playback p = request.playback();
 *     // per shared message, on the session's thread:
 *     if (p.accepts(9)) write(encodedFor(p.layout()));
 * }
 * }</pre>
 *
 * <p>Confined to the session's thread, like the session.
 */
public final class Playback {

    private static final int AUDIO = MessageType.AUDIO.id();
    private static final int VIDEO = MessageType.VIDEO.id();

    private final ServerSession session;
    private final ServerSession.Stream stream;
    private final PlayRequest request;
    private final ChunkLayout layout;

    Playback(ServerSession session, ServerSession.Stream stream, PlayRequest request, ChunkLayout layout) {
        this.session = session;
        this.stream = stream;
        this.request = request;
        this.layout = layout;
    }

    /**
     * The message stream the play came on.
     *
     * @return the message stream id
     */
    public int streamId() {
        return stream.id;
    }

    /**
     * How this play's media is chunked: the session's outbound chunk size (frozen since the connect was
     * accepted) and media chunk stream ids, and this stream's id.
     *
     * @return the layout
     */
    public ChunkLayout layout() {
        return layout;
    }

    /**
     * Whether this play is accepted and still going (not stopped, deleted, replaced or closed).
     *
     * @return true while media may be written for it
     */
    public boolean isPlaying() {
        return session.state() != ServerSession.State.CLOSED && stream.request == request
                && session.isPlaying(stream.id);
    }

    /**
     * Whether the player wants audio (receiveAudio, rtmp-1.0.txt §7.2.2.2; default true).
     *
     * @return true if audio goes to it
     */
    public boolean receivesAudio() {
        return stream.audio;
    }

    /**
     * Whether the player wants video (receiveVideo, rtmp-1.0.txt §7.2.2.3; default true).
     *
     * @return true if video goes to it
     */
    public boolean receivesVideo() {
        return stream.video;
    }

    /**
     * Whether the player has paused (rtmp-1.0.txt §7.2.2.8).
     *
     * @return true if paused
     */
    public boolean isPaused() {
        return stream.paused;
    }

    /**
     * Whether the player wants a message of this type now: not while paused; audio (8) only with
     * {@link #receivesAudio()}, video (9) only with {@link #receivesVideo()}, any other type always.
     * Does not check {@link #isPlaying()}.
     *
     * @param typeId the message type id (rtmp-1.0.txt §7.1)
     * @return true to send it, false to skip it
     */
    public boolean accepts(int typeId) {
        if (stream.paused) {
            return false;
        }
        return typeId == AUDIO ? stream.audio : typeId != VIDEO || stream.video;
    }

    /**
     * Tells the player that the stream was (re)published: {@link ServerSession#notifyPublish(int)}.
     *
     * @return true if queued, false if the session is closed
     */
    public boolean notifyPublish() {
        return session.notifyPublish(stream.id);
    }

    /**
     * Tells the player that the publisher left: {@link ServerSession#notifyUnpublish(int)}.
     *
     * @return true if queued, false if the session is closed
     */
    public boolean notifyUnpublish() {
        return session.notifyUnpublish(stream.id);
    }
}
