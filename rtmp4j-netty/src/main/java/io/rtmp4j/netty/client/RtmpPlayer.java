package io.rtmp4j.netty.client;

import java.util.concurrent.CompletableFuture;

/**
 * A playback on an {@link RtmpClientConnection}, available once the server said
 * {@code NetStream.Play.Start} (or sent the first media). Media goes to the {@link PlayListener} given
 * to {@link RtmpClientConnection#play}.
 *
 * <pre>{@code
 * RtmpPlayer player = client.play("rtmp://127.0.0.1/live/cam", new PlayListener() {
 *     public void onMedia(MediaKind kind, long ts, byte[] payload) { ... }
 *     public void onStreamEnd(String reason) { ... }
 * }).get(10, SECONDS);
 * ...
 * player.close();   // deleteStream, half-close
 * }</pre>
 */
public final class RtmpPlayer {

    private final RtmpClientConnection connection;
    private final String streamName;
    private final int streamId;

    RtmpPlayer(RtmpClientConnection connection, String streamName, int streamId) {
        this.connection = connection;
        this.streamName = streamName;
        this.streamId = streamId;
    }

    /** The stream name played. */
    public String streamName() {
        return streamName;
    }

    /** The message stream id of the playback. */
    public int streamId() {
        return streamId;
    }

    /** The connection. */
    public RtmpClientConnection connection() {
        return connection;
    }

    /** Whether the connection is still open. */
    public boolean isOpen() {
        return connection.isOpen();
    }

    /** Stops playing: deleteStream, flush, half-close; returns the connection's close future. */
    public CompletableFuture<String> close() {
        return connection.close("playback ended");
    }

    /** Completes with the reason when the connection has closed. */
    public CompletableFuture<String> closeFuture() {
        return connection.closeFuture();
    }

    @Override
    public String toString() {
        return "RtmpPlayer[" + connection.url().tcUrl() + "/" + streamName + "]";
    }
}
