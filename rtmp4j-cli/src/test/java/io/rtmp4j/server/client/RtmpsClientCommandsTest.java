package io.rtmp4j.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.netty.RtmpServer;
import io.rtmp4j.server.LiveServer;
import io.rtmp4j.server.Peers;
import io.rtmp4j.server.StreamKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./rtmp4j publish rtmps://} and {@code ./rtmp4j play rtmps://} against rtmp4j's own RTMPS
 * listener with a self-signed certificate: refused without {@code --insecure} (the JDK's trust store
 * does not know it), every frame through with it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RtmpsClientCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void publishAndPlayOverRtmpsWithASelfSignedCertificateNeedInsecure() throws Exception {
        Path[] pem = Peers.selfSignedCertificate(tmp);
        try (LiveServer server = LiveServer.builder().bind("127.0.0.1").port(0)
                .tls(RtmpServer.Tls.fromPem(0, pem[0], pem[1])).start()) {
            String url = "rtmps://127.0.0.1:" + server.tlsPort() + "/live/tls";
            Path in = FlvTestFiles.numbered(tmp.resolve("in.flv"), 50, 300);

            ClientCommandsTest.Run refused = ClientCommandsTest.run("publish", in.toString(), url, "--timeout", "5");
            assertThat(refused.status()).as(refused.err()).isNotZero();
            assertThat(refused.err()).containsIgnoringCase("certificat");

            Path out = tmp.resolve("out.flv");
            CompletableFuture<ClientCommandsTest.Run> playing = CompletableFuture.supplyAsync(() ->
                    ClientCommandsTest.run("play", url, "-o", out.toString(), "--insecure", "--duration", "30"));
            assertThat(Peers.waitFor(() -> server.hub().playerCount(StreamKey.of("live", "tls")) == 1,
                    Duration.ofSeconds(20))).isTrue();
            ClientCommandsTest.Run published = ClientCommandsTest.run("publish", in.toString(), url, "--insecure");
            assertThat(published.status()).as(published.err()).isZero();
            ClientCommandsTest.Run played = playing.get(30, TimeUnit.SECONDS);
            assertThat(played.status()).as(played.err()).isZero();
            // the 50 numbered video frames, after the sequence header, byte for byte in order
            assertThat(FlvTestFiles.tags(out).stream().filter(t -> t.isVideo() && t.body().length == 300)
                    .map(t -> (int) t.body()[6])).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 50).boxed().toList());
        }
    }
}
