package io.rtmp4j.session;

import io.rtmp4j.message.CommandMessage;

/**
 * What a {@link ServerSession} reports, synchronously, from inside {@link ServerSession#receive} (and
 * from {@link ServerSession#close} / {@link ServerSession#transportClosed}). Every method has a default:
 * requests are accepted, everything else is ignored, so an application overrides only what it needs.
 *
 * <p>Payload arrays handed to {@link #onMedia} are the decoded messages' own arrays, never copied:
 * keep and share them (e.g. with every player), but do not modify them.
 */
public interface ServerSessionListener {

    /** A client connected (after the handshake) and asks to use an application. Default: accept. */
    default void onConnect(ConnectRequest request) {
        request.accept();
    }

    /** createStream was answered with this new stream id (on message stream 0, docs/INTEROP.md). */
    default void onCreateStream(int streamId) {
    }

    /** {@code releaseStream name} (answered with {@code _result}; OBS and ffmpeg send it before publishing). */
    default void onReleaseStream(String streamName) {
    }

    /** {@code FCPublish name} (answered with {@code _result}). */
    default void onFcPublish(String streamName) {
    }

    /** A client asks to publish. Default: accept. */
    default void onPublish(PublishRequest request) {
        request.accept();
    }

    /** A client asks to play. Default: accept. */
    default void onPlay(PlayRequest request) {
        request.accept();
    }

    /**
     * Audio, video or data (other than metadata) from a publisher, on an accepted publishing stream;
     * aggregates arrive already split into their parts.
     *
     * @param kind      audio, video or data
     * @param streamId  the publishing message stream
     * @param timestamp milliseconds, unsigned 32-bit
     * @param payload   the message body (an FLV tag body for audio/video, the AMF0 body for data); shared
     */
    default void onMedia(MediaKind kind, int streamId, long timestamp, byte[] payload) {
    }

    /** Metadata ({@code @setDataFrame onMetaData}, or a bare {@code onMetaData}) from a publisher. */
    default void onMetadata(Metadata metadata) {
    }

    /**
     * A publication ended: FCUnpublish, closeStream or deleteStream of the publishing stream, or the
     * session closing ({@link ServerSession#close}, {@link ServerSession#transportClosed}). Reported once
     * per accepted publication.
     */
    default void onUnpublish(int streamId, String streamName) {
    }

    /** A player stopped playing (closeStream / deleteStream of its stream, or the session closing). */
    default void onPlayStop(int streamId, String streamName) {
    }

    /** {@code deleteStream id} (after {@link #onUnpublish} / {@link #onPlayStop} if the stream was active). */
    default void onDeleteStream(int streamId) {
    }

    /** {@code closeStream} on a stream (after {@link #onUnpublish} / {@link #onPlayStop} if it was active). */
    default void onCloseStream(int streamId) {
    }

    /** {@code receiveAudio flag} from a player (the session then drops {@code sendAudio} when false). */
    default void onReceiveAudio(int streamId, boolean receive) {
    }

    /** {@code receiveVideo flag} from a player (the session then drops {@code sendVideo} when false). */
    default void onReceiveVideo(int streamId, boolean receive) {
    }

    /** {@code pause flag ms} from a player; the session has answered Pause.Notify / Unpause.Notify. */
    default void onPause(int streamId, boolean pause, double milliseconds) {
    }

    /** {@code seek ms} from a player (not answered by the session). */
    default void onSeek(int streamId, double milliseconds) {
    }

    /**
     * User Control SetBufferLength: often sent on stream 0 before {@code play}, naming a stream id that
     * does not exist yet (docs/INTEROP.md "Commands"); never an error.
     */
    default void onSetBufferLength(int streamId, long bufferLengthMs) {
    }

    /** The peer answered a {@link ServerSession#sendPingRequest} (rtmp-1.0.txt §7.1.7). */
    default void onPingResponse(long pingTime) {
    }

    /** The peer acknowledged this many bytes (rtmp-1.0.txt §5.4.3). */
    default void onAcknowledgement(long sequenceNumber) {
    }

    /**
     * Any other command (e.g. {@code getStreamLength}, {@code _checkbw}, {@code FCSubscribe}, an
     * application call, or a client's {@code _result} / {@code onStatus}). Not answered by the session;
     * use {@link ServerSession#send} to reply.
     */
    default void onCommand(CommandMessage command) {
    }

    /**
     * The session ended ({@link ServerSession#close} or {@link ServerSession#transportClosed}); after the
     * {@link #onUnpublish} / {@link #onPlayStop} of its active streams.
     *
     * @param reason why, as given to close / transportClosed
     */
    default void onClose(String reason) {
    }
}
