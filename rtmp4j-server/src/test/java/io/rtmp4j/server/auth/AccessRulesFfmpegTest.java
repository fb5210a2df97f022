package io.rtmp4j.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.server.Peers;
import io.rtmp4j.server.StreamKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stream keys with a real encoder: Debian's ffmpeg 5.1 publishes {@code rtmp://.../live/cam?key=K} (skipped
 * with a message when it is not installed).
 */
@Timeout(120)
class AccessRulesFfmpegTest {

    @TempDir
    Path tmp;

    private static List<String> publish(Path ffmpeg, String url, int seconds) {
        return List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-re", "-f", "lavfi", "-i",
                "testsrc=size=320x240:rate=25", "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset",
                "ultrafast", "-g", "25", "-f", "flv", url);
    }

    @Test
    void ffmpegPublishesWithTheRightKeyAndIsRefusedWithTheServersReasonWithAWrongOne() throws Exception {
        Path ffmpeg = Peers.require("ffmpeg", "ffmpeg");
        AccessRules rules = new AccessRules(Map.of("live", AppRules.OPEN.withPublish(StreamRule.keys(List.of("K")))));
        try (AuthFixture f = new AuthFixture(rules)) {
            Path wrongLog = tmp.resolve("wrong.log");
            int refused = Peers.run(wrongLog, Duration.ofSeconds(30), publish(ffmpeg, f.url("live/cam?key=nope"), 3));
            String wrong = Files.readString(wrongLog, StandardCharsets.UTF_8);
            assertThat(refused).as("ffmpeg with a wrong key: %s", wrong).isNotZero().isNotEqualTo(-1);
            assertThat(wrong).contains("Server error: bad stream key");
            assertThat(f.started).isEmpty();

            Path rightLog = tmp.resolve("right.log");
            Process p = Peers.start(rightLog, publish(ffmpeg, f.url("live/cam?key=K"), 3));
            try {
                assertThat(f.nextStart()).isEqualTo("publish live/cam");
                assertThat(f.server.hub().isPublished(StreamKey.of("live", "cam"))).isTrue();
            } finally {
                int rc = Peers.await(p, Duration.ofSeconds(30));
                assertThat(rc).as("ffmpeg with the right key: %s", Files.readString(rightLog)).isZero();
            }
        }
    }
}
