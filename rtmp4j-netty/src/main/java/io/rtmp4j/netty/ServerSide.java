package io.rtmp4j.netty;

import io.rtmp4j.session.RtmpSession;
import io.rtmp4j.session.ServerSession;
import io.rtmp4j.session.ServerSessionListener;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * The server's side of one connection's {@link SessionDriver}: admission ({@link RtmpServer.Settings#maxConnections()}),
 * the application's {@link ServerSessionListener} from the server's factory, the {@link ServerSession} with
 * its decisions hopping to the event loop, the server's registry of open connections, and the log lines.
 */
final class ServerSide implements SessionDriver.Owner {

    private static final Logger LOG = RtmpConnection.log();

    private final RtmpServer server;
    private RtmpConnection conn;

    ServerSide(RtmpServer server) {
        this.server = server;
    }

    /** A driver for one accepted channel, with the server's timeouts. */
    static SessionDriver driver(RtmpServer server) {
        return driver(server, System::nanoTime);
    }

    /** {@link #driver(RtmpServer)} whose idle check reads {@code nanoClock} (tests advance it with the loop). */
    static SessionDriver driver(RtmpServer server, LongSupplier nanoClock) {
        RtmpServer.Settings s = server.settings();
        return new SessionDriver(new ServerSide(server), new SessionDriver.Settings(s.handshakeTimeout(),
                s.idleTimeout(), s.closeTimeout(), "closed by the peer", "closed by the server"), nanoClock);
    }

    @Override
    public RtmpSession open(SessionDriver driver) {
        RtmpServer.Settings s = server.settings();
        conn = new RtmpConnection(driver.channel(), driver, s);
        int open = server.connections().incrementAndGet();
        if (open > s.maxConnections()) {
            LOG.info("connection from {} refused: {} connections open (max {})", conn.peer(), open - 1,
                    s.maxConnections());
            conn.abort("too many connections");
            return null;
        }
        ServerSessionListener listener;
        try {
            listener = server.listenerFactory().apply(conn);
        } catch (RuntimeException e) {
            LOG.warn("connection from {} refused: listener factory failed: {}", conn.peer(), e.toString());
            conn.abort("listener factory failed");
            return null;
        }
        ServerSession session = new ServerSession(s.session(), new SplittableRandom(), listener);
        session.decisionExecutor(conn::decide); // decisions from any thread hop to this event loop
        conn.bind(session);
        server.opened(conn);
        LOG.info("connection from {}", conn.peer());
        return session;
    }

    @Override
    public void handshakeTimedOut(long timeoutMillis) {
        conn.abort("no handshake and connect within " + timeoutMillis + " ms");
    }

    @Override
    public void closed(String reason, long bytesIn) {
        server.connections().decrementAndGet();
        if (conn == null) {
            return;
        }
        server.closed(conn);
        LOG.info("close {} ({} bytes in): {}", conn.peer(), bytesIn, reason);
    }

    @Override
    public Logger log() {
        return LOG;
    }

    @Override
    public String describe() {
        return "connection from " + (conn == null ? "?" : conn.peer());
    }
}
