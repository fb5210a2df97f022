package io.rtmp4j.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.concurrent.ScheduledFuture;
import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.session.RtmpSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * The one Netty channel handler that drives an {@link RtmpSession}, for the server ({@link RtmpServer},
 * through {@link RtmpConnection}) and for the client ({@code io.rtmp4j.netty.client.RtmpClientConnection})
 * alike (docs/ARCHITECTURE.md "Threading"). One driver per channel, confined to its event loop; what
 * differs between the two sides (admission, futures, log lines) is its {@link Owner}'s.
 *
 * <ul>
 *   <li><b>Reads.</b> Every inbound buffer goes to {@link RtmpSession#receive} whole (the session keeps
 *       partial chunks itself), what the session queued is written at once, and the buffer is released
 *       before {@code channelRead} returns: the contract {@link ReusedReadBuffer} relies on.</li>
 *   <li><b>Flush policy.</b> Written bytes are flushed once per read batch
 *       ({@code channelReadComplete}) and whenever the owner calls {@link #flush()}.</li>
 *   <li><b>Graceful close</b> (docs/INTEROP.md "Closing"): when the session requests it
 *       ({@link RtmpSession#isCloseRequested()}) or on {@link #close(String)}, the session's last bytes
 *       are flushed, the write side is shut down, and the channel is closed when the peer closes or after
 *       the close timeout.</li>
 *   <li><b>Timers</b> on the event loop: the handshake timeout (the handshake and {@code connect},
 *       {@link RtmpSession#isAwaitingConnect()}; the owner decides what it means) and, when an idle timeout
 *       is set, the idle check: after a third of it without a read, a PingRequest
 *       (rtmp-1.0.txt §7.1.7) asks a connected peer for an answer; after all of it the connection is closed
 *       gracefully.</li>
 *   <li><b>Errors.</b> An {@link RtmpProtocolException} from the session sends what the session queued,
 *       then closes this connection at once with "protocol error: ..." as its reason (logged by the
 *       owner on close); any other exception from the session's listener is logged and closes this
 *       connection only; an I/O error closes it with "I/O error: ...".</li>
 * </ul>
 *
 * <p>Every method must be called on the channel's event loop, except {@link #abort(String)}.
 */
public final class SessionDriver extends ChannelInboundHandlerAdapter {

    /** Reader-idle checks before the idle close: pings after the first and second, close after the third. */
    private static final int IDLE_TICKS_TO_CLOSE = 3;

    /**
     * What the side that uses a driver (server or client) decides. Called on the channel's event loop.
     */
    public interface Owner {

        /**
         * The channel became active: the session to drive from now on, or null when the owner refused
         * the connection (after calling {@link SessionDriver#abort}).
         *
         * @param driver the driver asking
         * @return the session, or null
         */
        RtmpSession open(SessionDriver driver);

        /**
         * The handshake timeout passed while the session still {@linkplain RtmpSession#isAwaitingConnect()
         * awaited connect}.
         *
         * @param timeoutMillis the timeout that passed, in ms
         */
        void handshakeTimedOut(long timeoutMillis);

        /**
         * The reason a failure closes the connection with: "protocol error: " and the message for an
         * {@link RtmpProtocolException}, "internal error: " and the exception otherwise.
         *
         * @param failure what the session or its listener threw
         * @return the close reason
         */
        default String failureReason(RuntimeException failure) {
            return failure instanceof RtmpProtocolException ? "protocol error: " + failure.getMessage()
                    : "internal error: " + failure;
        }

        /**
         * The session or its listener failed; the driver aborts the connection with {@code reason} right after.
         *
         * @param reason the close reason ({@link #failureReason})
         * @param failure what was thrown
         */
        default void failed(String reason, RuntimeException failure) {
        }

        /**
         * The channel's writability changed (its outbound buffer passed a water mark).
         *
         * @param writable whether the channel is writable now
         */
        default void writabilityChanged(boolean writable) {
        }

        /**
         * The channel has closed; the session (if any) has been told.
         *
         * @param reason why (the first reason given, else the driver's "peer closed" reason)
         * @param bytesIn how many bytes were read
         */
        void closed(String reason, long bytesIn);

        /**
         * Where the driver logs its warnings (a listener that failed, an unexpected error).
         *
         * @return the owner's logger
         */
        Logger log();

        /**
         * The connection as the logs name it, e.g. {@code connection from 127.0.0.1:50000}.
         *
         * @return a short description
         */
        String describe();
    }

    /**
     * The driver's timeouts and the reasons it gives on its own.
     *
     * @param handshakeTimeout how long the handshake and {@code connect} may take
     * @param idleTimeout how long nothing may be read before the connection is closed; zero for no idle check
     * @param closeTimeout how long a half-closed connection waits for the peer to close
     * @param peerClosedReason the close reason when the peer closed and no other was given
     * @param sessionClosedReason the close reason when the session requested the close and none was given
     */
    public record Settings(Duration handshakeTimeout, Duration idleTimeout, Duration closeTimeout,
                           String peerClosedReason, String sessionClosedReason) {

        /**
         * Checks the values.
         *
         * @param handshakeTimeout how long the handshake and {@code connect} may take
         * @param idleTimeout how long nothing may be read; zero for no idle check
         * @param closeTimeout how long a half-closed connection waits for the peer to close
         * @param peerClosedReason the close reason when the peer closed and no other was given
         * @param sessionClosedReason the close reason when the session requested the close and none was given
         */
        public Settings {
            Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(closeTimeout, "closeTimeout");
            Objects.requireNonNull(peerClosedReason, "peerClosedReason");
            Objects.requireNonNull(sessionClosedReason, "sessionClosedReason");
        }
    }

    private final Owner owner;
    private final Settings settings;
    private final LongSupplier nanoClock;
    private final long idleCheckNanos;
    private ChannelHandlerContext ctx;
    private RtmpSession session;
    private String closeReason;
    private boolean closing;
    private ScheduledFuture<?> handshakeTimer;
    private ScheduledFuture<?> idleTimer;
    private boolean reading;
    private long lastReadNanos;
    private int idleTicks;
    private long bytesIn;

    /**
     * A driver reading the idle clock from {@link System#nanoTime()}.
     *
     * @param owner the server's or the client's side
     * @param settings timeouts and reasons
     */
    public SessionDriver(Owner owner, Settings settings) {
        this(owner, settings, System::nanoTime);
    }

    /**
     * A driver with the clock its idle check measures reads with (tests pass one they advance together
     * with the event loop's scheduled time).
     *
     * @param owner the server's or the client's side
     * @param settings timeouts and reasons
     * @param nanoClock a monotonic clock in nanoseconds
     */
    public SessionDriver(Owner owner, Settings settings, LongSupplier nanoClock) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        long idle = settings.idleTimeout().toMillis();
        this.idleCheckNanos = idle <= 0 ? 0 : TimeUnit.MILLISECONDS.toNanos(Math.max(1, idle / IDLE_TICKS_TO_CLOSE));
    }

    // ------------------------------------------------------------------------------------------------
    // what the owners use

    /**
     * The session driven (null before the channel is active, or when the owner refused it).
     *
     * @return the session, or null
     */
    public RtmpSession session() {
        return session;
    }

    /**
     * The channel (null before the handler was added to its pipeline and the channel became active).
     *
     * @return the channel, or null
     */
    public Channel channel() {
        return ctx == null ? null : ctx.channel();
    }

    /**
     * The close reason given first (null while none was given).
     *
     * @return the close reason, or null
     */
    public String closeReason() {
        return closeReason;
    }

    /**
     * Sets the close reason, replacing one given before (e.g. a refused connect names the refusal).
     *
     * @param reason why the connection ends
     */
    public void closeReason(String reason) {
        closeReason = reason;
    }

    /**
     * Whether the driver has started to close (half-close, abort) or the channel has closed.
     *
     * @return true once closing
     */
    public boolean isClosing() {
        return closing;
    }

    /** Writes what the session queued, without flushing (nothing once closing). */
    public void writeOutbound() {
        if (session != null && !closing && session.hasOutbound()) {
            ByteBuffer out = session.pollOutbound();
            ctx.write(Unpooled.wrappedBuffer(out), ctx.voidPromise());
        }
    }

    /**
     * Writes whole pre-encoded chunked messages after the session's pending bytes, without flushing; takes
     * ownership of {@code chunks} (released at once when the channel is closed or closing).
     *
     * @param chunks whole chunked messages
     */
    public void writeChunks(ByteBuf chunks) {
        if (ctx == null || !ctx.channel().isActive() || closing) {
            chunks.release();
            return;
        }
        writeOutbound();
        ctx.write(chunks, ctx.voidPromise());
    }

    /** Writes what the session queued and flushes; starts the half-close if the session requested it. */
    public void flush() {
        flush(settings.closeTimeout());
    }

    /**
     * {@link #flush()}, a half-close it starts waiting at most {@code closeWait} for the peer.
     *
     * @param closeWait how long a half-closed connection waits for the peer to close
     */
    public void flush(Duration closeWait) {
        if (ctx == null) {
            return;
        }
        writeOutbound();
        ctx.flush();
        if (session != null && session.isCloseRequested() && !closing) {
            halfClose(closeReason == null ? settings.sessionClosedReason() : closeReason, closeWait);
        }
    }

    /**
     * Graceful close (see the class comment) with the settings' close timeout.
     *
     * @param reason why, unless a reason was given before
     */
    public void close(String reason) {
        close(reason, settings.closeTimeout());
    }

    /**
     * Graceful close: the session ends its streams ({@link RtmpSession#close}), its bytes are flushed, the
     * write side is shut down, and the channel is closed when the peer closes or after {@code wait}.
     *
     * @param reason why, unless a reason was given before
     * @param wait how long to wait for the peer to close
     */
    public void close(String reason, Duration wait) {
        if (closeReason == null) {
            closeReason = reason;
        }
        if (session != null) {
            session.close(reason);
        }
        flush(wait);
        if (!closing) {
            halfClose(reason, wait);
        }
    }

    /**
     * Closes the channel at once, without a goodbye. Any thread (the channel closes on its event loop).
     *
     * @param reason why, unless a reason was given before
     */
    public void abort(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        closing = true;
        if (ctx != null) {
            ctx.channel().close();
        }
    }

    /**
     * What a failure of the session or its listener does to this connection (see the class comment): a
     * protocol error first sends what the session queued (its error status, if any); anything else is
     * logged; then the owner is told and the connection is aborted.
     *
     * @param failure what the session or its listener threw
     */
    public void failed(RuntimeException failure) {
        if (failure instanceof RtmpProtocolException) {
            writeOutbound();
            ctx.flush();
        } else {
            owner.log().warn("{}: listener failed", owner.describe(), failure);
        }
        String reason = owner.failureReason(failure);
        owner.failed(reason, failure);
        abort(reason);
    }

    private void halfClose(String reason, Duration wait) {
        closing = true;
        if (closeReason == null) {
            closeReason = reason;
        }
        Channel channel = ctx.channel();
        if (channel instanceof DuplexChannel dc && dc.isActive()) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) f -> {
                if (dc.isActive()) {
                    dc.shutdownOutput();
                }
            });
            ctx.executor().schedule(() -> {
                channel.close();
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            channel.close();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // the channel's events

    /**
     * Asks the owner for the session, starts the timers and sends what the session queued at once (a
     * client's C0 + C1).
     *
     * @param ctx the handler's context
     */
    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        session = owner.open(this);
        if (session == null) {
            return;
        }
        long ms = settings.handshakeTimeout().toMillis();
        handshakeTimer = ctx.executor().schedule(() -> {
            if (session.isAwaitingConnect()) {
                owner.handshakeTimedOut(ms);
            }
        }, ms, TimeUnit.MILLISECONDS);
        if (idleCheckNanos > 0) {
            lastReadNanos = nanoClock.getAsLong();
            idleTimer = ctx.executor().schedule(this::idleCheck, idleCheckNanos, TimeUnit.NANOSECONDS);
        }
        if (session.hasOutbound()) {
            flush();
        }
    }

    /**
     * Hands the buffer to the session whole, writes what it queued, and releases the buffer before returning.
     *
     * @param ctx the handler's context
     * @param msg the bytes read (a {@link ByteBuf})
     */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            idleTicks = 0;
            reading = true;
            if (session == null) {
                return;
            }
            bytesIn += buf.readableBytes();
            if (buf.nioBufferCount() == 1) {
                session.receive(buf.nioBuffer());
            } else {
                for (ByteBuffer b : buf.nioBuffers()) {
                    session.receive(b);
                }
            }
            writeOutbound();
        } catch (RuntimeException e) {
            failed(e); // a protocol error, or a bug in the application's listener: this connection only
        } finally {
            buf.release();
        }
    }

    /**
     * Flushes once per read batch.
     *
     * @param ctx the handler's context
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (reading) {
            reading = false;
            if (idleCheckNanos > 0) {
                lastReadNanos = nanoClock.getAsLong();
            }
        }
        if (session != null) {
            flush();
        }
    }

    /**
     * Tells the owner, then passes the event on.
     *
     * @param ctx the handler's context
     */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        owner.writabilityChanged(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    /**
     * Aborts the connection: "I/O error: ..." for an {@link IOException}, else the exception (logged).
     *
     * @param ctx the handler's context
     * @param cause what was thrown
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        this.ctx = ctx;
        String reason = cause instanceof IOException ? "I/O error: " + cause.getMessage() : cause.toString();
        if (!(cause instanceof IOException)) {
            owner.log().warn("{}: unexpected error", owner.describe(), cause);
        }
        abort(reason);
    }

    /**
     * Stops the timers, tells the session ({@link RtmpSession#transportClosed}), then the owner.
     *
     * @param ctx the handler's context
     */
    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        if (idleTimer != null) {
            idleTimer.cancel(false);
        }
        if (closeReason == null) {
            closeReason = settings.peerClosedReason();
        }
        if (session != null) {
            try {
                session.transportClosed(closeReason);
            } catch (RuntimeException e) {
                owner.log().warn("{}: listener failed on close", owner.describe(), e);
            }
        }
        owner.closed(closeReason, bytesIn);
    }

    /** The reader-idle check, as Netty's {@code IdleStateHandler} measures it (from the end of the last read batch). */
    private void idleCheck() {
        if (!ctx.channel().isOpen()) {
            return;
        }
        long next = idleCheckNanos;
        if (!reading) {
            next -= nanoClock.getAsLong() - lastReadNanos;
        }
        if (next > 0) {
            idleTimer = ctx.executor().schedule(this::idleCheck, next, TimeUnit.NANOSECONDS);
            return;
        }
        idleTimer = ctx.executor().schedule(this::idleCheck, idleCheckNanos, TimeUnit.NANOSECONDS);
        idleTicks++;
        if (idleTicks >= IDLE_TICKS_TO_CLOSE) {
            close("idle: nothing received for " + settings.idleTimeout().toMillis() + " ms");
        } else if (session.isConnected()) {
            // players may send nothing for long (acks only per window): ask for a PingResponse
            session.sendPingRequest(System.currentTimeMillis() & 0xFFFF_FFFFL);
            flush();
        }
    }
}
