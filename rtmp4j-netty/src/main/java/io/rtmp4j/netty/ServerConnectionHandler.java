package io.rtmp4j.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import io.rtmp4j.session.ServerSession;
import io.rtmp4j.session.ServerSessionListener;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Drives one {@link ServerSession} from its channel: every inbound buffer goes to
 * {@link ServerSession#receive} whole (the session consumes every byte, keeping partial chunks
 * itself); what the session queues is written after each read and flushed once per read batch.
 */
final class ServerConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = RtmpConnection.log();

    private final RtmpServer server;
    private RtmpConnection conn;
    private ServerSession session;
    private ScheduledFuture<?> handshakeTimer;
    private int idleTicks;
    private long bytesIn;

    ServerConnectionHandler(RtmpServer server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        RtmpServer.Settings s = server.settings();
        conn = new RtmpConnection(ctx.channel(), s);
        int open = server.connections().incrementAndGet();
        if (open > s.maxConnections()) {
            LOG.info("connection from {} refused: {} connections open (max {})", conn.peer(), open - 1,
                    s.maxConnections());
            conn.abort("too many connections");
            return;
        }
        ServerSessionListener listener;
        try {
            listener = server.listenerFactory().apply(conn);
        } catch (RuntimeException e) {
            LOG.warn("connection from {} refused: listener factory failed: {}", conn.peer(), e.toString());
            conn.abort("listener factory failed");
            return;
        }
        session = new ServerSession(s.session(), new SplittableRandom(), listener);
        session.decisionExecutor(conn::decide); // decisions from any thread hop to this event loop
        conn.bind(ctx, session);
        server.opened(conn);
        LOG.info("connection from {}", conn.peer());
        handshakeTimer = ctx.executor().schedule(() -> {
            ServerSession.State st = session.state();
            if (st == ServerSession.State.HANDSHAKE || st == ServerSession.State.AWAITING_CONNECT) {
                conn.abort("no handshake and connect within " + s.handshakeTimeout().toMillis() + " ms");
            }
        }, s.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            idleTicks = 0;
            if (session == null) {
                return;
            }
            bytesIn += buf.readableBytes();
            if (buf.nioBufferCount() == 1) {
                session.receive(buf.nioBuffer());
            } else {
                for (java.nio.ByteBuffer b : buf.nioBuffers()) {
                    session.receive(b);
                }
            }
            conn.drainSession();
        } catch (RuntimeException e) {
            conn.failed(e); // a protocol error, or a bug in the application's listener: this connection only
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (conn != null && session != null) {
            conn.flush();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && session != null) {
            idleTicks++;
            RtmpServer.Settings s = server.settings();
            if (idleTicks >= 3) {
                conn.close("idle: nothing received for " + s.idleTimeout().toMillis() + " ms");
            } else if (session.state() == ServerSession.State.CONNECTED) {
                // players may send nothing for long (acks only per window): ask for a PingResponse
                session.sendPingRequest(System.currentTimeMillis() & 0xFFFF_FFFFL);
                conn.flush();
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String reason = cause instanceof IOException ? "I/O error: " + cause.getMessage() : cause.toString();
        if (!(cause instanceof IOException)) {
            LOG.warn("connection from {}: unexpected error", conn == null ? ctx.channel() : conn.peer(), cause);
        }
        if (conn != null) {
            conn.abort(reason);
        } else {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        server.connections().decrementAndGet();
        if (conn == null) {
            return;
        }
        server.closed(conn);
        conn.closeReasonIfUnset("closed by the peer");
        String reason = conn.closeReason();
        if (session != null) {
            try {
                session.transportClosed(reason);
            } catch (RuntimeException e) {
                LOG.warn("connection from {}: listener failed on close", conn.peer(), e);
            }
        }
        LOG.info("close {} ({} bytes in): {}", conn.peer(), bytesIn, reason);
    }
}
