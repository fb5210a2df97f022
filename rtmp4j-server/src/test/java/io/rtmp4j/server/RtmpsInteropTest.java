package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.netty.RtmpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RTMPS: RTMP inside TLS on a port of its own, with a certificate and key in PEM files (made here with
 * openssl, as an operator would, or as Let's Encrypt's fullchain.pem / privkey.pem). ffmpeg 5.1 (its
 * TLS is GnuTLS in Debian's build) publishes and plays over rtmps://, next to a plain rtmp:// player.
 */
class RtmpsInteropTest {

    @TempDir
    Path tmp;

    private LiveServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close(Duration.ofSeconds(2));
        }
    }

    private Path[] certificate() throws Exception {
        return Peers.selfSignedCertificate(tmp);
    }

    @Test
    void ffmpegPublishesAndPlaysOverRtmpsAndAPlainPlayerGetsTheSameStream() throws Exception {
        Path ffmpeg = Peers.require("ffmpeg", "ffmpeg");
        Path ffprobe = Peers.require("ffprobe", "ffmpeg");
        Peers.assumeEncoder(ffmpeg, "libx264", tmp.resolve("encoders.log"));
        Path[] pem = certificate();
        server = LiveServer.builder().bind("127.0.0.1").port(0).tls(RtmpServer.Tls.fromPem(0, pem[0], pem[1])).start();
        assertThat(server.tlsPort()).isNotEqualTo(server.port());
        String rtmps = "rtmps://127.0.0.1:" + server.tlsPort() + "/live/secure";
        String rtmp = "rtmp://127.0.0.1:" + server.port() + "/live/secure";

        Process pub = Peers.start(tmp.resolve("publisher.log"), List.of(ffmpeg.toString(), "-nostdin", "-hide_banner",
                "-loglevel", "warning", "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000", "-t", "20", "-c:v", "libx264", "-preset", "ultrafast", "-g",
                "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "flv", rtmps));
        try {
            StreamKey key = StreamKey.of("live", "secure");
            assertThat(Peers.waitFor(() -> server.hub().isPublished(key), Duration.ofSeconds(20)))
                    .as("published over rtmps:%n%s", Peers.tail(tmp.resolve("publisher.log"))).isTrue();
            for (String url : List.of(rtmps, rtmp)) {
                String name = url.startsWith("rtmps") ? "tls-player" : "plain-player";
                Path out = tmp.resolve(name + ".flv");
                int rc = Peers.run(tmp.resolve(name + ".log"), Duration.ofSeconds(30), List.of(ffmpeg.toString(),
                        "-nostdin", "-y", "-i", url, "-map", "0", "-c", "copy", "-t", "2", out.toString()));
                assertThat(rc).as("%s: %s", name, Peers.tail(tmp.resolve(name + ".log"))).isZero();
                assertThat(Peers.probe(ffprobe, out)).extracting(p -> p.type() + ":" + p.codec())
                        .containsExactlyInAnyOrder("video:h264", "audio:aac");
            }
        } finally {
            pub.destroy();
            Peers.await(pub, Duration.ofSeconds(10));
        }
    }

    @Test
    void missingOrUnusableCertificateFilesAreRefusedNamingTheFile() throws Exception {
        Path[] pem = certificate();
        assertThatThrownBy(() -> RtmpServer.Tls.fromPem(0, tmp.resolve("nope.pem"), pem[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.pem");
        Path garbage = tmp.resolve("garbage.pem");
        Files.writeString(garbage, "not a certificate\n");
        assertThatThrownBy(() -> RtmpServer.Tls.fromPem(0, garbage, pem[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("garbage.pem");
    }
}
