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
import org.junit.jupiter.api.Test;
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
}
