package io.rtmp4j.server.auth;

import io.rtmp4j.server.AccessControl;
import io.rtmp4j.server.ClientInfo;
import io.rtmp4j.server.Decision;
import io.rtmp4j.server.ServerEvents;
import io.rtmp4j.server.StreamRequestInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP hooks, as nginx-rtmp's {@code on_connect}, {@code on_publish}, {@code on_play},
 * {@code on_publish_done}, {@code on_play_done} and {@code on_record_done}: one HTTP POST per event to the
 * URL configured for the application ({@link AppHooks}; the application {@value AccessRules#DEFAULT_APP}
 * for every application not named, and no hooks for an application without either), with a JSON or an
 * nginx-rtmp form body ({@link HookFormat}).
 *
 * <p>As an {@link AccessControl} it decides connects, publishes and plays by the answer, as nginx-rtmp
 * does: 2xx allows; 3xx with a {@code Location} renames the stream (to the last path segment of a URL such
 * as {@code rtmp://host/live/other}, or to the value itself when it is a plain name; a connect is just
 * allowed); any other status denies. No answer within {@link AppHooks#timeout()}, a refused connection or
 * another I/O error denies, or allows with a logged warning when {@link AppHooks#failOpen()} is set. A
 * denied publish gets {@code NetStream.Publish.Unauthorized}, a denied play {@code NetStream.Play.Failed},
 * a denied connect {@code NetConnection.Connect.Rejected}.
 *
 * <p>As {@link ServerEvents} it sends {@code publish_done}, {@code play_done} and {@code record_done}:
 * notifications whose answers are not read; a failure is logged. Give the same instance to both:
 *
 * <pre>{@code
 * HttpHooks hooks = new HttpHooks(Map.of("live", AppHooks.nginx(Map.of(
 *         HookEvent.PUBLISH, URI.create("http://auth.local/on_publish"),
 *         HookEvent.PUBLISH_DONE, URI.create("http://auth.local/on_publish_done")))));
 * LiveServer.builder().access(AccessChain.of(rules, hooks)).events(hooks).start();
 * }</pre>
 *
 * <p>Threading: nothing here blocks the caller. Each call is handed to a thread of this object's, which
 * starts it with {@link HttpClient#sendAsync}; the decision completes on the HTTP client's threads. Close
 * the hooks after the server to stop those threads.
 */
public final class HttpHooks implements AccessControl, ServerEvents, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpHooks.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Map<String, AppHooks> apps;
    private final ExecutorService executor;
    private final HttpClient http;

    /**
     * Hooks per application, with an HTTP/1.1 client of their own that follows no redirect.
     *
     * @param apps the hooks by application name; {@value AccessRules#DEFAULT_APP} for every other
     *             application
     */
    public HttpHooks(Map<String, AppHooks> apps) {
        this(apps, null);
    }

    /**
     * Hooks per application, sent with {@code client}, which must not follow redirects (a 3xx is an
     * answer here), as {@link HttpClient.Redirect#NEVER}, the default, does.
     *
     * @param apps   the hooks by application name; {@value AccessRules#DEFAULT_APP} for every other
     *               application
     * @param client the HTTP client, or null for one of the hooks' own
     */
    public HttpHooks(Map<String, AppHooks> apps, HttpClient client) {
        this.apps = Map.copyOf(apps);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "rtmp4j-hooks-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = client != null ? client : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the hooks' HTTP client must not follow redirects");
        }
    }

    /**
     * The hooks that apply to {@code app}: its own, else those of {@value AccessRules#DEFAULT_APP}.
     *
     * @param app an application name
     * @return its hooks, or empty if neither is configured
     */
    public Optional<AppHooks> hooksFor(String app) {
        AppHooks h = apps.get(app);
        return Optional.ofNullable(h != null ? h : apps.get(AccessRules.DEFAULT_APP));
    }

    /**
     * Asks {@code on_connect}, if configured for the app.
     *
     * @param client the connection
     * @return allow, or deny, when the hook has answered
     */
    @Override
    public CompletionStage<Decision> connect(ClientInfo client) {
        return decide(HookEvent.CONNECT, client, null);
    }

    /**
     * Asks {@code on_publish}, if configured for the app.
     *
     * @param request the publish
     * @return allow, deny or rename, when the hook has answered
     */
    @Override
    public CompletionStage<Decision> publish(StreamRequestInfo request) {
        return decide(HookEvent.PUBLISH, request.client(), request);
    }

    /**
     * Asks {@code on_play}, if configured for the app.
     *
     * @param request the play
     * @return allow, deny or rename, when the hook has answered
     */
    @Override
    public CompletionStage<Decision> play(StreamRequestInfo request) {
        return decide(HookEvent.PLAY, request.client(), request);
    }

    /**
     * Sends {@code on_publish_done}, if configured for the app.
     *
     * @param publish who published what
     */
    @Override
    public void onPublishStop(StreamRequestInfo publish) {
        notify(HookEvent.PUBLISH_DONE, publish, null, null);
    }

    /**
     * Sends {@code on_play_done}, if configured for the app.
     *
     * @param play who played what
     */
    @Override
    public void onPlayStop(StreamRequestInfo play) {
        notify(HookEvent.PLAY_DONE, play, null, null);
    }

    /**
     * Sends {@code on_record_done}, if configured for the app.
     *
     * @param publish  who published what
     * @param file     the FLV file
     * @param duration from the first to the last media timestamp
     */
    @Override
    public void onRecordDone(StreamRequestInfo publish, Path file, Duration duration) {
        notify(HookEvent.RECORD_DONE, publish, file, duration);
    }

    /** Stops this object's threads; calls in flight may still complete. */
    @Override
    public void close() {
        executor.shutdown();
    }

    private CompletionStage<Decision> decide(HookEvent event, ClientInfo client, StreamRequestInfo request) {
        String app = request != null ? request.app() : client.app();
        Optional<AppHooks> hooks = hooksFor(app);
        URI url = hooks.map(h -> h.urls().get(event)).orElse(null);
        if (url == null) {
            return Decision.allowed();
        }
        AppHooks h = hooks.get();
        String what = event.configName() + " " + url + " for " + describe(client, request);
        return send(h, url, HookBody.of(h.format(), event, client, request, null, null)).handle((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (h.failOpen()) {
                    LOG.warn("{}: no answer ({}); allowing it (failOpen)", what, cause.toString());
                    return Decision.allow();
                }
                LOG.warn("{}: no answer ({}); denying it", what, cause.toString());
                return Decision.deny(event.configName() + " did not answer");
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return Decision.allow();
            }
            if (status / 100 == 3) {
                Optional<String> name = response.headers().firstValue("Location").flatMap(HttpHooks::renameTo);
                if (name.isPresent()) {
                    LOG.info("{}: HTTP {} renames the stream to {}", what, status, name.get());
                    return Decision.rename(name.get());
                }
            }
            LOG.info("{}: HTTP {}; denied", what, status);
            return Decision.deny("denied by " + event.configName() + " (HTTP " + status + ")");
        });
    }

    private void notify(HookEvent event, StreamRequestInfo request, Path file, Duration duration) {
        Optional<AppHooks> hooks = hooksFor(request.app());
        URI url = hooks.map(h -> h.urls().get(event)).orElse(null);
        if (url == null) {
            return;
        }
        AppHooks h = hooks.get();
        String what = event.configName() + " " + url + " for " + describe(request.client(), request);
        send(h, url, HookBody.of(h.format(), event, request.client(), request, file, duration))
                .whenComplete((response, error) -> {
                    if (error != null) {
                        LOG.warn("{} failed: {}", what, error.toString());
                    } else if (response.statusCode() / 100 != 2) {
                        LOG.warn("{}: HTTP {}", what, response.statusCode());
                    }
                });
    }

    /**
     * POSTs {@code body}, started on this object's thread: {@code sendAsync} itself may resolve the host on
     * the calling thread, which must not be an event loop.
     */
    private CompletableFuture<HttpResponse<Void>> send(AppHooks h, URI url, String body) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(h.timeout())
                .header("Content-Type", HookBody.contentType(h.format()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            // the request's own timeout ends at the response headers; the second bound is for the rest
            // (a queued start, a stalled body) so that no decision waits forever
            return CompletableFuture.supplyAsync(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()),
                    executor).thenCompose(f -> f).orTimeout(h.timeout().toMillis() + 1000,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("the hooks are closed"));
        }
    }

    /**
     * The stream name a 3xx's {@code Location} gives: the last path segment of a URL, or the value itself
     * (nginx-rtmp takes a plain name as the new name), without a query string.
     */
    static Optional<String> renameTo(String location) {
        String l = location.strip();
        String name = l;
        try {
            URI u = new URI(l);
            if (u.getScheme() != null && u.getRawPath() != null) {
                String path = u.getRawPath();
                name = path.substring(path.lastIndexOf('/') + 1);
            }
        } catch (URISyntaxException e) {
            // not a URL: a plain name
        }
        int q = name.indexOf('?');
        if (q >= 0) {
            name = name.substring(0, q);
        }
        return name.isEmpty() || name.contains("/") ? Optional.empty() : Optional.of(name);
    }

    private static String describe(ClientInfo client, StreamRequestInfo request) {
        return "client " + client.id() + " (" + client.address() + ") "
                + (request != null ? request.app() + "/" + request.stream() : client.app());
    }

    /**
     * Names the applications with hooks.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "HttpHooks" + apps.keySet();
    }
}
