package io.rtmp4j.netty.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.rtmp4j.netty.HalfClosableChannel;
import io.rtmp4j.netty.client.RtmpClientException.Kind;
import io.rtmp4j.session.ClientSessionConfig;
import io.rtmp4j.session.RtmpUrl;
import io.rtmp4j.session.ServerSession;
import io.rtmp4j.session.ServerSessionListener;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RtmpClientConnection} on an {@link EmbeddedChannel} (its handler is the shared
 * {@code SessionDriver}): how the driver's handshake timeout and a protocol error reach the client's
 * futures. The server is a sans-IO {@link ServerSession} fed by hand; time moves only with
 * {@code advanceTimeBy}.
 */
class RtmpClientConnectionDriverTest {

    private static final Duration RESPONSE = Duration.ofSeconds(2);
    private static final RtmpUrl URL = RtmpUrl.parse("rtmp://127.0.0.1/live/cam");

    private RtmpClient client;
    private RtmpClientConnection conn;
    private EmbeddedChannel ch;

    @BeforeEach
    void setUp() {
        RtmpClient.Settings s = RtmpClient.Settings.defaults().withResponseTimeout(RESPONSE);
        client = RtmpClient.create(s); // lends the connection its settings; its own event loop stays unused
        ch = new EmbeddedChannel(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel c) {
                conn = new RtmpClientConnection(client, c, s, URL, ClientSessionConfig.forUrl(URL).build());
                c.pipeline().addLast("rtmp", conn.driver());
            }
        });
        ch.freezeTime();
    }

    @AfterEach
    void tearDown() {
        ch.finishAndReleaseAll();
        client.close();
    }

    private byte[] takeOutbound() {
        return HalfClosableChannel.takeOutbound(ch);
    }

    @Test
    void noConnectAnswerWithinTheResponseTimeoutFailsTheConnectFuture() {
        assertThat(takeOutbound()).as("C0 + C1 at once").hasSize(1 + 1536);

        ch.advanceTimeBy(RESPONSE.toMillis() - 100, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(conn.connectedFuture()).isNotDone();
        ch.advanceTimeBy(100, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();

        assertThatThrownBy(() -> conn.connectedFuture().join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(RtmpClientException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo("no handshake and connect _result from 127.0.0.1:1935 "
                            + "within 2000 ms");
                });
    }

    @Test
    void aProtocolErrorFromTheServerFailsTheFuturesAndClosesWithItsReason() {
        ServerSession server = new ServerSession(new ServerSessionListener() { });
        for (int round = 0; round < 10 && !conn.connectedFuture().isDone(); round++) {
            byte[] out = takeOutbound();
            server.receive(ByteBuffer.wrap(out));
            if (server.hasOutbound()) {
                ch.writeInbound(Unpooled.wrappedBuffer(server.pollOutbound()));
            }
        }
        assertThat(conn.connectedFuture()).isCompleted();
        CompletableFuture<RtmpPublisher> publish = conn.publish(); // pending when the error comes

        // a fmt 3 chunk on a chunk stream never used (rtmp-1.0.txt §5.3.1.2.1)
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) (0xC0 | 60)}));

        assertThat(ch.isOpen()).isFalse();
        String reason = conn.closeFuture().join();
        assertThat(reason).startsWith("protocol error from 127.0.0.1:1935: chunk stream 60 starts with a fmt 3");
        assertThat(conn.isOpen()).isFalse();
        assertThatThrownBy(publish::join).cause().isInstanceOfSatisfying(RtmpClientException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL_ERROR));
    }
}
