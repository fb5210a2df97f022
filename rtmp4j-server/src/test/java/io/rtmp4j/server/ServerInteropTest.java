package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live server against real encoders and players (issue 4, "Interop tests"). Each test runs the
 * real programs against a {@link LiveServer} on a free loopback port and asserts, with ffprobe on what
 * the player wrote, the codecs and a minimum number of frames received. Players join late (after the
 * publisher has been streaming for a while), so the GOP cache and the sequence headers are exercised.
 * Each test skips when its program is missing; every process is bounded by a timeout.
 */
class ServerInteropTest {

    @TempDir
    Path tmp;

    private LiveServerFixture live;
    private LiveServer server;

    @BeforeEach
    void fixture() {
        live = new LiveServerFixture(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        live.close();
    }

    static List<String> ffmpegPublish(Path ffmpeg, String url, int seconds, String... codecArgs) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "warning",
                "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", String.valueOf(seconds)));
        cmd.addAll(Arrays.asList(codecArgs));
        cmd.addAll(List.of("-f", "flv", url));
        return cmd;
    }

    private static List<String> ffmpegPlay(Path ffmpeg, String url, int seconds, Path out) {
        return List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "warning", "-y",
                "-i", url, "-t", String.valueOf(seconds), "-map", "0:v?", "-map", "0:a?", "-c", "copy",
                "-f", "flv", out.toString());
    }

    static void assertStreams(List<Peers.Probed> probed, String videoCodec, int minVideo,
                              String audioCodec, int minAudio) {
        // nothing the server sends (status, sample access, metadata) is a stream of its own (docs/INTEROP.md "Media")
        assertThat(probed).as("exactly the published streams: %s", probed).hasSize(2);
        assertThat(probed).as("streams in the player's file").anySatisfy(p -> {
            assertThat(p.type()).isEqualTo("video");
            assertThat(p.codec()).isEqualTo(videoCodec);
            assertThat(p.frames()).isGreaterThanOrEqualTo(minVideo);
        });
        assertThat(probed).anySatisfy(p -> {
            assertThat(p.type()).isEqualTo("audio");
            assertThat(p.codec()).isEqualTo(audioCodec);
            assertThat(p.frames()).isGreaterThanOrEqualTo(minAudio);
        });
    }

    @Test
    void ffmpeg51PublishesH264AacAndALateFfmpegPlayerGetsBoth() throws Exception {
        Path ffmpeg = Peers.require("ffmpeg", "ffmpeg");
        Path ffprobe = Peers.require("ffprobe", "ffmpeg");
        Peers.assumeEncoder(ffmpeg, "libx264", tmp.resolve("encoders.log"));
        server = live.start(HubConfig.defaults(), null);
        Process pub = live.spawn("publisher", ffmpegPublish(ffmpeg, live.url("cam"), 8, "-c:v", "libx264", "-preset",
                "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k"));
        live.awaitStreaming("cam", 1500, pub);

        Path out = tmp.resolve("play.flv");
        int rc = Peers.run(tmp.resolve("player.log"), Duration.ofSeconds(30), ffmpegPlay(ffmpeg, live.url("cam"), 3, out));
        assertThat(rc).as("player exit; log:%n%s", Peers.tail(tmp.resolve("player.log"))).isZero();
        // 3 s at 25 fps = 75 video frames, 48 kHz AAC = 140 frames; GOP cache adds up to 1 s
        assertStreams(Peers.probe(ffprobe, out), "h264", 60, "aac", 100);
    }

    @Test
    void gstreamerRtmp2sinkPublishesAndRtmp2srcPlays() throws Exception {
        Path gst = Peers.gstreamer(tmp.resolve("inspect.log"), "rtmp2sink", "rtmp2src", "openh264enc", "voaacenc", "flvmux");
        Path ffprobe = Peers.require("ffprobe", "ffmpeg");
        server = live.start(HubConfig.defaults(), null);
        Process pub = live.spawn("publisher", Peers.gstTestPublish(gst, "rtmp2sink", live.url("gst")));
        live.awaitStreaming("gst", 1500, pub);

        Path out = tmp.resolve("play.flv");
        // rtmp2src ends (EOS) when the publisher unpublishes: StreamEOF / UnpublishNotify reach it
        int rc = Peers.run(tmp.resolve("player.log"), Duration.ofSeconds(30), List.of(gst.toString(), "-e",
                "rtmp2src", "location=" + live.url("gst"), "!", "filesink", "location=" + out));
        assertThat(rc).as("player exit; log:%n%s", Peers.tail(tmp.resolve("player.log"))).isZero();
        assertThat(Peers.await(pub, Duration.ofSeconds(20))).isZero();
        // joined after 1.5 s of 8: at least 5 s of video (125 frames) and audio (44.1 kHz AAC: 215)
        assertStreams(Peers.probe(ffprobe, out), "h264", 120, "aac", 200);
    }

    private void enhanced(String stream, String videoCodec, String audioCodec, int minAudio, String... codecArgs)
            throws Exception {
        Path ffmpeg = Peers.ffmpeg8("ffmpeg");
        Path ffprobe = Peers.ffmpeg8("ffprobe");
        server = live.start(HubConfig.defaults(), null);
        Process pub = live.spawn("publisher", ffmpegPublish(ffmpeg, live.url(stream), 8, codecArgs));
        live.awaitStreaming(stream, 1500, pub);
        Path out = tmp.resolve("play.flv");
        int rc = Peers.run(tmp.resolve("player.log"), Duration.ofSeconds(30), ffmpegPlay(ffmpeg, live.url(stream), 3, out));
        assertThat(rc).as("player exit; log:%n%s", Peers.tail(tmp.resolve("player.log"))).isZero();
        assertStreams(Peers.probe(ffprobe, out), videoCodec, 60, audioCodec, minAudio);
    }

    @Test
    void ffmpeg8PublishesEnhancedAv1OpusAndALatePlayerGetsBoth() throws Exception {
        enhanced("av1", "av1", "opus", 120, "-c:v", "libsvtav1", "-preset", "12", "-g", "25", "-pix_fmt", "yuv420p",
                "-c:a", "libopus", "-b:a", "64k");
    }

    @Test
    void ffmpeg8PublishesEnhancedVp9FlacAndALatePlayerGetsBoth() throws Exception {
        // FLAC frames hold 4608 samples: 3 s at 48 kHz is 31 frames; Opus frames are 20 ms: 150
        enhanced("vp9", "vp9", "flac", 25, "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-g", "25",
                "-b:v", "300k", "-pix_fmt", "yuv420p", "-c:a", "flac");
    }

    @Test
    void ffmpeg8PublishesFourTracksAndALatePlayerGetsEveryTrackWithItsCodec() throws Exception {
        Path ffmpeg = Peers.ffmpeg8("ffmpeg");
        Path ffprobe = Peers.ffmpeg8("ffprobe");
        server = live.start(HubConfig.defaults(), null);
        // two video tracks (H.264, AV1) and two audio tracks (AAC, Opus): FFmpeg 8 sends track 0 in the
        // ordinary form and the others as Multitrack OneTrack (docs/INTEROP.md "Media")
        Process pub = live.spawn("publisher", List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "warning",
                "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25",
                "-re", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-re", "-f", "lavfi", "-i", "sine=frequency=880:sample_rate=48000", "-t", "8",
                "-map", "0:v", "-map", "1:v", "-map", "2:a", "-map", "3:a",
                "-c:v:0", "libopenh264", "-g", "25", "-c:v:1", "libsvtav1", "-preset", "12",
                "-pix_fmt", "yuv420p", "-c:a:0", "aac", "-c:a:1", "libopus", "-f", "flv", live.url("multi")));
        live.awaitStreaming("multi", 1500, pub);
        Path out = tmp.resolve("play.flv");
        List<String> play = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel",
                "warning", "-y", "-i", live.url("multi"), "-t", "3", "-map", "0", "-c", "copy", "-f", "flv",
                out.toString()));
        int rc = Peers.run(tmp.resolve("player.log"), Duration.ofSeconds(30), play);
        assertThat(rc).as("player exit; log:%n%s", Peers.tail(tmp.resolve("player.log"))).isZero();
        List<Peers.Probed> probed = Peers.probe(ffprobe, out);
        // 3 s: 75 video frames per track (the GOP starts at a keyframe of track 0, and the tracks' keyframes
        // line up with -g 25), 141 AAC and 150 Opus frames
        assertThat(probed.stream().filter(p -> p.frames() >= (p.type().equals("video") ? 60 : 120))
                .map(p -> p.type() + ":" + p.codec()))
                .as("streams with frames: %s", probed)
                .containsExactlyInAnyOrder("video:h264", "video:av1", "audio:aac", "audio:opus");
    }

    @Test
    void aRecordingPassesFlvmetaCheckAndFfprobe() throws Exception {
        Path ffmpeg = Peers.require("ffmpeg", "ffmpeg");
        Path ffprobe = Peers.require("ffprobe", "ffmpeg");
        Path flvmeta = Peers.require("flvmeta", "flvmeta");
        Peers.assumeEncoder(ffmpeg, "libx264", tmp.resolve("encoders.log"));
        Path dir = tmp.resolve("rec");
        server = live.start(HubConfig.defaults(), dir);
        int rc = Peers.run(tmp.resolve("publisher.log"), Duration.ofSeconds(30), ffmpegPublish(ffmpeg, live.url("rec"), 4,
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac"));
        assertThat(rc).as("publisher; log:%n%s", Peers.tail(tmp.resolve("publisher.log"))).isZero();
        assertThat(Peers.waitFor(() -> !server.hub().isPublished(StreamKey.of("live", "rec")), Duration.ofSeconds(10)))
                .isTrue();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("live"))) {
            files = s.toList();
        }
        assertThat(files).hasSize(1);
        Path file = files.get(0);
        assertThat(file.getFileName().toString()).matches("rec-\\d{8}T\\d{6}Z\\.flv");
        Path log = tmp.resolve("flvmeta.log");
        int check = Peers.run(log, Duration.ofSeconds(30), List.of(flvmeta.toString(), "--check", file.toString()));
        assertThat(check).as("flvmeta --check:%n%s", Peers.tail(log)).isZero();
        assertStreams(Peers.probe(ffprobe, file), "h264", 95, "aac", 180); // 4 s: 100 and 187
    }

    @Test
    void namesThatWouldLeaveTheRecordingDirectoryAreRefusedWithBadName() throws Exception {
        Path dir = tmp.resolve("rec");
        server = live.start(HubConfig.defaults(), dir);
        for (String name : List.of("..", "../../escape", "..%2Fescape", "a/../../b")) {
            String url = "rtmp://127.0.0.1:" + server.port() + "/live/" + name;
            try (TestClient c = new TestClient(url, 0, false)) {
                assertThat(c.pumpUntil(() -> c.statuses.stream().anyMatch(s -> s.startsWith("NetStream.Publish."))))
                        .isTrue();
                assertThat(c.statuses).as(name).contains("NetStream.Publish.BadName")
                        .doesNotContain("NetStream.Publish.Start");
            }
        }
        assertThat(server.hub().streams()).isEmpty();
        assertThat(Files.exists(dir)).as("nothing recorded").isFalse();
        assertThat(Files.exists(tmp.resolve("escape"))).isFalse();
    }

    @Test
    void aPlayerThatStopsReadingDoesNotStallAnother() throws Exception {
        Path ffmpeg = Peers.require("ffmpeg", "ffmpeg");
        Path ffprobe = Peers.require("ffprobe", "ffmpeg");
        Peers.assumeEncoder(ffmpeg, "libx264", tmp.resolve("encoders.log"));
        server = live.start(HubConfig.defaults().withPlayerQueueBytes(64 * 1024).withPlayerMaxLag(Duration.ofSeconds(2)), null);
        StreamKey key = StreamKey.of("live", "busy");
        // ~2 Mbit/s so the stalled player's socket and queue fill within a second or two
        Process pub = live.spawn("publisher", ffmpegPublish(ffmpeg, live.url("busy"), 12, "-c:v", "libx264", "-preset",
                "ultrafast", "-g", "25", "-b:v", "2M", "-pix_fmt", "yuv420p", "-c:a", "aac"));
        live.awaitStreaming("busy", 500, pub);
        try (TestClient stalled = new TestClient(live.url("busy"), 8192)) {
            // reads until its first video frame, then never again
            assertThat(stalled.pumpUntil(() -> stalled.media.stream()
                    .anyMatch(m -> m.kind() == io.rtmp4j.session.MediaKind.VIDEO))).isTrue();
            Path out = tmp.resolve("play.flv");
            Process player = live.spawn("player", ffmpegPlay(ffmpeg, live.url("busy"), 6, out));
            // the stalled player is disconnected (too far behind) while the publisher goes on
            assertThat(Peers.waitFor(() -> server.hub().playerCount(key) == 1 && player.isAlive(),
                    Duration.ofSeconds(20))).as("stalled player dropped").isTrue();
            assertThat(Peers.await(player, Duration.ofSeconds(30))).isZero();
            // 6 s at 25 fps: the second player kept receiving in real time
            assertStreams(Peers.probe(ffprobe, out), "h264", 140, "aac", 250);
        }
    }

    @Test
    void garbageAfterTheHandshakeClosesThatConnectionWhileAParallelStreamContinues() throws Exception {
        Path ffmpeg = Peers.require("ffmpeg", "ffmpeg");
        Path ffprobe = Peers.require("ffprobe", "ffmpeg");
        Peers.assumeEncoder(ffmpeg, "libx264", tmp.resolve("encoders.log"));
        server = live.start(HubConfig.defaults(), null);
        Process pub = live.spawn("publisher", ffmpegPublish(ffmpeg, live.url("cam"), 8, "-c:v", "libx264", "-preset",
                "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac"));
        live.awaitStreaming("cam", 500, pub);
        Path out = tmp.resolve("play.flv");
        Process player = live.spawn("player", ffmpegPlay(ffmpeg, live.url("cam"), 4, out));

        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.setSoTimeout(10_000);
            Peers.handshake(s);
            // rtmp-1.0.txt §5.3.1.2.4: a fmt 3 chunk on a chunk stream that never had a header
            byte[] garbage = new byte[4096];
            new SplittableRandom(7).nextBytes(garbage);
            garbage[0] = (byte) 0xC5;
            OutputStream o = s.getOutputStream();
            o.write(garbage);
            o.flush();
            assertThat(Peers.closedByServer(s)).as("server closed the connection").isTrue();
        }
        assertThat(Peers.await(player, Duration.ofSeconds(30))).isZero();
        assertThat(Peers.await(pub, Duration.ofSeconds(30))).isZero();
        assertStreams(Peers.probe(ffprobe, out), "h264", 90, "aac", 160); // 4 s
    }
}
