package io.rtmp4j.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rtmp4j.netty.client.PlayListener;
import io.rtmp4j.netty.client.RtmpClient;
import io.rtmp4j.netty.client.RtmpPlayer;
import io.rtmp4j.netty.client.RtmpPublisher;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.ServerSessionConfig;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Transport limits that need no external program. */
class RtmpServerTest {

    private static RtmpServer.Settings settings(Duration handshake, int maxConnections) {
        return settings(handshake, maxConnections, 0);
    }

    private static RtmpServer.Settings settings(Duration handshake, int maxConnections, int port) {
        RtmpServer.Settings d = RtmpServer.Settings.defaults();
        return new RtmpServer.Settings("127.0.0.1", port, ServerSessionConfig.defaults(), handshake, d.idleTimeout(),
                d.closeTimeout(), d.writeLowWaterMark(), d.writeHighWaterMark(), maxConnections, 1);
    }

    private static Path ffmpeg() {
        Path p = Path.of("/usr/bin/ffmpeg");
        assumeTrue(Files.isExecutable(p), "ffmpeg is not installed (Debian package ffmpeg, see .ci/run); skipping");
        return p;
    }

    private static Set<Thread> rtmp4jThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("rtmp4j-"))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Issue 11: a port in use is a documented, catchable failure, and it leaves no thread behind. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void startOnAPortInUseThrowsUncheckedIOExceptionAndReleasesEveryThread() throws Exception {
        Set<Thread> before = rtmp4jThreads();
        int port;
        UncheckedIOException failure;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = taken.getLocalPort();
            RtmpServer server = RtmpServer.builder().settings(settings(Duration.ofSeconds(10), 10, port)).build();
            failure = catchThrowableOfType(server::start, UncheckedIOException.class);
        }
        assertThat(failure).as("start() on a port in use").isNotNull();
        assertThat(failure.getCause()).isInstanceOf(BindException.class);
        assertThat(failure.getMessage()).contains("127.0.0.1:" + port);
        List<Thread> left = rtmp4jThreads().stream().filter(t -> !before.contains(t)).toList();
        for (Thread t : left) {
            t.join(5000); // a thread that is not being shut down stays: the JVM would never exit
        }
        assertThat(left).as("threads the failed start left").noneMatch(Thread::isAlive);
    }

    /**
     * Issue 11: a decision completed on another thread (an asynchronous authorization) reaches the peer:
     * the decision methods hop to the connection's event loop and flush.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void decisionsCompletedOnAnotherThreadReachOurPublisherAndPlayer() throws Exception {
        ScheduledExecutorService auth = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch published = new CountDownLatch(3);
        CountDownLatch played = new CountDownLatch(2);
        try (RtmpServer server = RtmpServer.builder().settings(settings(Duration.ofSeconds(10), 10))
                .onPublish((conn, r) -> auth.schedule(r::accept, 100, TimeUnit.MILLISECONDS))
                .onPlay((conn, r) -> CompletableFuture.runAsync(r::accept).thenRun(() -> conn.execute(() -> {
                    conn.session().sendVideo(r.streamId(), 0, new byte[] {0x17, 0, 0, 0, 0, 1, 0x42, 0, 0x1E});
                    conn.session().sendVideo(r.streamId(), 40, new byte[] {0x17, 1, 0, 0, 0, 1});
                })))
                .onMedia((conn, kind, id, ts, payload) -> published.countDown())
                .build().start();
             // a response timeout longer than the waits below: Publish.Start must come, not the timeout
             RtmpClient client = RtmpClient.create(RtmpClient.Settings.defaults()
                     .withResponseTimeout(Duration.ofSeconds(30)))) {
            String url = "rtmp://127.0.0.1:" + server.port() + "/live/cam";
            RtmpPublisher p = client.publish(url).get(10, TimeUnit.SECONDS); // NetStream.Publish.Start
            for (int i = 0; i < 3; i++) {
                p.sendVideo(40L * i, new byte[] {(byte) (i == 0 ? 0x17 : 0x27), 1, 0, 0, 0, (byte) i});
            }
            assertThat(published.await(10, TimeUnit.SECONDS)).as("the publisher's media reached the server").isTrue();
            RtmpPlayer player = client.play(url, new PlayListener() {
                @Override
                public void onMedia(MediaKind kind, long timestamp, byte[] payload) {
                    played.countDown();
                }
            }).get(10, TimeUnit.SECONDS);
            assertThat(played.await(10, TimeUnit.SECONDS)).as("the server's media reached the player").isTrue();
            player.closeAsync().get(10, TimeUnit.SECONDS);
            p.closeAsync().get(10, TimeUnit.SECONDS);
        } finally {
            auth.shutdownNow();
        }
    }

    /** As above with ffmpeg 5.1 as the publisher: it hung when the accept came from another thread. */
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void ffmpegGetsPublishStartFromADecisionMadeOnAnotherThread(@TempDir Path tmp) throws Exception {
        Path ffmpeg = ffmpeg();
        ScheduledExecutorService auth = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch allVideo = new CountDownLatch(27);
        try (RtmpServer server = RtmpServer.builder().settings(settings(Duration.ofSeconds(10), 10))
                .onPublish((conn, r) -> auth.schedule(r::accept, 200, TimeUnit.MILLISECONDS))
                .onMedia((conn, kind, id, ts, payload) -> {
                    if (kind == MediaKind.VIDEO) {
                        allVideo.countDown();
                    }
                })
                .build().start()) {
            Process p = new ProcessBuilder(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "warning",
                    "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-t", "1", "-c:v", "libx264",
                    "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-f", "flv",
                    "rtmp://127.0.0.1:" + server.port() + "/live/cam")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("ffmpeg.log").toFile()).start();
            boolean exited = p.waitFor(30, TimeUnit.SECONDS);
            if (!exited) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            assertThat(exited && p.exitValue() == 0).as("ffmpeg published and exited 0:%n%s",
                    Files.readString(tmp.resolve("ffmpeg.log"))).isTrue();
            // sequence header, 25 frames, AVC end of sequence (read within a bounded wait, see above)
            assertThat(allVideo.await(10, TimeUnit.SECONDS)).as("27 video messages").isTrue();
        } finally {
            auth.shutdownNow();
        }
    }

    /**
     * Issue 11: closing the server ends a publication as a graceful close does (StreamEOF,
     * NetStream.Unpublish.Success, flush, half-close, wait for the peer; INTEROP-NOTES "Closing"): our
     * publisher, still sending, sees the status and ends cleanly, not with a reset or a broken pipe.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void closeEndsOurPublisherWithUnpublishSuccessAndACleanEnd() throws Exception {
        CountDownLatch media = new CountDownLatch(5);
        ScheduledExecutorService encoder = Executors.newSingleThreadScheduledExecutor();
        RtmpServer server = RtmpServer.builder().settings(settings(Duration.ofSeconds(10), 10))
                .onMedia((conn, kind, id, ts, payload) -> media.countDown()).build().start();
        boolean closed = false;
        try (RtmpClient client = RtmpClient.create()) {
            RtmpPublisher p = client.publish("rtmp://127.0.0.1:" + server.port() + "/live/cam")
                    .get(10, TimeUnit.SECONDS);
            long[] ts = {0};
            encoder.scheduleAtFixedRate(() -> {
                if (p.isOpen()) {
                    p.sendVideo(ts[0] += 10, new byte[2048]);
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            assertThat(media.await(10, TimeUnit.SECONDS)).isTrue();
            closed = true;
            server.close();
            String reason = p.closeFuture().get(10, TimeUnit.SECONDS);
            assertThat(reason).contains("NetStream.Unpublish.Success").doesNotContain("I/O error");
        } finally {
            encoder.shutdownNow();
            if (!closed) {
                server.close();
            }
        }
    }

    /** ffmpeg 5.1 publishing in real time when the server closes exits on the status, without "Broken pipe". */
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void closeEndsAnFfmpegPublisherWithoutABrokenPipe(@TempDir Path tmp) throws Exception {
        Path ffmpeg = ffmpeg();
        CountDownLatch video = new CountDownLatch(25);
        RtmpServer server = RtmpServer.builder().settings(settings(Duration.ofSeconds(10), 10))
                .onMedia((conn, kind, id, ts, payload) -> {
                    if (kind == MediaKind.VIDEO) {
                        video.countDown();
                    }
                }).build().start();
        boolean closed = false;
        Path log = tmp.resolve("ffmpeg.log");
        Process p = new ProcessBuilder(ffmpeg.toString(), "-nostdin", "-hide_banner", "-re",
                "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-t", "60", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-f", "flv",
                "rtmp://127.0.0.1:" + server.port() + "/live/cam")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(video.await(30, TimeUnit.SECONDS)).as("ffmpeg publishes:%n%s", Files.readString(log)).isTrue();
            closed = true;
            server.close();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("ffmpeg exited:%n%s", Files.readString(log)).isTrue();
            assertThat(Files.readString(log)).doesNotContain("Broken pipe").doesNotContain("Connection reset");
        } finally {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            if (!closed) {
                server.close();
            }
        }
    }

    /** close(Duration): the goodbye (a half-close) at once, then a peer that never closes is cut off after the timeout. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void closeWaitsForAPeerThatNeverClosesOnlyAsLongAsTheTimeout() throws Exception {
        RtmpServer server = RtmpServer.builder().settings(settings(Duration.ofSeconds(30), 10)).build().start();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.setSoTimeout(10_000);
            // rtmp-1.0.txt §5.2.2/§5.2.3: C0 and C1; the first byte of S0 shows the server has the connection
            s.getOutputStream().write(3);
            s.getOutputStream().write(new byte[1536]);
            InputStream in = s.getInputStream();
            assertThat(in.read()).isEqualTo(3);
            long start = System.nanoTime();
            server.close(Duration.ofMillis(300)); // this peer never closes its side
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(4));
            byte[] rest = in.readAllBytes(); // S1, S2, then the server's FIN: a clean end of stream
            assertThat(rest).hasSize(2 * 1536);
        } finally {
            server.close(); // idempotent
        }
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
