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

    @Test
    void callbacksDecidePublishRequestsLaterAndReceiveTheMedia(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path ffmpeg = java.nio.file.Path.of("/usr/bin/ffmpeg");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(ffmpeg),
                "ffmpeg is not installed (Debian package ffmpeg, see .ci/run); skipping");
        java.util.concurrent.atomic.AtomicInteger video = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch allVideo = new java.util.concurrent.CountDownLatch(27);
        java.util.List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (RtmpServer server = RtmpServer.builder().settings(settings(Duration.ofSeconds(10), 10))
                .onPublish((conn, r) -> {
                    if (!r.streamName().equals("cam")) {
                        refused.add(r.streamName());
                        r.rejectBadName("unknown stream");
                        return;
                    }
                    // decided later, as after an authorization call
                    conn.executor().schedule(() -> conn.execute(r::accept), 200,
                            java.util.concurrent.TimeUnit.MILLISECONDS);
                })
                .onMedia((conn, kind, id, ts, payload) -> {
                    if (kind == io.rtmp4j.session.MediaKind.VIDEO) {
                        video.incrementAndGet();
                        allVideo.countDown();
                    }
                })
                .build().start()) {
            for (String name : java.util.List.of("other", "cam")) {
                Process p = new ProcessBuilder(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "warning",
                        "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-t", "1", "-c:v", "libx264",
                        "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-f", "flv",
                        "rtmp://127.0.0.1:" + server.port() + "/live/" + name)
                        .redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile()).start();
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                assertThat(p.exitValue() == 0).as(name).isEqualTo(name.equals("cam"));
            }
            assertThat(refused).containsExactly("other");
            // ffmpeg may exit before the server's loop (paced: RtmpServer.Settings#ioPeriod) has read
            // its last bytes from the socket buffer: wait for them, bounded
            assertThat(allVideo.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("27 video messages").isTrue();
            assertThat(video.get()).isEqualTo(27); // sequence header, 25 frames, AVC end of sequence
        }
    }
}
