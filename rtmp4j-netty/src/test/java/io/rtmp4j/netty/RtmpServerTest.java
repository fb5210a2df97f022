package io.rtmp4j.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.session.ServerSessionConfig;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Transport limits that need no external program. */
class RtmpServerTest {

    private static RtmpServer.Settings settings(Duration handshake, int maxConnections) {
        RtmpServer.Settings d = RtmpServer.Settings.defaults();
        return new RtmpServer.Settings("127.0.0.1", 0, ServerSessionConfig.defaults(), handshake, d.idleTimeout(),
                d.closeTimeout(), d.writeLowWaterMark(), d.writeHighWaterMark(), maxConnections, 1);
    }

    @Test
    void aPeerThatSendsNoHandshakeIsClosedAfterTheHandshakeTimeout() throws Exception {
        try (RtmpServer server = RtmpServer.builder().settings(settings(Duration.ofMillis(300), 10)).build().start();
             Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.setSoTimeout(10_000);
            long start = System.nanoTime();
            // rtmp-1.0.txt §5.2.2: C0 alone (version 3); C1 never comes
            s.getOutputStream().write(3);
            InputStream in = s.getInputStream();
            assertThat(in.read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void aWrongVersionByteClosesTheConnectionAtOnce() throws Exception {
        try (RtmpServer server = RtmpServer.builder().settings(settings(Duration.ofSeconds(30), 10)).build().start();
             Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(s.getInputStream().read()).isEqualTo(-1); // §5.2.2: 'G' (71) is not RTMP
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosed() throws Exception {
        try (RtmpServer server = RtmpServer.builder().settings(settings(Duration.ofSeconds(30), 1)).build().start();
             Socket first = new Socket(); Socket second = new Socket()) {
            first.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            first.getOutputStream().write(3);
            second.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            second.setSoTimeout(10_000);
            assertThat(second.getInputStream().read()).isEqualTo(-1);
        }
    }
}
