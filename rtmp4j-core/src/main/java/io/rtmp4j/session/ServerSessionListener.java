package io.rtmp4j.session;

import io.rtmp4j.message.CommandMessage;

/**
 * What a {@link ServerSession} reports, synchronously, from inside {@link ServerSession#receive} (and
 * from {@link ServerSession#close} / {@link ServerSession#transportClosed}), so on the thread that drives
 * the session (with rtmp4j-netty's RtmpServer: the connection's event loop, shared with other
 * connections). The methods must not block: decide a request later instead, from any thread once the
 * transport set a {@link ServerSession#decisionExecutor} (RtmpServer does). Every method has a default:
 * requests are accepted, everything else is ignored, so an application overrides only what it needs.
 *
 * <p>Payload arrays handed to {@link #onMedia} are the decoded messages' own arrays, never copied:
 * keep and share them (e.g. with every player), but do not modify them.
 */
public interface ServerSessionListener {

    /**
     * A client connected (after the handshake) and asks to use an application. Default: accept.
     *
     * @param request decide it with accept or reject, now or later
     */
    default void onConnect(ConnectRequest request) {
        request.accept();
    }

    /**
     * createStream was answered with this new stream id (on message stream 0, docs/INTEROP.md).
     *
     * @param streamId the new message stream id
     */
    default void onCreateStream(int streamId) {
    }

    /**
     * {@code releaseStream name} (answered with {@code _result}; OBS and ffmpeg send it before publishing).
     *
     * @param streamName the stream name
     */
    default void onReleaseStream(String streamName) {
    }

    /**
     * {@code FCPublish name} (answered with {@code _result}).
     *
     * @param streamName the stream name
     */
    default void onFcPublish(String streamName) {
    }

    /**
     * A client asks to publish. Default: accept.
     *
     * @param request decide it with accept or reject, now or later
     */
    default void onPublish(PublishRequest request) {
        request.accept();
    }

    /**
     * A client asks to play. Default: accept.
     *
     * @param request decide it with accept or reject, now or later
     */
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

    /**
     * Metadata ({@code @setDataFrame onMetaData}, or a bare {@code onMetaData}) from a publisher.
     *
     * @param metadata the metadata message
     */
    default void onMetadata(Metadata metadata) {
    }

    /**
     * A publication ended: FCUnpublish, closeStream or deleteStream of the publishing stream, or the
     * session closing ({@link ServerSession#close}, {@link ServerSession#transportClosed}). Reported once
     * per accepted publication.
     *
     * @param streamId the publishing stream
     * @param streamName its name
     */
    default void onUnpublish(int streamId, String streamName) {
    }

    /**
     * A player stopped playing (closeStream / deleteStream of its stream, or the session closing).
     *
     * @param streamId the playing stream
     * @param streamName its name
     */
    default void onPlayStop(int streamId, String streamName) {
    }

    /**
     * {@code deleteStream id} (after {@link #onUnpublish} / {@link #onPlayStop} if the stream was active).
     *
     * @param streamId the deleted stream
     */
    default void onDeleteStream(int streamId) {
    }

    /**
     * {@code closeStream} on a stream (after {@link #onUnpublish} / {@link #onPlayStop} if it was active).
     *
     * @param streamId the closed stream
     */
    default void onCloseStream(int streamId) {
    }

    /**
     * {@code receiveAudio flag} from a player (the session then drops {@code sendAudio} when false).
     *
     * @param streamId the playing stream
     * @param receive whether the player wants audio
     */
    default void onReceiveAudio(int streamId, boolean receive) {
    }

    /**
     * {@code receiveVideo flag} from a player (the session then drops {@code sendVideo} when false).
     *
     * @param streamId the playing stream
     * @param receive whether the player wants video
     */
    default void onReceiveVideo(int streamId, boolean receive) {
    }

    /**
     * {@code pause flag ms} from a player; the session has answered Pause.Notify / Unpause.Notify.
     *
     * @param streamId the playing stream
     * @param pause true to pause, false to resume
     * @param milliseconds the stream time given
     */
    default void onPause(int streamId, boolean pause, double milliseconds) {
    }

    /**
     * {@code seek ms} from a player (not answered by the session).
     *
     * @param streamId the playing stream
     * @param milliseconds the stream time to seek to
     */
    default void onSeek(int streamId, double milliseconds) {
    }

    /**
     * User Control SetBufferLength: often sent on stream 0 before {@code play}, naming a stream id that
     * does not exist yet (docs/INTEROP.md "Commands"); never an error.
     *
     * @param streamId the stream named (maybe not created yet)
     * @param bufferLengthMs the buffer length in ms
     */
    default void onSetBufferLength(int streamId, long bufferLengthMs) {
    }

    /**
     * The peer answered a {@link ServerSession#sendPingRequest} (rtmp-1.0.txt §7.1.7).
     *
     * @param pingTime the time echoed from our request
     */
    default void onPingResponse(long pingTime) {
    }

    /**
     * The peer acknowledged this many bytes (rtmp-1.0.txt §5.4.3).
     *
     * @param sequenceNumber the byte count, modulo 2³²
     */
    default void onAcknowledgement(long sequenceNumber) {
    }

    /**
     * Any other command (e.g. {@code getStreamLength}, {@code _checkbw}, {@code FCSubscribe}, an
     * application call, or a client's {@code _result} / {@code onStatus}). Not answered by the session;
     * use {@link ServerSession#send} to reply.
     *
     * @param command the command
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
