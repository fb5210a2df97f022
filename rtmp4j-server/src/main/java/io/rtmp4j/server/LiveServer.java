package io.rtmp4j.server;

import io.netty.util.concurrent.ScheduledFuture;
import io.rtmp4j.netty.RtmpServer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The live streaming server of {@code ./rtmp4j serve}: an {@link RtmpServer} whose connections publish
 * to and play from a {@link StreamHub}, optionally recording every publication.
 *
 * <pre>{@code
 * try (LiveServer server = new LiveServer(RtmpServer.Settings.defaults(), HubConfig.defaults(), null).start()) {
 *     // rtmp://host:1935/live/cam: publish with OBS or ffmpeg, play with ffplay or VLC
 * }
 * }</pre>
 */
public final class LiveServer implements AutoCloseable {

    private final RtmpServer rtmp;
    private final StreamHub hub;
    private ScheduledFuture<?> sweeper;
    private boolean closed;

    /**
     * @param transport listening address, timeouts, water marks
     * @param hub       hub settings ({@link HubConfig#playerQueueBytes()} becomes the write high-water
     *                  mark, half of it the low one)
     * @param recordDir directory for recordings, or null
     */
    public LiveServer(RtmpServer.Settings transport, HubConfig hub, Path recordDir) {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(hub, "hub");
        this.hub = new StreamHub(hub, recordDir);
        RtmpServer.Settings t = new RtmpServer.Settings(transport.host(), transport.port(), transport.session(),
                transport.handshakeTimeout(), transport.idleTimeout(), transport.closeTimeout(),
                hub.playerQueueBytes() / 2, hub.playerQueueBytes(), transport.maxConnections(),
                transport.ioThreads(), transport.ioPeriod());
        this.rtmp = RtmpServer.builder().settings(t).listener(conn -> new HubListener(this.hub, conn)).build();
    }

    /**
     * Binds and starts; returns this.
     *
     * @return this server, listening
     */
    public LiveServer start() {
        rtmp.start();
        sweeper = rtmp.eventLoopGroup().next().scheduleAtFixedRate(hub::sweep, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    /**
     * The port bound.
     *
     * @return the TCP port the server listens on
     */
    public int port() {
        return rtmp.port();
    }

    /**
     * The hub (for inspection and embedding).
     *
     * @return the stream hub every connection of this server uses
     */
    public StreamHub hub() {
        return hub;
    }

    /** Ends every publication (closing recordings properly), then closes every connection. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        hub.closeAll();
        rtmp.close();
    }
}
