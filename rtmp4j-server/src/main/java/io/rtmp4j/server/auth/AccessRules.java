package io.rtmp4j.server.auth;

import io.rtmp4j.server.AccessControl;
import io.rtmp4j.server.Decision;
import io.rtmp4j.server.StreamRequestInfo;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The built-in access rules of a {@link io.rtmp4j.server.LiveServer}, decided at once without any external
 * service: per application ({@link AppRules}), who may publish and who may play, by client address
 * ({@link IpRules}) and by what the URL carries ({@link StreamRule}: open, stream keys, signed URLs).
 * Connects are always allowed.
 *
 * <p>The application {@value #DEFAULT_APP} holds the rules of every application not named; without it, an
 * application not named is open. A request is checked for its address first, then for its key or
 * signature. A denied publish gets {@code NetStream.Publish.Unauthorized}, a denied play
 * {@code NetStream.Play.Failed}, each with the reason as its description.
 *
 * <pre>{@code
 * AccessRules rules = new AccessRules(Map.of(
 *         "live", AppRules.OPEN.withPublish(StreamRule.keys(List.of("k1", "k2")))
 *                 .withPublishIps(IpRules.of(List.of("10.0.0.0/8"), List.of())),
 *         "*", AppRules.OPEN.withPublish(StreamRule.signed("s3cret"))));
 * LiveServer.builder().access(rules).start();
 * }</pre>
 *
 * <p>Immutable and thread-safe; checks only compute (an HMAC at most), so they run on the event loop.
 */
public final class AccessRules implements AccessControl {

    /** The name of the application whose rules apply to every application not named. */
    public static final String DEFAULT_APP = "*";

    private final Map<String, AppRules> apps;
    private final Clock clock;

    /**
     * Rules per application, with the system clock for URL expiry.
     *
     * @param apps the rules by application name; {@value #DEFAULT_APP} for every other application
     */
    public AccessRules(Map<String, AppRules> apps) {
        this(apps, Clock.systemUTC());
    }

    /**
     * Rules per application.
     *
     * @param apps  the rules by application name; {@value #DEFAULT_APP} for every other application
     * @param clock the clock that signed URLs expire by
     */
    public AccessRules(Map<String, AppRules> apps, Clock clock) {
        this.apps = Map.copyOf(apps);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The rules by application name, as given.
     *
     * @return an unmodifiable map
     */
    public Map<String, AppRules> apps() {
        return apps;
    }

    /**
     * The rules that apply to {@code app}: its own, else those of {@value #DEFAULT_APP}, else
     * {@link AppRules#OPEN}.
     *
     * @param app an application name
     * @return its rules
     */
    public AppRules rulesFor(String app) {
        AppRules r = apps.get(app);
        if (r == null) {
            r = apps.getOrDefault(DEFAULT_APP, AppRules.OPEN);
        }
        return r;
    }

    /**
     * Why a publish is refused, if it is.
     *
     * @param request the publish
     * @return the reason sent to the publisher, or empty if it is allowed
     */
    public Optional<String> checkPublish(StreamRequestInfo request) {
        AppRules r = rulesFor(request.app());
        return check("publish", r.publish(), r.publishIps(), request);
    }

    /**
     * Why a play is refused, if it is.
     *
     * @param request the play
     * @return the reason sent to the player, or empty if it is allowed
     */
    public Optional<String> checkPlay(StreamRequestInfo request) {
        AppRules r = rulesFor(request.app());
        return check("play", r.play(), r.playIps(), request);
    }

    /**
     * Decides a publish at once by {@link #checkPublish}.
     *
     * @param request the publish
     * @return a completed stage: allow, or deny with the reason
     */
    @Override
    public CompletionStage<Decision> publish(StreamRequestInfo request) {
        return decided(checkPublish(request));
    }

    /**
     * Decides a play at once by {@link #checkPlay}.
     *
     * @param request the play
     * @return a completed stage: allow, or deny with the reason
     */
    @Override
    public CompletionStage<Decision> play(StreamRequestInfo request) {
        return decided(checkPlay(request));
    }

    private static CompletionStage<Decision> decided(Optional<String> denial) {
        return CompletableFuture.completedFuture(denial.map(Decision::deny).orElse(Decision.allow()));
    }

    private Optional<String> check(String what, StreamRule rule, IpRules ips, StreamRequestInfo request) {
        if (!ips.isAny()) {
            Optional<InetAddress> a = Cidr.clientAddress(request.client().address());
            if (a.isEmpty() || !ips.admits(a.get())) {
                return Optional.of("this address may not " + what + " here");
            }
        }
        if (rule instanceof StreamRule.Keys keys) {
            return keyMatches(keys.keys(), request.params().get("key")) ? Optional.empty()
                    : Optional.of(request.params().containsKey("key") ? "bad stream key" : "missing stream key");
        }
        if (rule instanceof StreamRule.Signed signed) {
            return Signer.check(signed.key(), "/" + request.app() + "/" + request.stream(), request.params(),
                    clock.instant());
        }
        return Optional.empty();
    }

    /**
     * Whether {@code given} is one of {@code keys}, in a time that depends on neither the keys' contents nor
     * their lengths: the SHA-256 of each is compared with {@link MessageDigest#isEqual}, all of them.
     */
    private static boolean keyMatches(List<String> keys, String given) {
        if (given == null) {
            return false;
        }
        byte[] g = sha256(given);
        boolean match = false;
        for (String k : keys) {
            match |= MessageDigest.isEqual(sha256(k), g);
        }
        return match;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /**
     * Names the applications and their rules, without keys or secrets.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "AccessRules" + apps;
    }
}
