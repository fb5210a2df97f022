package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken connections against {@code rtmp4j serve} (run as its own process, so its log can
 * be read) while FFmpeg publishes and plays in parallel: each bad connection is closed with its reason
 * logged ({@code close <peer> (... bytes in): <reason>}), memory stays bounded, and the real stream is
 * not disturbed. Random bytes after the handshake are covered by {@link ServerInteropTest}.
 */
class RobustnessInteropTest {

    private static final Pattern CLOSE = Pattern.compile("close 127\\.0\\.0\\.1:(\\d+) \\(\\d+ bytes in\\): (.*)");

    /** {@code serve --max-input-buffer}: also the largest message accepted (its default, 8 MiB). */
    private static final int MAX_INPUT = 8 << 20;

    @TempDir
    Path tmp;

    private final List<Process> processes = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        for (Process p : processes) {
            Peers.await(p, Duration.ofMillis(1));
        }
    }

    private Process spawn(String name, List<String> cmd) throws IOException {
        Process p = Peers.start(tmp.resolve(name + ".log"), cmd);
        processes.add(p);
        return p;
    }

    @Test
    void stalledHugeOverLongAndUnfinishedConnectionsAreClosedWithALoggedReasonWhileFfmpegStreams() throws Exception {
        Path ffmpeg = Peers.require("ffmpeg", "ffmpeg");
        Path ffprobe = Peers.require("ffprobe", "ffmpeg");
        Peers.assumeEncoder(ffmpeg, "libx264", tmp.resolve("encoders.log"));
        int port = Peers.freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path serverLog = tmp.resolve("serve.log");
        // a small heap: 8 connections below each declare an 8 MiB message (64 MiB), which must not be
        // allocated before the bytes arrive (the chunk decoder allocated declared lengths up front once)
        Process serve = spawn("serve", List.of(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "io.rtmp4j.cli.Main", "serve", "--bind", "127.0.0.1", "--rtmp-port", String.valueOf(port),
                "--handshake-timeout", "2", "--idle-timeout", "3", "--publisher-timeout", "30",
                "--max-input-buffer", String.valueOf(MAX_INPUT)));
        assertThat(Peers.waitFor(() -> Peers.tail(serverLog).contains("rtmp4j: serving"), Duration.ofSeconds(30)))
                .as("serve started:%n%s", Peers.tail(serverLog)).isTrue();
        String url = "rtmp://127.0.0.1:" + port + "/live/cam";
        Process pub = spawn("publisher", List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "warning",
                "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "9",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-f", "flv", url));
        assertThat(Peers.waitFor(() -> Peers.tail(serverLog).contains("publish live/cam"), Duration.ofSeconds(20)))
                .as("publisher in:%n%s", Peers.tail(serverLog)).isTrue();
        Path out = tmp.resolve("play.flv");
        Process player = spawn("player", List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "warning",
                "-y", "-i", url, "-t", "5", "-c", "copy", "-f", "flv", out.toString()));

        // 1. never finishes the handshake: C0 and a third of C1 (rtmp-1.0.txt §5.2.2, §5.2.3)
        Socket unfinished = open(port);
        byte[] partial = new byte[1 + 512];
        partial[0] = 3; // C0: RTMP version 3
        unfinished.getOutputStream().write(partial);
        // 2. eight connections: handshake, then a fmt 1 first header on a new chunk stream (5) declaring
        //    a message of the largest accepted length (§5.3.1.2.2), its first chunk, then nothing
        List<Socket> huge = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Socket s = open(port);
            Peers.handshake(s);
            OutputStream o = s.getOutputStream();
            o.write(new byte[] {0x45, 0, 0, 0, (byte) 0x80, 0, 0, 0x09}); // fmt 1 csid 5, delta 0, length 0x800000, video
            o.write(new byte[128]); // one full chunk at the default chunk size (§5.4.1)
            o.flush();
            huge.add(s);
        }
        // 2b. the same with the wire maximum 0xFFFFFF: over the limit, refused from the header alone
        Socket tooLong = open(port);
        Peers.handshake(tooLong);
        tooLong.getOutputStream().write(new byte[] {0x46, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x08});
        tooLong.getOutputStream().flush();
        // 3. a proper publisher (connect, createStream, publish) that then declares a 16 MiB video message
        //    on a fresh chunk stream (fmt 0, §5.3.1.2.1), sends 100 bytes of it and stalls: the idle timeout
        TestClient stalled = new TestClient("rtmp://127.0.0.1:" + port + "/live/stall", 0, false);
        sockets.add(stalled.socket);
        assertThat(stalled.pumpUntil(() -> stalled.statuses.contains("NetStream.Publish.Start"))).isTrue();
        OutputStream so = stalled.socket.getOutputStream();
        so.write(new byte[] {0x3B, 0, 0, 0, (byte) 0x80, 0, 0, 0x09, 1, 0, 0, 0}); // fmt 0 csid 59, 8 MiB, stream 1
        so.write(new byte[100]);
        so.flush();

        assertThat(Peers.closedByServer(unfinished)).as("unfinished handshake closed").isTrue();
        for (Socket s : huge) {
            assertThat(Peers.closedByServer(s)).as("16 MiB declarations closed").isTrue();
        }
        assertThat(Peers.closedByServer(tooLong)).as("over-limit length closed").isTrue();
        assertThat(Peers.closedByServer(stalled.socket)).as("stalled 16 MiB message closed").isTrue();

        assertThat(Peers.await(player, Duration.ofSeconds(30))).as("player; log:%n%s",
                Peers.tail(tmp.resolve("player.log"))).isZero();
        assertThat(Peers.await(pub, Duration.ofSeconds(30))).as("publisher; log:%n%s",
                Peers.tail(tmp.resolve("publisher.log"))).isZero();
        List<Peers.Probed> probed = Peers.probe(ffprobe, out);
        assertThat(probed).anySatisfy(p -> assertThat(p.codec() + p.frames()).matches("h264\\d+")
                .satisfies(x -> assertThat(p.frames()).isGreaterThanOrEqualTo(110))); // 5 s at 25 fps
        assertThat(probed).anySatisfy(p -> assertThat(p.codec() + p.frames()).matches("aac\\d+")
                .satisfies(x -> assertThat(p.frames()).isGreaterThanOrEqualTo(200))); // 5 s at 48 kHz

        String log = Files.readString(serverLog);
        assertThat(log).doesNotContain("OutOfMemoryError");
        assertThat(reason(log, unfinished)).contains("no handshake and connect within 2000 ms");
        for (Socket s : huge) {
            assertThat(reason(log, s)).contains("no handshake and connect within 2000 ms");
        }
        assertThat(reason(log, tooLong)).contains("protocol error: chunk stream 6: message length 16777215 exceeds"
                + " the limit of " + MAX_INPUT + " bytes");
        assertThat(reason(log, stalled.socket)).contains("idle: nothing received for 3000 ms");
        assertThat(serve.isAlive()).isTrue();
    }

    private Socket open(int port) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(15_000);
        return s;
    }

    /** The reason the server logged when it closed {@code s} (matched by the client's local port). */
    private static String reason(String log, Socket s) {
        Matcher m = CLOSE.matcher(log);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == s.getLocalPort()) {
                return m.group(2);
            }
        }
        return "(no close logged for port " + s.getLocalPort() + ")";
    }
}
