package io.rtmp4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rtmp4j.server.LiveServer;
import io.rtmp4j.server.StreamKey;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples, run as a user would: ffmpeg (Debian's 5.1) publishes to {@link KeyCheckedServer} with the
 * right key and with a wrong one, {@link PlayToFile} and ffmpeg play, {@link PublishFile} sends a file;
 * ffprobe checks what the players wrote. Skipped with a message when ffmpeg is not installed.
 */
@Timeout(120)
class ExamplesTest {

    @TempDir
    Path tmp;

    private static Path require(String program) {
        Optional<Path> p = List.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .stream().map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
        assumeTrue(p.isPresent(), program + " is not installed (Debian package ffmpeg, installed by .ci/run); skipping");
        return p.get();
    }

    /** Runs a program, killed after {@code seconds}; returns its exit code, -1 if it had to be killed. */
    private int run(String name, int seconds, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile())
                .start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return -1;
        }
        return p.exitValue();
    }

    private String log(String name) throws Exception {
        return Files.readString(tmp.resolve(name + ".log"), StandardCharsets.UTF_8);
    }

    private List<String> streams(Path ffprobe, Path file) throws Exception {
        assertThat(run("ffprobe", 30, ffprobe.toString(), "-v", "error", "-show_entries", "stream=codec_type,codec_name",
                "-of", "csv=p=0", file.toString())).isZero();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(tmp.resolve("ffprobe.log"))) {
            out.add(line.trim());
        }
        return out;
    }

    @Test
    void theKeyCheckedServerLetsTheRightKeyInAndPlayersGetTheStream() throws Exception {
        Path ffmpeg = require("ffmpeg");
        Path ffprobe = require("ffprobe");
        Path source = tmp.resolve("source.flv");
        assertThat(run("fixture", 60, ffmpeg.toString(), "-nostdin", "-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "8", "-c:v", "libx264", "-preset",
                "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "flv", source.toString()))
                .as("fixture: %s", log("fixture")).isZero();
        try (LiveServer server = KeyCheckedServer.start(0, "s3cret")) {
            String base = "rtmp://127.0.0.1:" + server.port() + "/live/";
            // a wrong key: ffmpeg is refused (NetStream.Publish.Unauthorized) and gives up
            int refused = run("wrong-key", 30, ffmpeg.toString(), "-nostdin", "-re", "-i", source.toString(), "-c", "copy",
                    "-f", "flv", base + "cam?key=guess");
            assertThat(refused).as("ffmpeg with a wrong key: %s", log("wrong-key")).isNotZero().isNotEqualTo(-1);
            assertThat(log("wrong-key")).contains("Server error: bad stream key"); // the status description

            // the right key: ffmpeg publishes, our player and an ffmpeg player get the stream
            Process publisher = new ProcessBuilder(ffmpeg.toString(), "-nostdin", "-re", "-i", source.toString(), "-c",
                    "copy", "-f", "flv", base + "cam?key=s3cret").redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("publisher.log").toFile()).start();
            try {
                Path ours = tmp.resolve("ours.flv");
                CompletableFuture<Void> playing = CompletableFuture.runAsync(() -> {
                    try {
                        PlayToFile.play(base + "cam", ours, 4);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Path theirs = tmp.resolve("theirs.flv");
                assertThat(run("ffmpeg-player", 30, ffmpeg.toString(), "-nostdin", "-y", "-i", base + "cam", "-map", "0",
                        "-c", "copy", "-t", "3", theirs.toString())).as("ffmpeg player: %s", log("ffmpeg-player")).isZero();
                playing.get(30, TimeUnit.SECONDS);
                assertThat(streams(ffprobe, ours)).containsExactlyInAnyOrder("h264,video", "aac,audio");
                assertThat(streams(ffprobe, theirs)).containsExactlyInAnyOrder("h264,video", "aac,audio");
                assertThat(server.hub().isPublished(StreamKey.of("live", "cam"))).isTrue();
            } finally {
                publisher.destroy();
                publisher.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void publishFileSendsAFileThatAPlayerReceives() throws Exception {
        Path ffmpeg = require("ffmpeg");
        Path ffprobe = require("ffprobe");
        Path source = tmp.resolve("source.flv");
        assertThat(run("fixture", 60, ffmpeg.toString(), "-nostdin", "-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-f", "flv",
                source.toString())).isZero();
        try (LiveServer server = LiveServer.builder().bind("127.0.0.1").port(0).start()) {
            String url = "rtmp://127.0.0.1:" + server.port() + "/live/file";
            Path played = tmp.resolve("played.flv");
            CompletableFuture<Void> playing = CompletableFuture.runAsync(() -> {
                try {
                    PlayToFile.play(url, played, 10); // ends earlier: the publisher's unpublish ends the stream
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (server.hub().playerCount(StreamKey.of("live", "file")) == 0) {
                Thread.sleep(20); // the player is connecting; bounded by the class's timeout
            }
            assertThat(PublishFile.publish(source, url)).isGreaterThanOrEqualTo(75);
            playing.get(30, TimeUnit.SECONDS);
            assertThat(streams(ffprobe, played)).containsExactly("h264,video");
        }
    }
}
