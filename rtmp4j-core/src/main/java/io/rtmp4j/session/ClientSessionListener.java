package io.rtmp4j.session;

import io.rtmp4j.message.CommandMessage;

/**
 * What a {@link ClientSession} reports, synchronously, from inside {@link ClientSession#receive} (and
 * {@link ClientSession#close} / {@link ClientSession#transportClosed}). Every method defaults to doing
 * nothing. Payload arrays are the decoded messages' own (never copied): keep them, do not modify them.
 */
public interface ClientSessionListener {

    /**
     * The connect was accepted (after the {@code _result}; Set Chunk Size has been queued).
     *
     * @param result the connect result
     */
    default void onConnected(ConnectResult result) {
    }

    /**
     * The connect was refused ({@code _error}); the session has closed and asks the transport to close.
     *
     * @param error the {@code _error} answer
     */
    default void onConnectFailed(CommandResult error) {
    }

    /**
     * Every {@code _result}, matched to the command it answers (connect and createStream included).
     *
     * @param result the answer and the command it answers
     */
    default void onResult(CommandResult result) {
    }

    /**
     * Every {@code _error}, matched to the command it answers (connect included).
     *
     * @param error the answer and the command it answers
     */
    default void onError(CommandResult error) {
    }

    /**
     * createStream answered: the publish or play flow continues on this stream.
     *
     * @param streamId the new message stream id
     */
    default void onStreamCreated(int streamId) {
    }

    /**
     * Every {@code onStatus} (NetConnection and NetStream; commands, and data messages named onStatus):
     * Publish.Start / BadName, Play.Reset / Start / StreamNotFound / UnpublishNotify, Data.Start, ...
     *
     * @param status the status event
     */
    default void onStatus(StatusEvent status) {
    }

    /**
     * An Enhanced RTMP Reconnect Request (after its {@link #onStatus}); nothing is torn down.
     *
     * @param request the new tcUrl and description
     */
    default void onReconnectRequest(ReconnectRequest request) {
    }

    /**
     * User Control StreamBegin (rtmp-1.0.txt §7.1.7).
     *
     * @param streamId the stream
     */
    default void onStreamBegin(int streamId) {
    }

    /**
     * User Control StreamEOF.
     *
     * @param streamId the stream
     */
    default void onStreamEof(int streamId) {
    }

    /**
     * User Control StreamDry.
     *
     * @param streamId the stream
     */
    default void onStreamDry(int streamId) {
    }

    /**
     * User Control StreamIsRecorded.
     *
     * @param streamId the stream
     */
    default void onStreamIsRecorded(int streamId) {
    }

    /**
     * User Control PingRequest from the server; already answered with PingResponse.
     *
     * @param pingTime the server's time from the request
     */
    default void onPingRequest(long pingTime) {
    }

    /**
     * User Control PingResponse to a {@link ClientSession#sendPingRequest}.
     *
     * @param pingTime the time echoed from our request
     */
    default void onPingResponse(long pingTime) {
    }

    /**
     * Audio, video or data (other than metadata and onStatus) from the server, on any stream, accepted as
     * soon as play was asked (some servers send media before Play.Start, docs/INTEROP.md "Commands");
     * aggregates arrive split into their parts. Data payloads are AMF0 bodies.
     *
     * @param kind audio, video or data
     * @param streamId the message stream id
     * @param timestamp the server's timestamp in ms
     * @param payload the message body
     */
    default void onMedia(MediaKind kind, int streamId, long timestamp, byte[] payload) {
    }

    /**
     * {@code onMetaData} from the server.
     *
     * @param metadata the metadata message
     */
    default void onMetadata(Metadata metadata) {
    }

    /**
     * The server acknowledged this many bytes.
     *
     * @param sequenceNumber the byte count, modulo 2³²
     */
    default void onAcknowledgement(long sequenceNumber) {
    }

    /**
     * Any other command (e.g. {@code onBWDone}, {@code onFCPublish}, {@code _checkbw}).
     *
     * @param command the command
     */
    default void onCommand(CommandMessage command) {
    }

    /**
     * The session ended ({@link ClientSession#close}, a refused connect, {@link ClientSession#transportClosed}).
     *
     * @param reason why the session ended
     */
    default void onClose(String reason) {
    }
}
