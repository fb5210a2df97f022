package io.rtmp4j.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rtmp4j.media.MediaCodec;
import io.rtmp4j.media.MediaPacket;
import io.rtmp4j.media.MediaType;
import io.rtmp4j.message.StatusCode;
import io.rtmp4j.netty.client.RtmpClient;
import io.rtmp4j.netty.client.RtmpClientException;
import io.rtmp4j.netty.client.RtmpPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blocking ingest (issue 11): accept() each publish request of any app and stream, decide it, read
 * each allowed stream on a thread of its own; with our client and ffmpeg 5.1 as publishers.
 */
@Timeout(60)
class IngestServerTest {

    private static final byte[] AVC_HEADER = {0x17, 0, 0, 0, 0, 1, 0x42, 0, 0x1E}; // flv-10.1.txt E.4.3.1
    private static final byte[] KEY = {0x17, 1, 0, 0, 0, 0, 0, 0, 1, 0x65};         // one NAL unit, 1 byte

    @TempDir
    Path tmp;

    @Test
    void manyPublishersOfAnyNameAreAcceptedOneByOneAndEachStreamIsReadOnItsOwnThread() throws Exception {
        try (IngestServer server = IngestServer.listen("rtmp://127.0.0.1:0");
             RtmpClient client = RtmpClient.create()) {
            String base = "rtmp://127.0.0.1:" + server.port();
            CompletableFuture<RtmpPublisher> a = client.publish(base + "/live/a?key=k1");
            IngestServer.Request ra = server.accept();
            assertThat(a).as("no Publish.Start before the decision").isNotDone();
            assertThat(ra.app()).isEqualTo("live");
            assertThat(ra.stream()).isEqualTo("a");
            assertThat(ra.params()).containsEntry("key", "k1");
            assertThat(ra.peer()).startsWith("127.0.0.1:");
            IngestServer.Stream sa = ra.allow();
            assertThatThrownBy(ra::allow).isInstanceOf(IllegalStateException.class);

            CompletableFuture<RtmpPublisher> b = client.publish(base + "/other/b");
            IngestServer.Stream sb = server.accept().allow();
            CompletableFuture<RtmpPublisher> c = client.publish(base + "/live/c?key=wrong");
            server.accept().deny("bad stream key");
            assertThatThrownBy(() -> c.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(RtmpClientException.class)
                    .satisfies(e -> assertThat(((RtmpClientException) e).statusCode())
                            .contains(StatusCode.PUBLISH_UNAUTHORIZED.code()));

            RtmpPublisher pa = a.get(10, TimeUnit.SECONDS);
            RtmpPublisher pb = b.get(10, TimeUnit.SECONDS);
            CompletableFuture<List<MediaPacket>> readA = CompletableFuture.supplyAsync(() -> drain(sa));
            CompletableFuture<List<MediaPacket>> readB = CompletableFuture.supplyAsync(() -> drain(sb));
            for (RtmpPublisher p : List.of(pa, pb)) {
                p.sendVideo(0, AVC_HEADER);
                p.sendVideo(0, KEY);
                p.sendVideo(40, KEY);
            }
            pa.sendVideo(80, KEY);
            pa.closeAsync().get(10, TimeUnit.SECONDS);
            pb.closeAsync().get(10, TimeUnit.SECONDS);
            List<MediaPacket> got = readA.get(10, TimeUnit.SECONDS);
            assertThat(got).extracting(MediaPacket::dtsNanos).containsExactly(0L, 0L, 40_000_000L, 80_000_000L);
            assertThat(got).allMatch(p -> p.codec() == MediaCodec.H264 && p.type() == MediaType.VIDEO);
            assertThat(readB.get(10, TimeUnit.SECONDS)).hasSize(3);
            assertThat(sa.endReason()).contains("unpublished");
        }
    }

    private static List<MediaPacket> drain(IngestServer.Stream s) {
        List<MediaPacket> out = new ArrayList<>();
        try {
            for (MediaPacket p; (p = s.take()) != null; ) {
                out.add(p);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    @Test
    void aRequestNoOneDecidesIsDeniedAfterTheTimeoutAndAcceptEndsOnClose() throws Exception {
        IngestServer server = IngestServer.listen(io.rtmp4j.netty.RtmpServer.Settings.defaults().withHost("127.0.0.1")
                .withPort(0), Duration.ofMillis(300));
        try (RtmpClient client = RtmpClient.create()) {
            CompletableFuture<RtmpPublisher> p = client.publish("rtmp://127.0.0.1:" + server.port() + "/live/x");
            assertThatThrownBy(() -> p.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(RtmpClientException.class)
                    .hasMessageContaining("no decision within 300 ms");
            IngestServer.Request late = server.accept(Duration.ofSeconds(5)).orElseThrow();
            assertThatThrownBy(late::allow).as("already denied by the timeout").isInstanceOf(IllegalStateException.class);
        }
        server.close();
        assertThat(server.accept()).isNull();
        assertThat(server.accept(Duration.ofMillis(10))).isEmpty();
    }

    @Test
    void ffmpegPublishesWithAKeyAndItsPacketsAreReadUntilItEnds() throws Exception {
        Path ffmpeg = Path.of("/usr/bin/ffmpeg");
        assumeTrue(Files.isExecutable(ffmpeg), "ffmpeg is not installed (Debian package ffmpeg, see .ci/run); skipping");
        try (IngestServer server = IngestServer.listen("rtmp://127.0.0.1:0")) {
            Process pub = new ProcessBuilder(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "warning",
                    "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-t", "2", "-c:v", "libx264", "-preset",
                    "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-f", "flv",
                    "rtmp://127.0.0.1:" + server.port() + "/ingest/cam?key=s3cret")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("ffmpeg.log").toFile()).start();
            try {
                IngestServer.Request r = server.accept(Duration.ofSeconds(20)).orElseThrow();
                assertThat(r.app() + "/" + r.stream() + " " + r.params()).isEqualTo("ingest/cam {key=s3cret}");
                List<MediaPacket> packets = drain(r.allow());
                assertThat(pub.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(pub.exitValue()).as(Files.readString(tmp.resolve("ffmpeg.log"))).isZero();
                assertThat(packets.stream().filter(p -> p.kind() == MediaPacket.Kind.CODED_FRAME)).hasSize(50);
            } finally {
                pub.destroyForcibly();
            }
        }
    }
}
