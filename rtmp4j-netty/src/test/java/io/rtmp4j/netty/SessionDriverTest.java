package io.rtmp4j.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.rtmp4j.session.ClientSession;
import io.rtmp4j.session.ClientSessionConfig;
import io.rtmp4j.session.ClientSessionListener;
import io.rtmp4j.session.ConnectResult;
import io.rtmp4j.session.RtmpSession;
import io.rtmp4j.session.RtmpUrl;
import io.rtmp4j.session.ServerSession;
import io.rtmp4j.session.ServerSessionConfig;
import io.rtmp4j.session.ServerSessionListener;
import io.rtmp4j.session.StatusEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared {@link SessionDriver} on {@link io.netty.channel.embedded.EmbeddedChannel}s, time moved by
 * hand ({@code advanceTimeBy} with the driver's idle clock): the server side exactly as {@link RtmpServer}
 * wires it ({@link ServerSide}), the client side a driver over a {@link ClientSession}. No socket, no
 * thread, no wall clock.
 */
class SessionDriverTest {

    private static final Duration HANDSHAKE = Duration.ofSeconds(10);
    private static final Duration IDLE = Duration.ofSeconds(3); // a check per second
    private static final Duration CLOSE = Duration.ofSeconds(5);

    /** The idle clock both drivers read; {@link #advance} moves it with the channels' scheduled time. */
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<String> serverClosed = new ArrayList<>();
    private final List<String> clientEvents = new ArrayList<>();
    private final List<ServerSession> serverSessions = new ArrayList<>();
    private RtmpServer server;
    private HalfClosableChannel serverCh;
    private HalfClosableChannel clientCh;
    private ClientSession client;
    private SessionDriver clientDriver;

    @BeforeEach
    void setUp() {
        RtmpServer.Settings s = new RtmpServer.Settings("127.0.0.1", 0, ServerSessionConfig.defaults(), HANDSHAKE,
                IDLE, CLOSE, 1 << 20, 2 << 20, 10, 1);
        // not started: it only lends ServerSide its settings, listener factory and registry
        server = RtmpServer.builder().settings(s).listener(conn -> new ServerSessionListener() {
            @Override
            public void onClose(String reason) {
                serverClosed.add(reason);
            }
        }).build();
        serverCh = new HalfClosableChannel(ServerSide.driver(server, nanos::get));
        serverCh.freezeTime(); // the event loop's time moves only with advance()
    }

    @AfterEach
    void tearDown() {
        serverCh.finishAndReleaseAll();
        if (clientCh != null) {
            clientCh.finishAndReleaseAll();
        }
        server.close(Duration.ZERO);
    }

    /** A client driver over a ClientSession that publishes {@code cam}, on a channel of its own. */
    private void startClient() {
        RtmpUrl url = RtmpUrl.parse("rtmp://127.0.0.1/live/cam");
        client = new ClientSession(ClientSessionConfig.forUrl(url).build(), new ClientSessionListener() {
            @Override
            public void onConnected(ConnectResult result) {
                clientEvents.add("connected");
            }

            @Override
            public void onStatus(StatusEvent status) {
                clientEvents.add(status.code());
            }

            @Override
            public void onPingRequest(long pingTime) {
                clientEvents.add("ping");
            }

            @Override
            public void onClose(String reason) {
                clientEvents.add("close: " + reason);
            }
        });
        client.publish("cam");
        clientDriver = new SessionDriver(new TestOwner(client), new SessionDriver.Settings(HANDSHAKE, Duration.ZERO,
                CLOSE, "closed by the server", "closed by the session"), nanos::get);
        clientCh = new HalfClosableChannel(clientDriver);
        clientCh.freezeTime();
    }

    /** Moves what each side wrote to the other, one byte per read, until neither writes more. */
    private void pumpByteByByte() {
        for (int round = 0; round < 100; round++) {
            int moved = move(clientCh, serverCh, true) + move(serverCh, clientCh, true);
            if (moved == 0) {
                return;
            }
        }
        throw new AssertionError("the two sides never went quiet");
    }

    private static int move(HalfClosableChannel from, HalfClosableChannel to, boolean byteByByte) {
        byte[] bytes = from.takeOutbound();
        if (!to.isOpen()) {
            return 0;
        }
        if (byteByByte) {
            for (byte b : bytes) {
                to.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
            }
        } else if (bytes.length > 0) {
            to.writeInbound(Unpooled.wrappedBuffer(bytes));
        }
        return bytes.length;
    }

    /** Moves the idle clock and both channels' scheduled time on, running what falls due. */
    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
        serverCh.advanceTimeBy(d.toNanos(), TimeUnit.NANOSECONDS);
        serverCh.runScheduledPendingTasks();
        if (clientCh != null) {
            clientCh.advanceTimeBy(d.toNanos(), TimeUnit.NANOSECONDS);
            clientCh.runScheduledPendingTasks();
        }
    }

    private ServerSession serverSession() {
        SessionDriver d = serverCh.pipeline().get(SessionDriver.class);
        return (ServerSession) d.session();
    }

    private void connectAndPublish() {
        startClient();
        pumpByteByByte();
        assertThat(clientEvents).containsExactly("connected", "NetStream.Publish.Start");
    }

    @Test
    void handshakeConnectAndPublishFedOneByteAtATime() {
        startClient();
        pumpByteByByte();

        assertThat(clientEvents).containsExactly("connected", "NetStream.Publish.Start");
        assertThat(serverSession().state()).isEqualTo(ServerSession.State.CONNECTED);
        assertThat(serverSession().isPublishing(client.streamId())).isTrue();
        assertThat(server.connectionCount()).isEqualTo(1);

        advance(HANDSHAKE); // the handshake timer finds the session connected and does nothing
        assertThat(serverCh.isOpen()).isTrue();
        assertThat(serverClosed).isEmpty();
    }

    @Test
    void gracefulCloseSendsTheGoodbyeThenHalfClosesAndWaitsForThePeer() {
        connectAndPublish();

        SessionDriver server = serverCh.pipeline().get(SessionDriver.class);
        server.close("server closed");

        // the goodbye was written and flushed before the write side was shut down; reading goes on
        assertThat(serverCh.outboundAtShutdown()).isPositive();
        assertThat(serverCh.isOpen()).isTrue();
        assertThat(serverClosed).containsExactly("server closed");
        move(serverCh, clientCh, false);
        assertThat(clientEvents).contains("NetStream.Unpublish.Success");

        advance(CLOSE.minusMillis(100));
        assertThat(serverCh.isOpen()).as("waits for the peer").isTrue();
        advance(Duration.ofMillis(100));
        assertThat(serverCh.isOpen()).as("closed after the close timeout").isFalse();
        assertThat(server.closeReason()).isEqualTo("server closed");
        assertThat(this.server.connectionCount()).isZero();
    }

    @Test
    void clientCloseEndsThePublicationThenHalfCloses() {
        connectAndPublish();

        clientDriver.close("done");

        assertThat(clientCh.outboundAtShutdown()).as("FCUnpublish + deleteStream went first").isPositive();
        assertThat(clientCh.isOpen()).isTrue();
        move(clientCh, serverCh, false);
        assertThat(serverSession().isPublishing(client.streamId())).isFalse();
        serverCh.close(); // the server closes in turn: the client side sees the peer's close
        clientCh.close();
        assertThat(clientDriver.closeReason()).isEqualTo("done");
        assertThat(clientEvents).contains("close: done");
    }

    @Test
    void aProtocolErrorClosesThatConnectionWithItsReason() {
        connectAndPublish();

        // a fmt 3 chunk on chunk stream 60, never used: it has no header to continue (rtmp-1.0.txt §5.3.1.2.1)
        serverCh.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) (0xC0 | 60)}));

        assertThat(serverCh.isOpen()).isFalse();
        assertThat(serverCh.outboundAtShutdown()).as("aborted, not half-closed").isEqualTo(-1);
        assertThat(serverClosed).hasSize(1);
        assertThat(serverClosed.get(0)).startsWith("protocol error: chunk stream 60 starts with a fmt 3 header");
        assertThat(this.server.connectionCount()).isZero();
    }

    @Test
    void anIdlePeerIsPingedThenClosed() {
        connectAndPublish();

        advance(Duration.ofSeconds(1));
        move(serverCh, clientCh, false);
        assertThat(clientEvents).containsOnlyOnce("ping");
        advance(Duration.ofSeconds(1));
        move(serverCh, clientCh, false);
        assertThat(clientEvents).filteredOn("ping"::equals).hasSize(2);

        // the client's PingResponses arrive: the connection is not idle any more
        move(clientCh, serverCh, false);
        advance(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        assertThat(serverCh.outboundAtShutdown()).isEqualTo(-1);
        assertThat(serverClosed).isEmpty();

        advance(Duration.ofSeconds(1)); // three seconds without a read
        assertThat(serverClosed).containsExactly("idle: nothing received for 3000 ms");
        assertThat(serverCh.outboundAtShutdown()).as("a graceful close: half-closed").isPositive();
        advance(CLOSE);
        assertThat(serverCh.isOpen()).isFalse();
    }

    @Test
    void noHandshakeAndConnectWithinTheTimeoutCloses() {
        serverCh.writeInbound(Unpooled.wrappedBuffer(new byte[] {3})); // C0, then nothing

        advance(HANDSHAKE.minusMillis(100));
        assertThat(serverCh.isOpen()).isTrue();
        advance(Duration.ofMillis(100));

        assertThat(serverCh.isOpen()).isFalse();
        assertThat(serverCh.outboundAtShutdown()).as("aborted, not half-closed").isEqualTo(-1);
        assertThat(server.connectionCount()).isZero();
        assertThat(serverClosed).containsExactly("no handshake and connect within 10000 ms");
    }

    /** The client side's owner in these tests: the session, and nothing to decide. */
    private static final class TestOwner implements SessionDriver.Owner {

        private static final Logger LOG = LoggerFactory.getLogger(SessionDriverTest.class);
        private final RtmpSession session;

        TestOwner(RtmpSession session) {
            this.session = session;
        }

        @Override
        public RtmpSession open(SessionDriver driver) {
            return session;
        }

        @Override
        public void handshakeTimedOut(long timeoutMillis) {
            throw new AssertionError("no handshake timeout expected on the client");
        }

        @Override
        public void closed(String reason, long bytesIn) {
        }

        @Override
        public Logger log() {
            return LOG;
        }

        @Override
        public String describe() {
            return "test client";
        }
    }
}
