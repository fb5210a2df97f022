package io.rtmp4j.server.auth;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP hooks of one application: a URL per {@link HookEvent} (each POSTed to when the event happens),
 * the body format, how long to wait for an answer, and what to do without one.
 *
 * @param urls     the URL to POST to, per event; an event without a URL is not sent (and its request is
 *                 allowed, as far as hooks go)
 * @param format   the body: {@link HookFormat#JSON} or the nginx-rtmp form
 * @param timeout  how long a deciding hook may take to answer (connect, send, response headers); then it
 *                 counts as unanswered
 * @param failOpen whether an unanswered deciding hook (timeout, connection refused, any I/O error) allows
 *                 the request, with a logged warning, instead of denying it; an answer other than 2xx or
 *                 3xx with {@code Location} always denies
 */
public record AppHooks(Map<HookEvent, URI> urls, HookFormat format, Duration timeout, boolean failOpen) {

    /** The default {@link #timeout()}: 3 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    /**
     * The hooks of an application; the map is copied.
     *
     * @param urls     the URL to POST to, per event
     * @param format   the body format
     * @param timeout  how long a deciding hook may take to answer; positive
     * @param failOpen whether an unanswered deciding hook allows
     * @throws IllegalArgumentException if a URL is not http or https, or the timeout is not positive
     */
    public AppHooks {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(timeout, "timeout");
        urls = urls.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(urls));
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("a hook timeout must be positive, not " + timeout);
        }
        for (Map.Entry<HookEvent, URI> e : urls.entrySet()) {
            String scheme = e.getValue().getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException(e.getKey().configName() + ": not an http or https URL: "
                        + e.getValue());
            }
        }
    }

    /**
     * JSON hooks with the default timeout, denying when unanswered.
     *
     * @param urls the URL to POST to, per event
     * @return the hooks
     */
    public static AppHooks json(Map<HookEvent, URI> urls) {
        return new AppHooks(urls, HookFormat.JSON, DEFAULT_TIMEOUT, false);
    }

    /**
     * nginx-rtmp form hooks with the default timeout, denying when unanswered.
     *
     * @param urls the URL to POST to, per event
     * @return the hooks
     */
    public static AppHooks nginx(Map<HookEvent, URI> urls) {
        return new AppHooks(urls, HookFormat.NGINX_FORM, DEFAULT_TIMEOUT, false);
    }

    /**
     * These hooks with another timeout.
     *
     * @param t how long a deciding hook may take to answer
     * @return the new hooks
     */
    public AppHooks withTimeout(Duration t) {
        return new AppHooks(urls, format, t, failOpen);
    }

    /**
     * These hooks with another fail-open switch.
     *
     * @param open whether an unanswered deciding hook allows
     * @return the new hooks
     */
    public AppHooks withFailOpen(boolean open) {
        return new AppHooks(urls, format, timeout, open);
    }
}
