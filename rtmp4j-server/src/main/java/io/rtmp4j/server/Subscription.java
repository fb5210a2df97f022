package io.rtmp4j.server;

/** One player's place in the {@link StreamHub}; {@link #close()} when the player leaves. */
public final class Subscription {

    private final StreamHub hub;
    private final Stream stream;
    private final Player player;
    private boolean closed;

    Subscription(StreamHub hub, Stream stream, Player player) {
        this.hub = hub;
        this.stream = stream;
        this.player = player;
    }

    /**
     * The stream played.
     *
     * @return the stream's app and name
     */
    public StreamKey key() {
        return stream.key;
    }

    /** Leaves the stream (idempotent). Call on the player's executor. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stream.leave(player);
        hub.cleanup(stream);
    }
}
