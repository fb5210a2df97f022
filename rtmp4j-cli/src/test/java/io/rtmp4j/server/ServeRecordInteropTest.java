package io.rtmp4j.server;

import static io.rtmp4j.server.ServerInteropTest.assertStreams;
import static io.rtmp4j.server.ServerInteropTest.ffmpegPublish;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rtmp4j serve --record} as its own process against a real encoder: moved here from
 * {@link ServerInteropTest} (rtmp4j-server's test-jar, same package) because it starts the command,
 * which lives in this module.
 */
class ServeRecordInteropTest {

    @TempDir
    Path tmp;

    private LiveServerFixture live;

    @BeforeEach
    void fixture() {
        live = new LiveServerFixture(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        live.close();
    }

    @Test
    void serveRecordClosesTheRecordingProperlyOnSigterm() throws Exception {
        Path ffmpeg = Peers.require("ffmpeg", "ffmpeg");
        Path ffprobe = Peers.require("ffprobe", "ffmpeg");
        Path flvmeta = Peers.require("flvmeta", "flvmeta");
        Peers.assumeEncoder(ffmpeg, "libx264", tmp.resolve("encoders.log"));
        Path dir = tmp.resolve("rec");
        int port = Peers.freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path serverLog = tmp.resolve("serve.log");
        // ./rtmp4j serve --record, as its own process (the test JVM's class path holds the command)
        Process serve = live.spawn("serve", List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "io.rtmp4j.cli.Main", "serve", "--bind", "127.0.0.1", "--rtmp-port", String.valueOf(port),
                "--record", dir.toString()));
        assertThat(Peers.waitFor(() -> Peers.tail(serverLog).contains("rtmp4j: serving"), Duration.ofSeconds(30)))
                .as("serve started:%n%s", Peers.tail(serverLog)).isTrue();
        String url = "rtmp://127.0.0.1:" + port + "/live/term";
        live.spawn("publisher", ffmpegPublish(ffmpeg, url, 20, "-c:v", "libx264", "-preset", "ultrafast", "-g", "25",
                "-pix_fmt", "yuv420p", "-c:a", "aac"));
        Path appDir = dir.resolve("live");
        // let it record for a while (the file grows past 100 kB: a few seconds of this stream)
        assertThat(Peers.waitFor(() -> sizeOfOnlyFile(appDir) > 100_000, Duration.ofSeconds(30))).isTrue();
        serve.destroy(); // SIGTERM
        assertThat(Peers.await(serve, Duration.ofSeconds(20))).as("serve exited:%n%s", Peers.tail(serverLog))
                .isNotEqualTo(-1);
        assertThat(Peers.tail(serverLog)).contains("unpublish live/term");
        Path file;
        try (Stream<Path> s = Files.list(appDir)) {
            file = s.findFirst().orElseThrow();
        }
        Path log = tmp.resolve("flvmeta.log");
        int check = Peers.run(log, Duration.ofSeconds(30), List.of(flvmeta.toString(), "--check", file.toString()));
        assertThat(check).as("flvmeta --check:%n%s", Peers.tail(log)).isZero();
        assertStreams(Peers.probe(ffprobe, file), "h264", 50, "aac", 90);
    }

    private static long sizeOfOnlyFile(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.toList();
            return files.size() == 1 ? Files.size(files.get(0)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
