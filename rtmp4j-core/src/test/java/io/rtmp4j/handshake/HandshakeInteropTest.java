package io.rtmp4j.handshake;

import static io.rtmp4j.handshake.Handshake.Kind.DIGEST_SCHEME_0;
import static io.rtmp4j.handshake.Handshake.Kind.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The handshake against real peers: rtmpdump (librtmp) and FFmpeg as clients of {@link ServerHandshake},
 * nginx-rtmp and FFmpeg's listen mode as servers of {@link ClientHandshake}. Each test skips (JUnit
 * assumption) when its program is not installed; every wait is bounded by a socket timeout and the
 * JUnit timeout; every started process is killed.
 *
 * <p>The test resources {@code *-c0c1.bin} were captured the same way: a loopback listener that
 * saved the first 1537 bytes each program sent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HandshakeInteropTest {

    private static final int IO_TIMEOUT_MS = 15_000;
    /** Any 32-byte SHA-256 and a size: makes rtmpdump send a digest C1 (librtmp turns on its FP9 handshake). */
    private static final String SWF_HASH = "0000000000000000000000000000000000000000000000000000000000000001";

    @TempDir
    Path tmp;

    static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static Path require(String program) {
        Optional<Path> p = onPath(program);
        assumeTrue(p.isPresent(), program + " is not installed (Debian package: see .ci/run); skipping");
        return p.get();
    }

    /** FFmpeg 8.1 from scripts/fetch-tools.sh, if fetched. */
    static Optional<Path> ffmpeg8() {
        String dir = System.getProperty("rtmp4j.tools.dir");
        if (dir == null) {
            return Optional.empty();
        }
        Path p = Path.of(dir, "ffmpeg8", "ffmpeg");
        return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    // ---- real clients against ServerHandshake ----

    /** What a client did: the handshake, and the first 22 bytes it sent after C2. */
    record Seen(ServerHandshake handshake, byte[] firstChunk) {
    }

    /**
     * Listens on a free loopback port, starts {@code command} (its "PORT" arguments replaced), runs
     * a ServerHandshake on the connection, then reads the first 22 bytes of the chunk stream: the
     * 12-byte fmt 0 header and the start of the connect command.
     */
    private Seen serveOne(List<String> command) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(IO_TIMEOUT_MS);
            String port = Integer.toString(listener.getLocalPort());
            List<String> cmd = new ArrayList<>();
            for (String arg : command) {
                cmd.add(arg.replace("PORT", port));
            }
            Path log = tmp.resolve("peer.log");
            Process peer = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(IO_TIMEOUT_MS);
                ServerHandshake hs = Handshake.server(new SecureRandom(), 0);
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                byte[] buf = new byte[8192];
                while (!hs.isDone()) {
                    int n = in.read(buf);
                    assertThat(n).as("peer closed during the handshake; its log: %s", readLog(log)).isPositive();
                    hs.feed(ByteBuffer.wrap(buf, 0, n));
                    ByteBuffer o = hs.pollOutbound();
                    out.write(o.array(), o.arrayOffset() + o.position(), o.remaining());
                }
                ByteArrayOutputStream chunk = new ByteArrayOutputStream();
                chunk.write(HandshakeTest.bytes(hs.leftover()));
                while (chunk.size() < 22) {
                    int n = in.read(buf);
                    assertThat(n).as("peer closed before its first chunk; its log: %s", readLog(log)).isPositive();
                    chunk.write(buf, 0, n);
                }
                return new Seen(hs, Arrays.copyOf(chunk.toByteArray(), 22));
            } finally {
                stop(peer);
            }
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String readLog(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** The first chunk is connect: fmt 0 on csid 3, type 20 (AMF0 command), body "connect" (rtmp-1.0.txt §5.3.1, §7.2.1.1). */
    private static void assertConnectChunk(byte[] c) {
        assertThat(c[0]).as("basic header: fmt 0, csid 3").isEqualTo((byte) 0x03);
        assertThat(c[7]).as("message type id 20, AMF0 command").isEqualTo((byte) 20);
        assertThat(Arrays.copyOfRange(c, 12, 22)).as("AMF0 string \"connect\"")
                .isEqualTo(new byte[] {0x02, 0x00, 0x07, 'c', 'o', 'n', 'n', 'e', 'c', 't'});
    }

    @Test
    void rtmpdumpPlain() throws Exception {
        Path rtmpdump = require("rtmpdump");
        Seen seen = serveOne(List.of(rtmpdump.toString(), "-q", "-r", "rtmp://127.0.0.1:PORT/app/x", "-o", "/dev/null"));
        assertThat(seen.handshake().kind()).isEqualTo(PLAIN);
        assertThat(seen.handshake().peerVersion()).isZero();
        assertThat(seen.handshake().peerResponseValid()).as("librtmp echoes S1 as C2").isTrue();
        assertConnectChunk(seen.firstChunk());
    }

    @Test
    void rtmpdumpDigestChecksOurS1AndS2() throws Exception {
        // librtmp refuses the server ("Couldn't verify the server digest", "Server not genuine Adobe!")
        // and never sends connect unless S1 and S2 are right.
        Path rtmpdump = require("rtmpdump");
        Seen seen = serveOne(List.of(rtmpdump.toString(), "-q", "-r", "rtmp://127.0.0.1:PORT/app/x", "-o", "/dev/null",
                "--swfhash", SWF_HASH, "--swfsize", "1000"));
        assertThat(seen.handshake().kind()).isEqualTo(DIGEST_SCHEME_0);
        assertThat(seen.handshake().peerVersion()).as("librtmp's 10.0.45.2").isEqualTo(0x0A002D02);
        assertThat(seen.handshake().peerResponseValid()).as("librtmp signs C2").isTrue();
        assertConnectChunk(seen.firstChunk());
    }

    @Test
    void gstreamerRtmp2srcPlain() throws Exception {
        // GStreamer's own RTMP elements (rtmp2src/rtmp2sink) send a zero-version C1 (docs/INTEROP.md "Handshake").
        Path gst = require("gst-launch-1.0");
        Seen seen = serveOne(List.of(gst.toString(), "-q", "rtmp2src", "location=rtmp://127.0.0.1:PORT/app/x",
                "!", "fakesink"));
        assertThat(seen.handshake().kind()).isEqualTo(PLAIN);
        assertThat(seen.handshake().peerVersion()).isZero();
        assertThat(seen.handshake().peerResponseValid()).isTrue();
        assertConnectChunk(seen.firstChunk());
    }

    @Test
    void gstreamerRtmpsrcPlain() throws Exception {
        // GStreamer's librtmp element: like rtmpdump without a SWF hash, a plain C1 (measured with
        // GStreamer 1.22 / librtmp 2.4, docs/INTEROP.md "Handshake"; a digest one was expected before).
        Path gst = require("gst-launch-1.0");
        Seen seen = serveOne(List.of(gst.toString(), "-q", "rtmpsrc", "location=rtmp://127.0.0.1:PORT/app/x",
                "!", "fakesink"));
        assertThat(seen.handshake().kind()).isEqualTo(PLAIN);
        assertThat(seen.handshake().peerResponseValid()).isTrue();
        assertConnectChunk(seen.firstChunk());
    }

    @Test
    void ffmpegDigestChecksOurS1AndS2() throws Exception {
        // FFmpeg verifies S1 and S2 ("Server response validating failed", "Signature mismatch")
        // because our S1 version starts with 3 or more.
        Path ffmpeg = require("ffmpeg");
        assertFfmpegClient(ffmpeg);
    }

    @Test
    void ffmpeg8DigestChecksOurS1AndS2() throws Exception {
        Optional<Path> ffmpeg = ffmpeg8();
        assumeTrue(ffmpeg.isPresent(), "FFmpeg 8.1 not fetched (bash scripts/fetch-tools.sh); skipping");
        assertFfmpegClient(ffmpeg.get());
    }

    private void assertFfmpegClient(Path ffmpeg) throws Exception {
        Seen seen = serveOne(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "error",
                "-i", "rtmp://127.0.0.1:PORT/app/x", "-f", "null", "-"));
        assertThat(seen.handshake().kind()).isEqualTo(DIGEST_SCHEME_0);
        assertThat(seen.handshake().peerVersion()).as("Flash Player 9.0.124.2").isEqualTo(0x09007C02);
        assertThat(seen.handshake().peerResponseValid()).as("FFmpeg signs C2").isTrue();
        assertConnectChunk(seen.firstChunk());
    }

    // ---- ClientHandshake against real servers ----

    /** Connects to 127.0.0.1:port, retrying while nothing listens yet (bounded by {@code deadline}). */
    private static Socket connectWhenListening(int port, Process server, long deadlineNanos, Path log)
            throws IOException, InterruptedException {
        while (true) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                s.setSoTimeout(IO_TIMEOUT_MS);
                return s;
            } catch (ConnectException e) {
                s.close();
                assertThat(server.isAlive()).as("server exited; its log: %s", readLog(log)).isTrue();
                assertThat(System.nanoTime()).as("server did not listen in time").isLessThan(deadlineNanos);
                server.waitFor(50, TimeUnit.MILLISECONDS); // polling readiness, not synchronizing
            }
        }
    }

    /** Runs {@code hs} over {@code socket} until done; the last C2 is sent. */
    private static void drive(ClientHandshake hs, Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        byte[] buf = new byte[8192];
        ByteBuffer o = hs.pollOutbound();
        out.write(o.array(), o.arrayOffset() + o.position(), o.remaining());
        while (!hs.isDone()) {
            int n = in.read(buf);
            assertThat(n).as("server closed during the handshake").isPositive();
            hs.feed(ByteBuffer.wrap(buf, 0, n));
            o = hs.pollOutbound();
            out.write(o.array(), o.arrayOffset() + o.position(), o.remaining());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A started nginx-rtmp on a free loopback port, its files in {@link #tmp}. */
    private record Nginx(Process process, int port, Path log) {
    }

    private Nginx startNginx() throws IOException {
        Path nginx = onPath("nginx").or(() -> Optional.of(Path.of("/usr/sbin/nginx")).filter(Files::isExecutable))
                .orElse(null);
        assumeTrue(nginx != null, "nginx is not installed (nginx-light); skipping");
        Path module = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");
        assumeTrue(Files.exists(module), "nginx-rtmp is not installed (libnginx-mod-rtmp); skipping");
        int port = freePort();
        Path conf = tmp.resolve("nginx.conf");
        Path log = tmp.resolve("error.log");
        Files.writeString(conf, String.join("\n",
                "load_module " + module + ";",
                "daemon off;",
                "master_process off;",
                "pid " + tmp.resolve("nginx.pid") + ";",
                "error_log " + log + " info;",
                "events { worker_connections 16; }",
                "rtmp { server { listen 127.0.0.1:" + port + "; application app { live on; } } }",
                ""));
        Process process = new ProcessBuilder(nginx.toString(), "-p", tmp.toString(), "-e", log.toString(),
                "-c", conf.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("stdout.log").toFile())
                .start();
        return new Nginx(process, port, log);
    }

    private ClientHandshake handshakeWithNginx(ClientHandshake hs) throws Exception {
        Nginx nginx = startNginx();
        try (Socket socket = connectWhenListening(nginx.port(), nginx.process(),
                System.nanoTime() + 10_000_000_000L, nginx.log())) {
            drive(hs, socket);
        } finally {
            stop(nginx.process());
        }
        assertThat(readLog(nginx.log())).doesNotContain("handshake: digest error").doesNotContain("[error]");
        return hs;
    }

    @ParameterizedTest
    @EnumSource(Handshake.Kind.class)
    void nginxRtmpAnswersEachKind(Handshake.Kind offer) throws Exception {
        ClientHandshake hs = handshakeWithNginx(Handshake.client(offer, new SecureRandom(), 0));
        // nginx-rtmp answers a digest C1 with a digest S1, but always at scheme 0 (whatever C1's
        // scheme): the client must look under both schemes.
        assertThat(hs.kind().isDigest()).as("digest answered with digest").isEqualTo(offer.isDigest());
        // for a digest, S2 is keyed with C1's digest: valid only if nginx-rtmp validated our C1
        assertThat(hs.peerResponseValid()).as("S2 is the signed response / the echo of C1").isTrue();
        if (offer.isDigest()) {
            assertThat(hs.peerVersion()).as("nginx-rtmp's S1 version").isNotZero();
        }
    }

    @Test
    void nginxRtmpAnswersAYouTubeStyleC1WithThePlainEcho() throws Exception {
        // Our own C1 with a version but no digest: a server must answer it with the plain echo.
        ClientHandshake hs = handshakeWithNginx(Handshake.client(PLAIN, 0x80000702, new SecureRandom(), 0));
        assertThat(hs.kind()).isEqualTo(PLAIN);
        assertThat(hs.peerResponseValid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Handshake.Kind.class, names = {"DIGEST_SCHEME_0", "DIGEST_SCHEME_1"})
    void ffmpegListenAnswersPlainAndOurDigestClientFallsBack(Handshake.Kind offer) throws Exception {
        // FFmpeg's listen mode answers with a plain S1 and complains ("Erroneous C2 Message ...") about
        // a C2 that is not the echo: the digest client must not insist.
        Path ffmpeg = require("ffmpeg");
        int port = freePort();
        Path log = tmp.resolve("ffmpeg.log");
        Process server = new ProcessBuilder(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "warning",
                "-listen", "1", "-timeout", "20", "-i", "rtmp://127.0.0.1:" + port + "/app/x", "-f", "null", "-")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (Socket socket = connectWhenListening(port, server, System.nanoTime() + 10_000_000_000L, log)) {
            ClientHandshake hs = Handshake.client(offer, new SecureRandom(), 0);
            drive(hs, socket);
            assertThat(hs.kind()).as("FFmpeg's S1 has a zero version and no digest").isEqualTo(PLAIN);
            assertThat(hs.peerResponseValid()).as("S2 echoes C1").isTrue();
            socket.shutdownOutput(); // FFmpeg reads C2, then end of stream where it wants connect, and gives up
            assertThat(server.waitFor(IO_TIMEOUT_MS, TimeUnit.MILLISECONDS)).as("FFmpeg exits").isTrue();
        } finally {
            stop(server);
        }
        assertThat(readLog(log)).doesNotContain("Erroneous C2").doesNotContain("Handshake C2 Error");
    }

    /** The control for the test above: FFmpeg does log a C2 that is not the echo of its S1. */
    @Test
    void ffmpegListenLogsAC2ThatIsNotTheEcho() throws Exception {
        Path ffmpeg = require("ffmpeg");
        int port = freePort();
        Path log = tmp.resolve("ffmpeg.log");
        Process server = new ProcessBuilder(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "warning",
                "-listen", "1", "-timeout", "20", "-i", "rtmp://127.0.0.1:" + port + "/app/x", "-f", "null", "-")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (Socket socket = connectWhenListening(port, server, System.nanoTime() + 10_000_000_000L, log)) {
            OutputStream out = socket.getOutputStream();
            out.write(HandshakeTest.bytes(Handshake.client(PLAIN, new SecureRandom(), 0).pollOutbound()));
            assertThat(socket.getInputStream().readNBytes(3073)).hasSize(3073);
            out.write(new byte[1536]); // zeros: neither the echo of S1 nor anything else
            socket.shutdownOutput();
            assertThat(server.waitFor(IO_TIMEOUT_MS, TimeUnit.MILLISECONDS)).as("FFmpeg exits").isTrue();
        } finally {
            stop(server);
        }
        assertThat(readLog(log)).contains("Erroneous C2 Message random does not match up");
    }
}
