package io.rtmp4j.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signed URLs: HMAC-SHA256 (RFC 2104) over {@code /app/stream?expires=UNIX}. */
class SignerTest {

    private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.ofEpochSecond(1767222000);

    @Test
    void theSignatureIsTheHmacOfThePathAndExpiry() {
        // printf '/live/cam?expires=1767225600' | openssl dgst -sha256 -hmac s3cret
        assertThat(Signer.signature("/live/cam", 1767225600L, "s3cret"))
                .isEqualTo("36a7baab29dd130920a43ae7c2af5fe6e199f90d6f677e9a7799f7464e16be77");
    }

    @Test
    void signAppendsExpiresAndSignKeepsOtherParametersAndReplacesOldOnes() {
        assertThat(Signer.sign("rtmp://example.com/live/cam", "s3cret", Duration.ofHours(1), NOW))
                .isEqualTo("rtmp://example.com/live/cam?expires=1767225600"
                        + "&sign=36a7baab29dd130920a43ae7c2af5fe6e199f90d6f677e9a7799f7464e16be77");
        assertThat(Signer.sign("rtmp://example.com:1935/live/cam?key=k&expires=1&sign=00", "s3cret",
                Duration.ofHours(1), NOW)).isEqualTo("rtmp://example.com:1935/live/cam?key=k&expires=1767225600"
                + "&sign=36a7baab29dd130920a43ae7c2af5fe6e199f90d6f677e9a7799f7464e16be77");
    }

    @Test
    void signRejectsWhatCannotBeSigned() {
        assertThatThrownBy(() -> Signer.sign("rtmp://example.com/live", "s", Duration.ofHours(1), NOW))
                .hasMessageContaining("expected scheme://host/app/stream");
        assertThatThrownBy(() -> Signer.sign("live/cam", "s", Duration.ofHours(1), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signer.sign("rtmp://h/live/cam", "s", Duration.ZERO, NOW))
                .hasMessageContaining("at least one second");
        assertThatThrownBy(() -> Signer.sign("rtmp://h/live/cam", "", Duration.ofHours(1), NOW))
                .hasMessageContaining("secret");
    }

    @Test
    void checkAcceptsAValidUrlUntilItsExpiryAndRejectsExpiredTamperedAndMalformedOnes() {
        String sign = Signer.signature("/live/cam", 1767225600L, "s3cret");
        Map<String, String> ok = Map.of("expires", "1767225600", "sign", sign);
        assertThat(Signer.check(SECRET, "/live/cam", ok, NOW)).isEmpty();
        assertThat(Signer.check(SECRET, "/live/cam", ok, Instant.ofEpochSecond(1767225600))).isEmpty();
        assertThat(Signer.check(SECRET, "/live/cam", ok, Instant.ofEpochSecond(1767225601)))
                .contains("signed URL expired");
        assertThat(Signer.check(SECRET, "/live/other", ok, NOW)).contains("bad signed URL: wrong signature");
        assertThat(Signer.check(SECRET, "/live/cam", Map.of("expires", "1767229200", "sign", sign), NOW))
                .as("a later expiry with the old signature").contains("bad signed URL: wrong signature");
        assertThat(Signer.check("other".getBytes(StandardCharsets.UTF_8), "/live/cam", ok, NOW))
                .contains("bad signed URL: wrong signature");
        assertThat(Signer.check(SECRET, "/live/cam", Map.of("expires", "1767225600", "sign", "zz"), NOW))
                .contains("bad signed URL: sign is not hex");
        assertThat(Signer.check(SECRET, "/live/cam", Map.of("expires", "-5", "sign", sign), NOW))
                .contains("bad signed URL: expires is not a Unix time");
        assertThat(Signer.check(SECRET, "/live/cam", Map.of("sign", sign), NOW))
                .hasValueSatisfying(m -> assertThat(m).contains("needs a signed URL"));
    }
}
