package io.rtmp4j.server.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed stream URLs: {@code rtmp://host/live/cam?expires=UNIX&sign=HEX}, where {@code expires} is the last
 * second (Unix time) the URL is good for and {@code sign} the lowercase hex HMAC-SHA256 (RFC 2104, FIPS
 * 180-4) with a shared secret over the UTF-8 text {@code /app/stream?expires=UNIX}, e.g.
 * {@code /live/cam?expires=1767225600}. Other query parameters are kept but not signed.
 *
 * <pre>{@code
 * String url = Signer.sign("rtmp://example.com/live/cam", "s3cret", Duration.ofHours(1));
 * // rtmp://example.com/live/cam?expires=1767229200&sign=5f0c...
 * }</pre>
 *
 * <p>{@link AccessRules} checks such URLs for a {@link StreamRule.Signed} rule: the server signs
 * {@code "/" + app + "/" + stream}, which is the URL's path as ffmpeg and OBS split it into app and
 * stream name.
 */
public final class Signer {

    /** The query parameter with the expiry, in seconds since 1970-01-01T00:00Z. */
    public static final String EXPIRES = "expires";
    /** The query parameter with the signature, 64 lowercase hex digits. */
    public static final String SIGN = "sign";

    private static final HexFormat HEX = HexFormat.of();

    private Signer() {
    }

    /**
     * Signs {@code url} for {@code ttl} from now (the system clock).
     *
     * @param url    an RTMP URL with an app and a stream name, e.g. {@code rtmp://host/live/cam?key=k}
     * @param secret the shared secret
     * @param ttl    how long the URL stays good, at least a second
     * @return the URL with {@code expires} and {@code sign} appended to its query (replacing any there)
     * @throws IllegalArgumentException if {@code url} is not a URL with a path of at least two segments,
     *                                  the secret is empty or {@code ttl} is below a second
     */
    public static String sign(String url, String secret, Duration ttl) {
        return sign(url, secret, ttl, Instant.now());
    }

    /**
     * Signs {@code url} for {@code ttl} from {@code now}.
     *
     * @param url    an RTMP URL with an app and a stream name, e.g. {@code rtmp://host/live/cam?key=k}
     * @param secret the shared secret
     * @param ttl    how long the URL stays good, at least a second
     * @param now    the time the URL is made
     * @return the URL with {@code expires} and {@code sign} appended to its query (replacing any there)
     * @throws IllegalArgumentException if {@code url} is not a URL with a path of at least two segments,
     *                                  the secret is empty or {@code ttl} is below a second
     */
    public static String sign(String url, String secret, Duration ttl, Instant now) {
        Objects.requireNonNull(url, "url");
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the TTL must be at least one second, not " + ttl);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url + " (" + e.getReason() + ")", e);
        }
        String path = uri.getRawPath();
        if (uri.getScheme() == null || path == null || !path.matches("/[^/]+(/[^/]*)*/[^/]+")) {
            throw new IllegalArgumentException("not a stream URL: " + url
                    + " (expected scheme://host/app/stream, e.g. rtmp://example.com/live/cam)");
        }
        long expires = now.plus(ttl).getEpochSecond();
        List<String> query = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !name.equals(EXPIRES) && !name.equals(SIGN)) {
                    query.add(pair);
                }
            }
        }
        query.add(EXPIRES + "=" + expires);
        query.add(SIGN + "=" + signature(path, expires, secret));
        int q = url.indexOf('?');
        int hash = url.indexOf('#');
        String base = q >= 0 ? url.substring(0, q) : hash >= 0 ? url.substring(0, hash) : url;
        return base + "?" + String.join("&", query);
    }

    /**
     * The signature of a path and an expiry: lowercase hex HMAC-SHA256 over {@code path + "?expires=" +
     * expires}.
     *
     * @param path    {@code /app/stream}
     * @param expires the expiry in Unix seconds
     * @param secret  the shared secret, as UTF-8; not empty
     * @return 64 lowercase hex digits
     * @throws IllegalArgumentException if the secret is empty
     */
    public static String signature(String path, long expires, String secret) {
        return HEX.formatHex(mac(secret.getBytes(StandardCharsets.UTF_8), path, expires));
    }

    /**
     * Why {@code params} do not sign {@code path} at {@code now}, or empty if they do.
     *
     * @return the deny reason sent to the client
     */
    static Optional<String> check(byte[] secret, String path, Map<String, String> params, Instant now) {
        String expires = params.get(EXPIRES);
        String sign = params.get(SIGN);
        if (expires == null || sign == null) {
            return Optional.of("this stream needs a signed URL (" + EXPIRES + " and " + SIGN + ")");
        }
        if (expires.isEmpty() || expires.length() > 18 || !expires.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("bad signed URL: " + EXPIRES + " is not a Unix time");
        }
        byte[] given;
        try {
            given = HEX.parseHex(sign);
        } catch (IllegalArgumentException e) {
            return Optional.of("bad signed URL: " + SIGN + " is not hex");
        }
        long exp = Long.parseLong(expires);
        // the signature first, so that a tampered URL is told so whatever its expiry
        if (!MessageDigest.isEqual(mac(secret, path, exp), given)) {
            return Optional.of("bad signed URL: wrong signature");
        }
        if (now.getEpochSecond() > exp) {
            return Optional.of("signed URL expired");
        }
        return Optional.empty();
    }

    private static byte[] mac(byte[] secret, String path, long expires) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the secret must not be empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal((path + "?" + EXPIRES + "=" + expires).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
