package io.rtmp4j.session;

import io.rtmp4j.message.CommandMessage;
import io.rtmp4j.message.StatusCode;

/**
 * A client's {@code play} (rtmp-1.0.txt §7.2.2.1) waiting for the application's decision, raised by
 * {@link ServerSessionListener#onPlay}. Decide now or later, from the thread that drives the session or,
 * when the transport set a {@link ServerSession#decisionExecutor} (RtmpServer does), from any thread.
 *
 * <p>{@link #accept()} sends, in this order (docs/INTEROP.md "Commands"; some players depend on Reset
 * first): {@code NetStream.Play.Reset} (when the play asked for a reset, the default), User Control
 * StreamBegin, {@code NetStream.Play.Start}, {@code |RtmpSampleAccess} (a data message at timestamp 0).
 * It sends no {@code NetStream.Data.Start}: FFmpeg's FLV demuxer would turn that data message into a
 * stream of its own (docs/INTEROP.md "Media").
 * After that the stream accepts {@link ServerSession#sendAudio} and friends, and media chunked once for
 * many players with the {@link #playback()}'s {@link ChunkLayout} (the fan-out contract).
 */
public final class PlayRequest extends StreamRequest {

    private final double start;
    private final double duration;
    private final boolean reset;
    private final Playback playback;

    PlayRequest(ServerSession session, ServerSession.Stream stream, String streamName, double start, double duration,
                boolean reset, CommandMessage message) {
        super(session, stream.id, streamName, message, "play");
        this.start = start;
        this.duration = duration;
        this.reset = reset;
        // a play comes after the connect was accepted: the outbound chunk size is final by now
        this.playback = new Playback(session, stream, this, ChunkLayout.of(session.outboundChunkSize(), stream.id));
    }

    /**
     * −2 live or recorded (default), −1 live only, ≥ 0 seconds into a recording.
     *
     * @return the start argument
     */
    public double start() {
        return start;
    }

    /**
     * Seconds to play, −1 (default) until the end.
     *
     * @return the duration argument
     */
    public double duration() {
        return duration;
    }

    /**
     * Whether the player asked for a playlist reset (default true).
     *
     * @return the reset argument
     */
    public boolean reset() {
        return reset;
    }

    /**
     * Accepts: sends the play reply sequence. Returns false if the stream was deleted or the session
     * closed meanwhile (true when the decision was handed to the session's thread,
     * {@link ServerSession#decisionExecutor}).
     *
     * @return true if the reply was queued, false if the stream or session is gone
     * @throws IllegalStateException if already decided
     */
    public boolean accept() {
        decide();
        return session.decide(() -> session.acceptPlay(this));
    }

    /**
     * The play this request starts once accepted: its {@link ChunkLayout} and what the player wants
     * (receiveAudio, receiveVideo, pause), for a writer of media shared by many players. The same handle
     * before and after the decision; {@link Playback#isPlaying()} is true from the accept until the play ends.
     *
     * @return the playback handle of this request
     */
    public Playback playback() {
        return playback;
    }

    /**
     * Rejects with NetStream.Play.StreamNotFound.
     *
     * @param description a sentence, or null for the default
     * @return true if the reply was queued, false if the stream or session is gone
     */
    public boolean rejectNotFound(String description) {
        return reject(StatusCode.PLAY_STREAM_NOT_FOUND, description);
    }

    /**
     * Rejects with an error status on the stream (e.g. {@link StatusCode#PLAY_FAILED}).
     *
     * @param code the error status code
     * @param description a sentence, or null for the code's default
     * @return true if the reply was queued, false if the stream or session is gone
     * @throws IllegalStateException if already decided
     */
    public boolean reject(StatusCode code, String description) {
        String text = decideReject(code, description);
        return session.decide(() -> session.rejectPlay(this, code, text));
    }
}
