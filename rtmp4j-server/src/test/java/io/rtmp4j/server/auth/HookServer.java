package io.rtmp4j.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server (the JDK's) on a free loopback port that plays an auth backend: it answers each path
 * as the test says ({@link #answer}), or not at all until it is closed ({@link #hang}), and keeps every
 * request it got in {@link #requests}, in order of arrival.
 */
final class HookServer implements AutoCloseable {

    /** One request as the backend received it. */
    record Received(String method, String path, String contentType, String body) {
        Map<String, Object> json() {
            return MiniJson.object(body);
        }

        /** The form body decoded, in order; a repeated name would fail the test. */
        Map<String, String> form() {
            Map<String, String> out = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                assertThat(out.put(k, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)))
                        .as("field %s once in %s", k, body).isNull();
            }
            return out;
        }
    }

    private record Answer(int status, String location) {
    }

    final BlockingQueue<Received> requests = new LinkedBlockingQueue<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer http;

    HookServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(threads);
        http.createContext("/", this::handle);
        http.start();
    }

    /** Answers {@code path} with {@code status} (and a {@code Location} if not null). */
    HookServer answer(String path, int status, String location) {
        answers.put(path, new Answer(status, location));
        return this;
    }

    /** Never answers {@code path} (until this server is closed). */
    HookServer hang(String path) {
        answers.put(path, new Answer(-1, null));
        return this;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
    }

    /** The next request, within 10 s. */
    Received next() throws InterruptedException {
        Received r = requests.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("a hook request within 10 s").isNotNull();
        return r;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    ex.getRequestHeaders().getFirst("Content-Type"), body));
            Answer a = answers.getOrDefault(ex.getRequestURI().getPath(), new Answer(200, null));
            if (a.status() < 0) {
                closed.await(60, TimeUnit.SECONDS); // released by close(); bounded anyway
                return;
            }
            if (a.location() != null) {
                ex.getResponseHeaders().add("Location", a.location());
            }
            ex.sendResponseHeaders(a.status(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        http.stop(0);
        threads.shutdownNow();
    }
}
