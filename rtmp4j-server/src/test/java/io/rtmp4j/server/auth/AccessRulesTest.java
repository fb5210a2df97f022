package io.rtmp4j.server.auth;

import static io.rtmp4j.server.auth.AuthFixture.IGNORE;
import static io.rtmp4j.server.auth.AuthFixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.message.StatusCode;
import io.rtmp4j.netty.client.RtmpPlayer;
import io.rtmp4j.netty.client.RtmpPublisher;
import io.rtmp4j.server.StreamKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The built-in rules on a real server, with our client publishing and playing over real sockets. */
@Timeout(60)
class AccessRulesTest {

    private static final Instant NOW = Instant.ofEpochSecond(1767222000);

    @Test
    void streamKeysAllowTheRightKeyAndDenyAWrongOrMissingOne() throws Exception {
        AccessRules rules = new AccessRules(Map.of("live", AppRules.OPEN.withPublish(StreamRule.keys(List.of("k1",
                "k2-longer")))));
        try (AuthFixture f = new AuthFixture(rules)) {
            assertRefused(f.client.publish(f.url("live/cam?key=wrong")), StatusCode.PUBLISH_UNAUTHORIZED,
                    "bad stream key");
            assertRefused(f.client.publish(f.url("live/cam?key=k")), StatusCode.PUBLISH_UNAUTHORIZED,
                    "bad stream key");
            assertRefused(f.client.publish(f.url("live/cam")), StatusCode.PUBLISH_UNAUTHORIZED,
                    "missing stream key");
            assertThat(f.server.hub().isPublished(StreamKey.of("live", "cam"))).isFalse();

            RtmpPublisher pub = f.client.publish(f.url("live/cam?key=k2-longer")).get(10, TimeUnit.SECONDS);
            assertThat(f.nextStart()).isEqualTo("publish live/cam");
            assertThat(f.server.hub().isPublished(StreamKey.of("live", "cam"))).isTrue();
            // play is open in this app, and another app is open (no "*")
            RtmpPlayer player = f.client.play(f.url("live/cam"), IGNORE).get(10, TimeUnit.SECONDS);
            assertThat(f.nextStart()).isEqualTo("play live/cam");
            f.client.publish(f.url("other/cam")).get(10, TimeUnit.SECONDS);
            assertThat(f.nextStart()).isEqualTo("publish other/cam");
            player.closeAsync().get(10, TimeUnit.SECONDS);
            pub.closeAsync().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void signedUrlsAreAllowedWhileValidAndDeniedWhenExpiredOrTampered() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        // "*" is the default: every app needs a signed URL to play, publishing is open
        AccessRules rules = new AccessRules(Map.of("*", AppRules.OPEN.withPlay(StreamRule.signed("s3cret"))),
                clock);
        try (AuthFixture f = new AuthFixture(rules)) {
            String valid = Signer.sign(f.url("tv/news"), "s3cret", Duration.ofMinutes(5), NOW);
            f.client.play(valid, IGNORE).get(10, TimeUnit.SECONDS);
            assertThat(f.nextStart()).isEqualTo("play tv/news");

            String expired = Signer.sign(f.url("tv/news"), "s3cret", Duration.ofMinutes(5),
                    NOW.minus(Duration.ofMinutes(6)));
            assertRefused(f.client.play(expired, IGNORE), StatusCode.PLAY_FAILED, "signed URL expired");
            String otherStream = valid.replace("/tv/news?", "/tv/sports?");
            assertRefused(f.client.play(otherStream, IGNORE), StatusCode.PLAY_FAILED, "wrong signature");
            String later = valid.replaceFirst("expires=\\d+", "expires=" + (NOW.getEpochSecond() + 86400));
            assertRefused(f.client.play(later, IGNORE), StatusCode.PLAY_FAILED, "wrong signature");
            String otherSecret = Signer.sign(f.url("tv/news"), "guess", Duration.ofMinutes(5), NOW);
            assertRefused(f.client.play(otherSecret, IGNORE), StatusCode.PLAY_FAILED, "wrong signature");
            assertRefused(f.client.play(f.url("tv/news"), IGNORE), StatusCode.PLAY_FAILED, "needs a signed URL");
            assertThat(f.started).isEmpty();
        }
    }

    @Test
    void ipListsDenyWinsAndAnAllowListAdmitsOnlyItsRanges() throws Exception {
        AccessRules rules = new AccessRules(Map.of(
                "lan", AppRules.OPEN.withPublishIps(IpRules.of(List.of("127.0.0.0/8"), List.of()))
                        .withPlayIps(IpRules.of(List.of("10.0.0.0/8"), List.of())),
                "blocked", AppRules.OPEN.withPublishIps(IpRules.of(List.of("0.0.0.0/0"), List.of("127.0.0.1/32")))));
        try (AuthFixture f = new AuthFixture(rules)) {
            f.client.publish(f.url("lan/cam")).get(10, TimeUnit.SECONDS);
            assertThat(f.nextStart()).isEqualTo("publish lan/cam");
            assertRefused(f.client.play(f.url("lan/cam"), IGNORE), StatusCode.PLAY_FAILED,
                    "this address may not play here");
            assertRefused(f.client.publish(f.url("blocked/cam")), StatusCode.PUBLISH_UNAUTHORIZED,
                    "this address may not publish here");
            assertThat(f.started).isEmpty();
        }
    }

    @Test
    void theRulesNeverShowKeysOrSecrets() {
        AccessRules rules = new AccessRules(Map.of("live", new AppRules(StreamRule.keys(List.of("topsecretkey")),
                StreamRule.signed("topsecretsecret"), IpRules.ANY, IpRules.ANY)));
        assertThat(rules.toString()).doesNotContain("topsecret").contains("keys(1)", "signed");
        assertThat(rules.rulesFor("live").publish()).isInstanceOf(StreamRule.Keys.class);
        assertThat(rules.rulesFor("nope")).isSameAs(AppRules.OPEN);
    }
}
