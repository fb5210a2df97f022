package io.rtmp4j.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rtmp4j.handshake.ClientHandshake;
import io.rtmp4j.handshake.Handshake;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.LoggerFactory;

/**
 * Test support for the interop tests of this module (this package and {@code io.rtmp4j.server.client}):
 * finding and running the real programs, every process bounded by a timeout; free ports; ffprobe; a raw
 * socket's handshake and its end.
 */
public final class Peers {

    private Peers() {
    }

    /** A program on the PATH, or a skipped test naming the Debian package. */
    public static Path require(String program, String debianPackage) {
        Optional<Path> p = onPath(program);
        assumeTrue(p.isPresent(), program + " is not installed (Debian package " + debianPackage
                + ", installed by .ci/run); skipping");
        return p.get();
    }

    public static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** FFmpeg 8.1's ffmpeg / ffprobe from {@code rtmp4j.tools.dir}, or a skipped test. */
    public static Path ffmpeg8(String program) {
        String dir = System.getProperty("rtmp4j.tools.dir");
        Path p = dir == null ? null : Path.of(dir, "ffmpeg8", program);
        assumeTrue(p != null && Files.isExecutable(p),
                "FFmpeg 8.1 not fetched (bash scripts/fetch-tools.sh puts it in .tools/ffmpeg8); skipping");
        return p;
    }

    /**
     * A self-signed certificate for {@code localhost} and its PKCS#8 key, made with openssl in {@code dir}
     * (as an operator would for a test server), or a skipped test when openssl is missing.
     *
     * @return the certificate (PEM) and the key (PEM)
     */
    public static Path[] selfSignedCertificate(Path dir) throws IOException, InterruptedException {
        Path openssl = require("openssl", "openssl");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Path log = dir.resolve("openssl.log");
        int rc = run(log, Duration.ofSeconds(60), List.of(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048",
                "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost"));
        if (rc != 0) {
            throw new IOException("openssl failed: " + tail(log));
        }
        return new Path[] {cert, key};
    }

    /** A free TCP port on the loopback interface. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts a process with its output in {@code log}. */
    public static Process start(Path log, List<String> cmd) throws IOException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits for a process at most {@code timeout}, then kills it; returns its exit code (or -1 if killed). */
    public static int await(Process p, Duration timeout) throws InterruptedException {
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroy();
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
            return -1;
        }
        return p.exitValue();
    }

    /** Runs to completion within {@code timeout}; returns the exit code (-1 if it had to be killed). */
    public static int run(Path log, Duration timeout, List<String> cmd) throws IOException, InterruptedException {
        return await(start(log, cmd), timeout);
    }

    /**
     * Polls {@code condition} (every 50 ms) until it holds or {@code timeout} passes: for waiting on an
     * external program, whose progress the test cannot be notified of.
     */
    public static boolean waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** One stream of a media file as ffprobe counts it. */
    public record Probed(String type, String codec, int frames) { }

    /** ffprobe {@code -count_frames} on a file: one entry per stream. */
    public static List<Probed> probe(Path ffprobe, Path file) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ffprobe", ".csv");
        try {
            int rc = run(out, Duration.ofSeconds(60), List.of(ffprobe.toString(), "-v", "error", "-count_frames",
                    "-show_entries", "stream=codec_type,codec_name,nb_read_frames", "-of", "csv=p=0",
                    file.toString()));
            List<Probed> result = new ArrayList<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                String[] f = line.trim().split(",");
                if (rc == 0 && f.length >= 3) {
                    // csv order follows ffprobe's field order: codec_name, codec_type, nb_read_frames
                    result.add(new Probed(f[1], f[0], f[2].matches("\\d+") ? Integer.parseInt(f[2]) : 0));
                }
            }
            LoggerFactory.getLogger(Peers.class).info("ffprobe {}: {}", file.getFileName(), result);
            return result;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The last 15 lines of a log, for assertion messages. */
    public static String tail(Path log) {
        return tail(log, 15);
    }

    /** The last {@code lines} lines of a log, for assertion messages. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Skips the test unless {@code ffmpeg -encoders} (output in {@code log}) lists {@code encoder}. */
    public static void assumeEncoder(Path ffmpeg, String encoder, Path log) throws IOException, InterruptedException {
        int rc = run(log, Duration.ofSeconds(20), List.of(ffmpeg.toString(), "-hide_banner", "-encoders"));
        assumeTrue(rc == 0 && Files.readString(log).contains(" " + encoder + " "),
                ffmpeg + " has no " + encoder + "; skipping");
    }

    /** A plain handshake (rtmp-1.0.txt §5.2.5) as a client on a connected socket. */
    public static void handshake(Socket s) throws IOException {
        ClientHandshake hs = Handshake.client(Handshake.Kind.PLAIN, new SplittableRandom(1), 0);
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        while (true) {
            ByteBuffer b = hs.pollOutbound();
            out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            out.flush();
            if (hs.isDone()) {
                return;
            }
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("server closed during the handshake");
            }
            hs.feed(ByteBuffer.wrap(buf, 0, n));
        }
    }

    /**
     * Reads (discarding the server's replies, if any) until the server closes {@code s}: true (a reset
     * counts as closed); false when the socket's read timeout passes first.
     */
    public static boolean closedByServer(Socket s) throws IOException {
        byte[] buf = new byte[4096];
        InputStream in = s.getInputStream();
        try {
            while (in.read(buf) >= 0) {
                // the server's pings and replies, if any
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * gst-launch-1.0 from the PATH, or a skipped test; skipped too unless gst-inspect-1.0 (its output in
     * {@code log}) finds every one of {@code elements}.
     */
    public static Path gstreamer(Path log, String... elements) throws IOException, InterruptedException {
        Path gst = require("gst-launch-1.0", "gstreamer1.0-tools");
        Path inspect = require("gst-inspect-1.0", "gstreamer1.0-tools");
        for (String element : elements) {
            int rc = run(log, Duration.ofSeconds(20), List.of(inspect.toString(), element));
            assumeTrue(rc == 0, "GStreamer element " + element + " missing (gstreamer1.0-plugins-bad/-good); skipping");
        }
        return gst;
    }

    /**
     * A GStreamer pipeline publishing 8 s of live test video (320x240 at 25 fps, H.264 by openh264, a key
     * frame a second) and a test tone (AAC by voaacenc), muxed as FLV into {@code sink} (an RTMP sink
     * element such as rtmp2sink or librtmp's rtmpsink) at {@code url}.
     */
    public static List<String> gstTestPublish(Path gst, String sink, String url) {
        return List.of(gst.toString(), "-e",
                "videotestsrc", "is-live=true", "num-buffers=200", "!",
                "video/x-raw,width=320,height=240,framerate=25/1", "!", "openh264enc", "gop-size=25", "!",
                "h264parse", "!", "queue", "!", "flvmux", "name=m", "streamable=true", "!",
                sink, "location=" + url,
                "audiotestsrc", "is-live=true", "num-buffers=340", "!", "audioconvert", "!", "voaacenc", "!",
                "aacparse", "!", "queue", "!", "m.");
    }
}
