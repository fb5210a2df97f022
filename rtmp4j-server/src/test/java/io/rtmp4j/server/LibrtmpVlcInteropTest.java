package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Players and publishers built on librtmp (rtmpdump; GStreamer's {@code rtmpsrc} / {@code rtmpsink})
 * and VLC against the live server, as docs/INTEROP.md lists them. librtmp matters because it differs
 * from FFmpeg on the wire: it sends its control messages (SetBufferLength before {@code play}, ping
 * responses, acknowledgements) as a fmt 1 first header on chunk stream 2 (the chunk decoder accepts
 * that; a refusal would close the player before its first frame), it can use the digest handshake and
 * check our S1/S2, and it omits the extended timestamp on fmt 3 continuations. Each test asserts, with
 * ffprobe on what the player wrote, the codecs and a minimum number of frames; each skips when its
 * program is missing; every process is bounded by a timeout.
 */
class LibrtmpVlcInteropTest {

    /** Any 32-byte SHA-256 and a size make librtmp use its digest (FP9) handshake and verify S1/S2. */
    private static final String SWF_HASH = "0000000000000000000000000000000000000000000000000000000000000001";

    @TempDir
    Path tmp;

    private LiveServerFixture live;
    private Path shared;

    @BeforeEach
    void fixture() {
        live = new LiveServerFixture(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        live.close();
        if (shared != null) {
            try (Stream<Path> s = Files.walk(shared)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private Process ffmpegPublisher(String stream, int seconds) throws Exception {
        Path ffmpeg = Peers.require("ffmpeg", "ffmpeg");
        Peers.assumeEncoder(ffmpeg, "libx264", tmp.resolve("encoders.log"));
        return live.spawn("publisher", List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "warning",
                "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", String.valueOf(seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "64k", "-f", "flv", live.url(stream)));
    }

    private static void assertStreams(List<Peers.Probed> probed, int minVideo, int minAudio) {
        // nothing the server sends (status, sample access, metadata) is a stream of its own (docs/INTEROP.md "Media")
        assertThat(probed).as("exactly the published streams: %s", probed).hasSize(2);
        assertThat(probed).as("h264 stream in the player's file").anySatisfy(p -> {
            assertThat(p.type()).isEqualTo("video");
            assertThat(p.codec()).isEqualTo("h264");
            assertThat(p.frames()).isGreaterThanOrEqualTo(minVideo);
        });
        assertThat(probed).as("aac stream in the player's file").anySatisfy(p -> {
            assertThat(p.type()).isEqualTo("audio");
            assertThat(p.codec()).isEqualTo("aac");
            assertThat(p.frames()).isGreaterThanOrEqualTo(minAudio);
        });
    }

    @Test
    void rtmpdumpPlaysALateJoinWithThePlainAndTheDigestHandshake() throws Exception {
        Path rtmpdump = Peers.require("rtmpdump", "rtmpdump");
        Path ffprobe = Peers.require("ffprobe", "ffmpeg");
        live.start(HubConfig.defaults(), null);
        Process pub = ffmpegPublisher("cam", 6);
        live.awaitStreaming("cam", 1500, pub);
        // two librtmp players at once: plain C1, and digest C1 (librtmp then refuses a server whose S1/S2
        // digests are wrong: "Server not genuine Adobe!"). --live: both end at the publisher's
        // StreamEOF / UnpublishNotify.
        Path plain = tmp.resolve("plain.flv");
        Path digest = tmp.resolve("digest.flv");
        Process p1 = live.spawn("plain", List.of(rtmpdump.toString(), "--live", "-r", live.url("cam"), "-o", plain.toString()));
        Process p2 = live.spawn("digest", List.of(rtmpdump.toString(), "--live", "-r", live.url("cam"), "-o", digest.toString(),
                "--swfhash", SWF_HASH, "--swfsize", "1000"));
        assertThat(Peers.await(p1, Duration.ofSeconds(30))).as("rtmpdump (plain) exit; log:%n%s",
                Peers.tail(tmp.resolve("plain.log"))).isZero();
        assertThat(Peers.await(p2, Duration.ofSeconds(30))).as("rtmpdump (digest) exit; log:%n%s",
                Peers.tail(tmp.resolve("digest.log"))).isZero();
        assertThat(Peers.await(pub, Duration.ofSeconds(20))).isZero();
        // joined after 1.5 s of 6: at least 4.5 s (25 fps: 112 frames; 48 kHz AAC: 210) plus the GOP cache
        assertStreams(Peers.probe(ffprobe, plain), 100, 190);
        assertStreams(Peers.probe(ffprobe, digest), 100, 190);
    }

    @Test
    void gstreamerLibrtmpRtmpsinkPublishesAndRtmpsrcPlays() throws Exception {
        Path gst = Peers.gstreamer(tmp.resolve("inspect.log"), "rtmpsink", "rtmpsrc", "openh264enc", "voaacenc", "flvmux");
        Path ffprobe = Peers.require("ffprobe", "ffmpeg");
        live.start(HubConfig.defaults(), null);
        Process pub = live.spawn("publisher", Peers.gstTestPublish(gst, "rtmpsink", live.url("lib")));
        live.awaitStreaming("lib", 1500, pub);
        Path out = tmp.resolve("play.flv");
        // librtmp reconnects when a live stream ends instead of ending, and rtmpsrc crashes (SIGSEGV,
        // GStreamer 1.22) when interrupted while playing: it reads a bounded number of 4 KiB blocks
        // (this stream is about 90 kB/s, so 60 blocks are under 3 s of it) and ends with an EOS
        Process player = live.spawn("player", List.of(gst.toString(), "-e",
                "rtmpsrc", "location=" + live.url("lib") + " live=1", "blocksize=4096", "num-buffers=60", "!",
                "filesink", "location=" + out));
        assertThat(Peers.await(player, Duration.ofSeconds(20))).as("rtmpsrc exit; log:%n%s",
                Peers.tail(tmp.resolve("player.log"))).isZero();
        assertThat(pub.isAlive()).as("the publisher outlived the player (it did not end the stream early)").isTrue();
        assertThat(Peers.await(pub, Duration.ofSeconds(30))).as("rtmpsink exit; log:%n%s",
                Peers.tail(tmp.resolve("publisher.log"))).isZero();
        // at least 2 s of video (25 fps: 50, plus the GOP cache) and audio (44.1 kHz AAC: 86)
        assertStreams(Peers.probe(ffprobe, out), 45, 75);
    }

    /**
     * VLC 3 ({@code cvlc}; its rtmp:// access is the libavformat module {@code avio}) plays a late join
     * and remuxes it to FLV. VLC refuses to run as root, so as root it runs as user {@code nobody}
     * (uid 65534, through util-linux {@code setpriv}) writing into a world-writable folder.
     */
    @Test
    void vlcPlaysALateJoinAndRemuxesIt() throws Exception {
        Path cvlc = Peers.require("cvlc", "vlc-bin and vlc-plugin-base");
        Path ffprobe = Peers.require("ffprobe", "ffmpeg");
        List<String> prefix = new ArrayList<>();
        shared = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "rtmp4j-vlc",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx")); // despite the umask
        if ("root".equals(System.getProperty("user.name"))) {
            Path setpriv = Peers.require("setpriv", "util-linux");
            prefix.addAll(List.of(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups",
                    "env", "HOME=" + shared));
        }
        live.start(HubConfig.defaults(), null);
        Process pub = ffmpegPublisher("vlc", 6);
        live.awaitStreaming("vlc", 1500, pub);
        Path out = shared.resolve("vlc.flv");
        List<String> cmd = new ArrayList<>(prefix);
        // plays until the publisher ends the stream, then vlc://quit
        cmd.addAll(List.of(cvlc.toString(), "-I", "dummy", "--no-video-title-show", live.url("vlc"),
                "--sout", "#std{access=file,mux=flv,dst=" + out + "}", "vlc://quit"));
        Process vlc = live.spawn("vlc", cmd);
        assertThat(Peers.await(pub, Duration.ofSeconds(20))).isZero();
        assertThat(Peers.await(vlc, Duration.ofSeconds(20))).as("cvlc exit; log:%n%s",
                Peers.tail(tmp.resolve("vlc.log"))).isZero();
        // VLC joins after its own start-up (about 1 s here, more on a loaded machine) and the connect
        // round trips, each of which may wait for a busy server loop's turn (RtmpServer.Settings#ioPeriod):
        // at least 3 s of the 6 (25 fps: 75 frames; 48 kHz AAC: 140), the GOP cache adding up to 1 s
        assertStreams(Peers.probe(ffprobe, out), 75, 140);
    }
}
