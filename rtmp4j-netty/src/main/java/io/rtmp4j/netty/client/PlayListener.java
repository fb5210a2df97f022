package io.rtmp4j.netty.client;

import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import io.rtmp4j.session.StatusEvent;

/**
 * What an {@link RtmpPlayer} receives. Every method is called on the connection's event loop, one at a
 * time and in arrival order; each defaults to doing nothing. Payload arrays are the received messages'
 * own: keep them if needed, do not modify them.
 *
 * <p><b>Do not block in these methods</b>: the event loop reads nothing else meanwhile (every connection
 * of the client may share it), and it is the thread that completes the client's futures, so a wait for
 * one of them there would never end. {@code player.closeAsync().get()} or {@code join()} in a callback
 * therefore throws an {@link IllegalStateException} (Netty's
 * {@link io.netty.util.concurrent.BlockingOperationException}) at once; continue without waiting
 * instead, e.g. {@code player.closeAsync().thenRun(() -> ...)} or {@code thenAccept(reason -> ...)}, and hand
 * slow work (decoding, file I/O) to another thread.
 *
 * <p>Media is delivered as soon as {@code play} was sent, before {@code NetStream.Play.Start} if the
 * server sends it that way (docs/INTEROP.md "Commands"); aggregates arrive split into their parts.
 */
public interface PlayListener {

    /**
     * {@code onMetaData} from the server.
     *
     * @param metadata the metadata message, with its stream id and AMF0 body
     */
    default void onMetadata(Metadata metadata) {
    }

    /**
     * Audio (an FLV audio tag body), video (an FLV video tag body) or data (an AMF0 body other than
     * metadata and onStatus), with the server's millisecond timestamp (32 bits, may wrap).
     *
     * @param kind audio, video or data
     * @param timestamp the server's timestamp in ms
     * @param payload the message body
     */
    default void onMedia(MediaKind kind, long timestamp, byte[] payload) {
    }

    /**
     * Every {@code onStatus} on the connection (Play.Reset, Play.Start, Data.Start, ...).
     *
     * @param status the status event (level, code, description)
     */
    default void onStatus(StatusEvent status) {
    }

    /**
     * The stream ended: User Control StreamEOF for the play stream, or NetStream.Play.UnpublishNotify,
     * Play.Stop or Play.Complete. The connection stays open (a live stream may be published again); close
     * the player to end.
     *
     * @param reason e.g. "StreamEOF" or the status code
     */
    default void onStreamEnd(String reason) {
    }

    /**
     * The connection closed; nothing more arrives.
     *
     * @param reason why the connection closed
     */
    default void onClose(String reason) {
    }
}
