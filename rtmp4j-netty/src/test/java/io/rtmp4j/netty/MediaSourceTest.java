package io.rtmp4j.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rtmp4j.media.MediaCodec;
import io.rtmp4j.media.MediaPacket;
import io.rtmp4j.media.MediaType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.rtmp4j.netty.client.RtmpClient;
import io.rtmp4j.netty.client.RtmpPublisher;
import io.rtmp4j.session.RtmpUrl;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The one-shot ingest against ffmpeg 5.1 (Debian) as the publisher. */
class MediaSourceTest {

    @TempDir
    Path tmp;

    private static Path ffmpeg() {
        Path p = Path.of("/usr/bin/ffmpeg");
        assumeTrue(Files.isExecutable(p), "ffmpeg is not installed (Debian package ffmpeg, see .ci/run); skipping");
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private Process publish(Path ffmpeg, String url, String log) throws IOException {
        return new ProcessBuilder(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "warning",
                "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-f", "lavfi", "-i", "sine=sample_rate=44100",
                "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-f", "flv", url)
                .redirectErrorStream(true).redirectOutput(tmp.resolve(log).toFile()).start();
    }

    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return -1;
        }
        return p.exitValue();
    }

    @Test
    void yieldsThePublishersPacketsOnTheNanosecondTimelineAndRefusesOtherNames() throws Exception {
        Path ffmpeg = ffmpeg();
        String url = "rtmp://127.0.0.1:" + freePort() + "/live/cam";
        try (MediaSource source = MediaSource.listen(url)) {
            // a publisher of another name is refused (NetStream.Publish.BadName): ffmpeg fails
            Process wrong = publish(ffmpeg, url.replace("/cam", "/other"), "wrong.log");
            assertThat(finish(wrong)).isNotZero();

            Process pub = publish(ffmpeg, url, "pub.log");
            List<MediaPacket> packets = new ArrayList<>();
            for (MediaPacket p; (p = source.take()) != null; ) {
                packets.add(p);
            }
            assertThat(finish(pub)).as(Files.readString(tmp.resolve("pub.log"))).isZero();
            assertThat(source.endReason()).isPresent();
            assertThat(source.metadata()).isPresent();

            List<MediaPacket> video = packets.stream().filter(p -> p.type() == MediaType.VIDEO).toList();
            List<MediaPacket> audio = packets.stream().filter(p -> p.type() == MediaType.AUDIO).toList();
            assertThat(video.get(0).isSequenceHeader()).isTrue();
            assertThat(video.get(1).keyframe()).isTrue();
            assertThat(video).allMatch(p -> p.codec() == MediaCodec.H264);
            assertThat(audio.get(0).isSequenceHeader()).isTrue();
            assertThat(audio).allMatch(p -> p.codec() == MediaCodec.AAC);
            // 2 s at 25 fps; 2 s of 1024-sample AAC frames at 44.1 kHz (ffmpeg also ends AVC with a sequence end)
            assertThat(video.stream().filter(p -> p.kind() == MediaPacket.Kind.CODED_FRAME)).hasSize(50);
            assertThat(audio.stream().filter(p -> p.kind() == MediaPacket.Kind.CODED_FRAME).count()).isBetween(80L, 90L);
            assertThat(video.stream().mapToLong(MediaPacket::dtsNanos).toArray()).isSorted();
            assertThat(video.get(video.size() - 1).dtsNanos()).isBetween(1_900_000_000L, 2_000_000_000L);
        }
    }

    /** Issue 11: port 0 in the URL picks a free port (as the Javadoc says); {@link MediaSource#port()} names it. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void portZeroListensOnAFreePortAndReportsIt() throws Exception {
        try (MediaSource source = MediaSource.listen("rtmp://127.0.0.1:0/live/cam");
             RtmpClient client = RtmpClient.create()) {
            assertThat(source.port()).isBetween(1, 65535);
            RtmpPublisher p = client.publish("rtmp://127.0.0.1:" + source.port() + "/live/cam").get(10, TimeUnit.SECONDS);
            p.sendAudio(0, new byte[] {(byte) 0xAF, 0, 0x12, 0x10}); // AAC sequence header (AAC-LC 44.1 kHz stereo)
            p.sendAudio(23, new byte[] {(byte) 0xAF, 1, 0x21, 0x10, 0x04});
            Optional<MediaPacket> first = source.poll(Duration.ofSeconds(10));
            assertThat(first).isPresent();
            assertThat(first.get().isSequenceHeader()).isTrue();
            assertThat(first.get().codec()).isEqualTo(MediaCodec.AAC);
            p.closeAsync().get(10, TimeUnit.SECONDS);
        }
    }

    /** A client has to name the server's port: port 0 is an error that says so, before any connection. */
    @Test
    void aClientUrlWithPortZeroIsAClearError() {
        try (RtmpClient client = RtmpClient.create()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.connect("rtmp://127.0.0.1:0/live/cam"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port 0");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> client.connect(RtmpUrl.parseListening("rtmp://127.0.0.1:0/live/cam")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port 0");
        }
    }
}
