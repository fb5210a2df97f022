package io.rtmp4j.session;

import io.rtmp4j.message.CommandMessage;

/**
 * What a {@link ClientSession} reports, synchronously, from inside {@link ClientSession#receive} (and
 * {@link ClientSession#close} / {@link ClientSession#transportClosed}). Every method defaults to doing
 * nothing. Payload arrays are the decoded messages' own (never copied): keep them, do not modify them.
 */
public interface ClientSessionListener {

    /** The connect was accepted (after the {@code _result}; Set Chunk Size has been queued). */
    default void onConnected(ConnectResult result) {
    }

    /** The connect was refused ({@code _error}); the session has closed and asks the transport to close. */
    default void onConnectFailed(CommandResult error) {
    }

    /** Every {@code _result}, matched to the command it answers (connect and createStream included). */
    default void onResult(CommandResult result) {
    }

    /** Every {@code _error}, matched to the command it answers (connect included). */
    default void onError(CommandResult error) {
    }

    /** createStream answered: the publish or play flow continues on this stream. */
    default void onStreamCreated(int streamId) {
    }

    /**
     * Every {@code onStatus} (NetConnection and NetStream; commands, and data messages named onStatus):
     * Publish.Start / BadName, Play.Reset / Start / StreamNotFound / UnpublishNotify, Data.Start, ...
     */
    default void onStatus(StatusEvent status) {
    }

    /** An Enhanced RTMP Reconnect Request (after its {@link #onStatus}); nothing is torn down. */
    default void onReconnectRequest(ReconnectRequest request) {
    }

    /** User Control StreamBegin (rtmp-1.0.txt §7.1.7). */
    default void onStreamBegin(int streamId) {
    }

    /** User Control StreamEOF. */
    default void onStreamEof(int streamId) {
    }

    /** User Control StreamDry. */
    default void onStreamDry(int streamId) {
    }

    /** User Control StreamIsRecorded. */
    default void onStreamIsRecorded(int streamId) {
    }

    /** User Control PingRequest from the server; already answered with PingResponse. */
    default void onPingRequest(long pingTime) {
    }

    /** User Control PingResponse to a {@link ClientSession#sendPingRequest}. */
    default void onPingResponse(long pingTime) {
    }

    /**
     * Audio, video or data (other than metadata and onStatus) from the server, on any stream, accepted as
     * soon as play was asked (some servers send media before Play.Start, docs/INTEROP.md "Commands");
     * aggregates arrive split into their parts. Data payloads are AMF0 bodies.
     */
    default void onMedia(MediaKind kind, int streamId, long timestamp, byte[] payload) {
    }

    /** {@code onMetaData} from the server. */
    default void onMetadata(Metadata metadata) {
    }

    /** The server acknowledged this many bytes. */
    default void onAcknowledgement(long sequenceNumber) {
    }

    /** Any other command (e.g. {@code onBWDone}, {@code onFCPublish}, {@code _checkbw}). */
    default void onCommand(CommandMessage command) {
    }

    /** The session ended ({@link ClientSession#close}, a refused connect, {@link ClientSession#transportClosed}). */
    default void onClose(String reason) {
    }
}
