package io.rtmp4j.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import io.rtmp4j.session.ServerSession;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted RTMP connection of an {@link RtmpServer}: its {@link ServerSession} and the Netty channel
 * that carries it. Everything here must be called on {@link #executor()} (the channel's event loop),
 * like the session itself; use {@link #execute(Runnable)} from other threads, e.g. to send on the session
 * after an asynchronous call. The request decisions ({@code accept} / {@code reject} of a
 * {@link io.rtmp4j.session.PublishRequest} and the like) need no such care: from another thread they run
 * on this event loop by themselves ({@link ServerSession#decisionExecutor}).
 *
 * <p>Bytes the session queues are written after each inbound read batch and whenever the application
 * calls {@link #flush()}; {@link #writeChunks(ByteBuf)} writes pre-encoded media under the session's
 * fan-out contract (see {@link ServerSession}): the session's own pending bytes go first.
 *
 * <p>The channel's handler is the {@link SessionDriver} shared with the client; this class is the
 * server's face of it (the driver's server-side choices are {@code ServerSide}'s).
 */
public final class RtmpConnection {

    private static final Logger LOG = LoggerFactory.getLogger(RtmpConnection.class);

    private final Channel channel;
    private final SessionDriver driver;
    private final RtmpServer.Settings settings;
    private ServerSession session;

    RtmpConnection(Channel channel, SessionDriver driver, RtmpServer.Settings settings) {
        this.channel = channel;
        this.driver = driver;
        this.settings = settings;
    }

    void bind(ServerSession session) {
        this.session = session;
    }

    /**
     * The connection's session (drive it only on {@link #executor()}).
     *
     * @return the session
     */
    public ServerSession session() {
        return session;
    }

    /**
     * The Netty channel.
     *
     * @return the channel
     */
    public Channel channel() {
        return channel;
    }

    /**
     * The event loop that owns this connection.
     *
     * @return the connection's event loop
     */
    public EventExecutor executor() {
        return channel.eventLoop();
    }

    /**
     * Runs {@code task} on the connection's event loop, then writes and flushes what the session queued.
     *
     * @param task what to run on the event loop
     */
    public void execute(Runnable task) {
        executor().execute(() -> {
            task.run();
            flush();
        });
    }

    /**
     * The session's {@link ServerSession#decisionExecutor}: a decision made on the event loop runs at once
     * (a flush follows, for decisions made outside a read); one made on another thread runs on the event
     * loop, then what it queued is written and flushed.
     */
    void decide(Runnable decision) {
        if (executor().inEventLoop()) {
            decision.run();
            executor().execute(this::flush);
        } else {
            executor().execute(() -> {
                try {
                    decision.run();
                } catch (RuntimeException e) {
                    driver.failed(e);
                    return;
                }
                flush();
            });
        }
    }

    /**
     * The peer's address as "ip:port", for logs.
     *
     * @return the peer as "ip:port"
     */
    public String peer() {
        SocketAddress a = channel.remoteAddress();
        if (a instanceof InetSocketAddress i) {
            return i.getAddress().getHostAddress() + ":" + i.getPort();
        }
        return String.valueOf(a);
    }

    /**
     * Whether the outbound queue is below its high-water mark (the transport's backpressure signal).
     *
     * @return true while more may be written without passing the high-water mark
     */
    public boolean isWritable() {
        return channel.isWritable();
    }

    /** Queues what the session has produced (without flushing). */
    public void drainSession() {
        driver.writeOutbound();
    }

    /**
     * Writes one or more whole pre-encoded chunked messages after the session's pending bytes, without
     * flushing. Takes ownership of {@code chunks}.
     *
     * @param chunks whole chunked messages, each starting with a fmt 0 chunk
     */
    public void writeChunks(ByteBuf chunks) {
        driver.writeChunks(chunks);
    }

    /** Writes what the session queued, then flushes; closes gracefully if the session asked for it. */
    public void flush() {
        driver.flush();
    }

    /**
     * Graceful close (docs/INTEROP.md "Closing"): the session ends its streams (StreamEOF, status), the
     * bytes are flushed, the write side is shut down, and the connection is closed when the peer closes
     * or after the close timeout. Call on {@link #executor()}.
     *
     * @param reason why, for the log
     */
    public void close(String reason) {
        driver.close(reason, settings.closeTimeout());
    }

    /** {@link #close(String)}, waiting at most {@code wait} for the peer to close. Call on {@link #executor()}. */
    void close(String reason, Duration wait) {
        driver.close(reason, wait);
    }

    /**
     * Closes at once, without a goodbye (after a protocol error). Any thread.
     *
     * @param reason why, for the log
     */
    public void abort(String reason) {
        driver.abort(reason);
    }

    static Logger log() {
        return LOG;
    }
}
