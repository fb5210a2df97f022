package io.rtmp4j.cli;

import io.rtmp4j.server.auth.Signer;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rtmp4j sign URL --secret S --ttl 1h}: a signed URL for an app whose rule is {@code signed: S}. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Print URL with ?expires=UNIX&sign=HEX added: HMAC-SHA256 with the secret over the path "
                + "and the expiry, which a server whose app has 'signed: SECRET' (publish or play) accepts until "
                + "then.", "Example: rtmp4j sign rtmp://example.com/live/cam --secret s3cret --ttl 1h"})
public final class SignCommand implements Callable<Integer> {

    private static final Pattern TTL = Pattern.compile("(\\d+)([smhd]?)");

    @Parameters(paramLabel = "URL", description = "rtmp://HOST[:PORT]/APP/STREAM (or rtmps://)")
    String url;

    @Option(names = "--secret", required = true, paramLabel = "SECRET", description = "The app's signing secret.")
    String secret;

    @Option(names = "--ttl", paramLabel = "TIME", defaultValue = "1h",
            description = "How long the URL is valid: seconds, or a number with s, m, h or d (default: ${DEFAULT-VALUE}).")
    String ttl;

    @Override
    public Integer call() {
        Matcher m = TTL.matcher(ttl.trim());
        if (!m.matches()) {
            System.err.println("sign: --ttl: expected seconds or a number with s, m, h or d, got \"" + ttl + "\"");
            return 2;
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
        try {
            System.out.println(Signer.sign(url, secret, d));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("sign: " + e.getMessage());
            return 2;
        }
    }
}
