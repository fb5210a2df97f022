package io.rtmp4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtmp4j.netty.client.PlayListener;
import io.rtmp4j.netty.client.RtmpClient;
import io.rtmp4j.netty.client.RtmpPlayer;
import io.rtmp4j.netty.client.RtmpPublisher;
import io.rtmp4j.server.LiveServer;
import io.rtmp4j.server.Peers;
import io.rtmp4j.server.ServerEvents;
import io.rtmp4j.session.MediaKind;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP API and metrics of a real {@link LiveServer} on port 0, with our RTMP client publishing and
 * playing, the JDK's HTTP client (and curl, where installed) asking, and a raw socket for what an HTTP
 * client will not send.
 */
@Timeout(60)
class HttpApiServerTest {

    private static final byte[] AVC_HEADER = {0x17, 0, 0, 0, 0, 1, 0x42, 0, 0x1E}; // flv-10.1.txt E.4.3.1
    private static final byte[] KEY = {0x17, 1, 0, 0, 0, 9};
    private static final byte[] INTER = {0x27, 1, 0, 0, 0, 8};
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RtmpClient rtmp = RtmpClient.create();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(WAIT).build();
    private final ServerMetrics metrics = new ServerMetrics();
    private LiveServer server;
    private HttpApiServer api;

    @AfterEach
    void stop() {
        rtmp.close();
        if (api != null) {
            api.close();
        }
        if (server != null) {
            server.close(Duration.ofSeconds(2));
        }
    }

    private void start(String token) {
        server = LiveServer.builder().bind("127.0.0.1").port(0)
                .events(ServerEvents.all(metrics, new ServerEvents() {
                })).start();
        api = HttpApiServer.builder(server).bind("127.0.0.1").port(0).bearerToken(token).metrics(metrics)
                .version("1.2.3-test").start();
    }

    private String rtmpUrl(String name) {
        return "rtmp://127.0.0.1:" + server.port() + "/live/" + name;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(WAIT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(r.body().getBytes(StandardCharsets.UTF_8).length);
        return JSON.readTree(r.body());
    }

    /** Scrapes until {@code done} holds for the samples (events come just after the answer a client waits for). */
    private Map<String, Double> scrapeUntil(java.util.function.Predicate<Map<String, Double>> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, Double> m = scrape();
        while (!done.test(m) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            m = scrape();
        }
        return m;
    }

    /** {@code name{labels}} to value, for every sample line of the text format. */
    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains(metrics.contentType());
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : r.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return out;
    }

    /** A listener that counts the video messages it gets in {@code count}. */
    private static PlayListener videoCounter(AtomicInteger count) {
        return new PlayListener() {
            @Override
            public void onMedia(MediaKind kind, long timestamp, byte[] payload) {
                count.addAndGet(kind == MediaKind.VIDEO ? 1 : 0);
            }
        };
    }

    /** A publisher of live/cam that sent three video messages, and a player that got them. */
    private RtmpPublisher publishAndPlay() throws Exception {
        AtomicInteger video = new AtomicInteger();
        RtmpPublisher pub = rtmp.publish(rtmpUrl("cam")).get(10, TimeUnit.SECONDS);
        rtmp.play(rtmpUrl("cam"), videoCounter(video)).get(10, TimeUnit.SECONDS);
        pub.sendVideo(0, AVC_HEADER);
        pub.sendVideo(0, KEY);
        pub.sendVideo(40, INTER);
        assertThat(Peers.waitFor(() -> video.get() >= 3, WAIT)).as("video messages played: %s", video).isTrue();
        return pub;
    }

    @Test
    void everyEndpointShowsThePublisherAndThePlayer() throws Exception {
        start(null);
        Instant before = Instant.now();
        publishAndPlay();

        JsonNode s = json("/api/v1/server");
        assertThat(s.get("version").asText()).isEqualTo("1.2.3-test");
        assertThat(s.get("ports").get("rtmp").asInt()).isEqualTo(server.port());
        assertThat(s.get("ports").get("http").asInt()).isEqualTo(api.port()).isNotZero();
        assertThat(Instant.parse(s.get("startedAt").asText())).isBefore(before.plusMillis(1));
        assertThat(s.get("uptimeSeconds").asLong()).isBetween(0L, 60L);
        assertThat(s.get("connections").asInt()).isEqualTo(2);
        assertThat(s.get("streams").asInt()).isEqualTo(1);
        assertThat(s.get("live").asInt()).isEqualTo(1);
        assertThat(s.get("players").asInt()).isEqualTo(1);

        JsonNode streams = json("/api/v1/streams");
        assertThat(streams.isArray()).isTrue();
        assertThat(streams).hasSize(1);
        JsonNode cam = streams.get(0);
        assertThat(cam.get("app").asText()).isEqualTo("live");
        assertThat(cam.get("name").asText()).isEqualTo("cam");
        assertThat(cam.get("live").asBoolean()).isTrue();
        assertThat(cam.get("publisher").get("address").asText()).startsWith("127.0.0.1:");
        long publisherId = cam.get("publisher").get("id").asLong();
        assertThat(cam.get("players").asInt()).isEqualTo(1);
        assertThat(cam.get("messagesIn").asLong()).isEqualTo(3);
        assertThat(cam.get("bytesIn").asLong()).isEqualTo(AVC_HEADER.length + KEY.length + INTER.length);
        assertThat(Instant.parse(cam.get("publishedAt").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(json("/api/v1/streams/live/cam")).isEqualTo(cam);

        JsonNode conns = json("/api/v1/connections");
        assertThat(conns).hasSize(2);
        assertThat(json("/api/v1/clients")).as("the same resource under issue 12's name").isEqualTo(conns);
        JsonNode publisher = null;
        JsonNode player = null;
        for (JsonNode c : conns) {
            assertThat(c.get("app").asText()).isEqualTo("live");
            assertThat(c.get("tcUrl").asText()).isEqualTo("rtmp://127.0.0.1:" + server.port() + "/live");
            assertThat(c.get("address").asText()).startsWith("127.0.0.1:");
            assertThat(Instant.parse(c.get("connectedAt").asText())).isNotNull();
            if (c.get("id").asLong() == publisherId) {
                publisher = c;
            } else {
                player = c;
            }
        }
        assertThat(publisher).isNotNull();
        assertThat(player).isNotNull();
        assertThat(publisher.get("publishing").toString()).isEqualTo("[\"live/cam\"]");
        assertThat(publisher.get("playing").toString()).isEqualTo("[]");
        assertThat(player.get("playing").toString()).isEqualTo("[\"live/cam\"]");
        assertThat(json("/api/v1/connections/" + publisherId)).isEqualTo(publisher);

        Map<String, Double> m = scrape();
        assertThat(m).containsEntry("rtmp4j_connections_accepted_total", 2.0)
                .containsEntry("rtmp4j_connections_open", 2.0)
                .containsEntry("rtmp4j_publishes_total{app=\"live\"}", 1.0)
                .containsEntry("rtmp4j_plays_total{app=\"live\"}", 1.0)
                .containsEntry("rtmp4j_streams_live{app=\"live\"}", 1.0)
                .containsEntry("rtmp4j_players{app=\"live\"}", 1.0)
                .containsEntry("rtmp4j_stream_received_messages_total{app=\"live\",stream=\"cam\"}", 3.0)
                .containsEntry("rtmp4j_stream_received_bytes_total{app=\"live\",stream=\"cam\"}",
                        (double) (AVC_HEADER.length + KEY.length + INTER.length))
                .containsEntry("rtmp4j_stream_series_omitted", 0.0);
        assertThat(m.keySet()).noneMatch(k -> k.startsWith("jvm_") || k.startsWith("process_"));

        // HEAD: the GET's headers and length, no body
        HttpResponse<String> head = send("HEAD", "/api/v1/server", null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length").orElse(-1)).isPositive();
    }

    @Test
    void deleteClosesAConnectionAndEndsAPublication() throws Exception {
        start(null);
        RtmpPublisher pub = publishAndPlay();
        RtmpPlayer other = rtmp.play(rtmpUrl("cam"), videoCounter(new AtomicInteger())).get(10, TimeUnit.SECONDS);
        assertThat(Peers.waitFor(() -> server.connections().size() == 3, WAIT)).isTrue();
        long otherId = server.connections().stream().filter(c -> !c.playing().isEmpty())
                .mapToLong(c -> c.client().id()).max().orElseThrow();

        HttpResponse<String> r = send("DELETE", "/api/v1/connections/" + otherId, null);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(other.closeFuture().get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(Peers.waitFor(() -> server.connections().size() == 2, WAIT)).isTrue();
        assertThat(send("DELETE", "/api/v1/connections/" + otherId, null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/connections/" + otherId).statusCode()).isEqualTo(404);

        assertThat(send("DELETE", "/api/v1/streams/live/cam", null).statusCode()).isEqualTo(204);
        assertThat(pub.closeFuture().get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(Peers.waitFor(() -> server.streams().stream().allMatch(s -> s.publisher().isEmpty()), WAIT))
                .isTrue();
        assertThat(send("DELETE", "/api/v1/streams/live/cam", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/streams/live/nothing").statusCode()).isEqualTo(404);

        // the first player stays, waiting for a new publisher: the stream is known but not live
        JsonNode cam = json("/api/v1/streams/live/cam");
        assertThat(cam.get("live").asBoolean()).isFalse();
        assertThat(cam.get("publisher").isNull()).isTrue();
        assertThat(cam.get("publishedAt").isNull()).isTrue();
        Map<String, Double> m = scrapeUntil(x -> Double.valueOf(2.0).equals(x.get("rtmp4j_plays_total{app=\"live\"}")));
        assertThat(m).containsEntry("rtmp4j_streams_live{app=\"live\"}", 0.0)
                .containsEntry("rtmp4j_players{app=\"live\"}", 1.0)
                .containsEntry("rtmp4j_plays_total{app=\"live\"}", 2.0)
                .containsEntry("rtmp4j_connections_open", 1.0)
                .containsEntry("rtmp4j_connections_accepted_total", 3.0);
        assertThat(m.keySet()).noneMatch(k -> k.startsWith("rtmp4j_stream_received_"));
    }

    @Test
    void aBearerTokenGuardsEveryApiPathButNotTheMetrics() throws Exception {
        start("s3cret");
        for (String path : List.of("/api/v1/server", "/api/v1/streams", "/api/v1/connections", "/api/nothing")) {
            HttpResponse<String> none = send("GET", path, null);
            assertThat(none.statusCode()).as(path).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("Bearer"));
            assertThat(send("GET", path, "wrong").statusCode()).as(path).isEqualTo(401);
        }
        assertThat(send("DELETE", "/api/v1/connections/1", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/server", "s3cret").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/nothing", "s3cret").statusCode()).isEqualTo(404);
        HttpResponse<String> lower = http.send(HttpRequest.newBuilder(uri("/api/v1/streams"))
                .header("Authorization", "bearer s3cret").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(lower.statusCode()).as("the scheme is case-insensitive").isEqualTo(200);
        assertThat(get("/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsWrongMethodsAndBadRequests() throws Exception {
        start(null);
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/nothing").statusCode()).isEqualTo(404);
        assertThat(get("/api/v2/streams").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/streams/live").statusCode()).isEqualTo(404);
        HttpResponse<String> notFound = get("/nope");
        assertThat(JSON.readTree(notFound.body()).get("error").asText()).isEqualTo("not found");

        HttpResponse<String> post = send("POST", "/api/v1/streams", null);
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(send("DELETE", "/api/v1/server", null).statusCode()).isEqualTo(405);
        assertThat(send("POST", "/metrics", null).headers().firstValue("Allow")).contains("GET, HEAD");
        HttpResponse<String> put = send("PUT", "/api/v1/streams/live/cam", null);
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).contains("GET, HEAD, DELETE");

        assertThat(send("DELETE", "/api/v1/connections/abc", null).statusCode()).isEqualTo(400);
        assertThat(raw("GET /api/v1/streams/live/%zz HTTP/1.1\r\nHost: x\r\n\r\n").status).isEqualTo(400);
        assertThat(raw("GET * HTTP/1.1\r\nHost: x\r\n\r\n").status).isEqualTo(400);
        assertThat(raw("GET http://x:1/api/v1/server?pretty HTTP/1.1\r\nHost: x\r\n\r\n").status)
                .as("the absolute-form").isEqualTo(200);
        // a percent-escaped slash stays inside its segment
        assertThat(get("/api/v1/streams/live/a%2Fb").statusCode()).isEqualTo(404);

        HttpResponse<String> big = http.send(HttpRequest.newBuilder(uri("/api/v1/streams"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[HttpApiServer.Builder.DEFAULT_MAX_REQUEST_BYTES + 1]))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(big.statusCode()).isEqualTo(413);

        try (Socket s = new Socket("127.0.0.1", api.port())) {
            s.setSoTimeout((int) WAIT.toMillis());
            s.getOutputStream().write("GET /api/v1/server HTTP/1.x\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            RawResponse r = RawResponse.read(s.getInputStream());
            assertThat(r.status).isEqualTo(400);
            assertThat(r.headers).containsEntry("connection", "close");
            assertThat(s.getInputStream().read()).as("closed after the 400").isEqualTo(-1);
        }
    }

    @Test
    void keepAliveAnswersSeveralRequestsOnOneConnectionAndHttp10Closes() throws Exception {
        start(null);
        try (Socket s = new Socket("127.0.0.1", api.port())) {
            s.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = s.getOutputStream();
            // two requests at once (pipelined), then a third after the answers
            out.write(("GET /api/v1/server HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            RawResponse first = RawResponse.read(s.getInputStream());
            RawResponse second = RawResponse.read(s.getInputStream());
            assertThat(first.status).isEqualTo(200);
            assertThat(JSON.readTree(first.body).get("version").asText()).isEqualTo("1.2.3-test");
            assertThat(second.status).isEqualTo(404);
            out.write("GET /api/v1/streams HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            RawResponse third = RawResponse.read(s.getInputStream());
            assertThat(third.status).isEqualTo(200);
            assertThat(new String(third.body, StandardCharsets.UTF_8)).isEqualTo("[]");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        try (Socket s = new Socket("127.0.0.1", api.port())) {
            s.setSoTimeout((int) WAIT.toMillis());
            s.getOutputStream().write("GET /metrics HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            RawResponse r = RawResponse.read(s.getInputStream());
            assertThat(r.status).isEqualTo(200);
            assertThat(new String(r.body, StandardCharsets.UTF_8)).contains("rtmp4j_connections_open 0.0");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aConnectionPastTheLimitIsClosedAndTheOthersAreServed() throws Exception {
        server = LiveServer.builder().bind("127.0.0.1").port(0).start();
        api = HttpApiServer.builder(server).bind("127.0.0.1").port(0).maxConnections(1).start();
        try (Socket first = new Socket("127.0.0.1", api.port()); Socket second = new Socket("127.0.0.1", api.port())) {
            first.setSoTimeout((int) WAIT.toMillis());
            second.setSoTimeout((int) WAIT.toMillis());
            first.getOutputStream().write("GET /api/v1/server HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(RawResponse.read(first.getInputStream()).status).isEqualTo(200);
            assertThat(second.getInputStream().read()).as("the second connection is closed").isEqualTo(-1);
        }
        assertThat(get("/metrics").statusCode()).as("no metrics configured").isEqualTo(404);
    }

    @Test
    void curlGetsTheServer() throws Exception {
        Optional<File> curl = onPath("curl");
        Assumptions.assumeTrue(curl.isPresent(), "curl is not installed: skipped");
        start(null);
        Process p = new ProcessBuilder(curl.get().getPath(), "-sS", "--max-time", "10",
                "http://127.0.0.1:" + api.port() + "/api/v1/server").redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        JsonNode s = JSON.readTree(out);
        assertThat(s.get("ports").get("http").asInt()).isEqualTo(api.port());
        assertThat(s.get("connections").asInt()).isZero();
    }

    @Test
    void theAppLabelIsBoundedAndStreamSeriesAreLimited() throws Exception {
        ServerMetrics small = new ServerMetrics(1, 1);
        server = LiveServer.builder().bind("127.0.0.1").port(0).events(small).start();
        api = HttpApiServer.builder(server).bind("127.0.0.1").port(0).metrics(small).start();
        rtmp.publish("rtmp://127.0.0.1:" + server.port() + "/live/a").get(10, TimeUnit.SECONDS);
        rtmp.publish("rtmp://127.0.0.1:" + server.port() + "/live/b").get(10, TimeUnit.SECONDS);
        rtmp.publish("rtmp://127.0.0.1:" + server.port() + "/other/c").get(10, TimeUnit.SECONDS);
        scrapeUntil(x -> Double.valueOf(1.0).equals(x.get("rtmp4j_publishes_total{app=\"_other\"}")));
        String body = get("/metrics").body();
        assertThat(body).contains("rtmp4j_publishes_total{app=\"live\"} 2.0",
                "rtmp4j_publishes_total{app=\"_other\"} 1.0", "rtmp4j_streams_live{app=\"_other\"} 1.0",
                "rtmp4j_stream_received_messages_total{app=\"live\",stream=\"a\"} 0.0",
                "rtmp4j_stream_series_omitted 2.0");
        assertThat(body).doesNotContain("stream=\"b\"", "stream=\"c\"", "app=\"other\"");
        assertThat(Double.parseDouble(body.replaceAll("(?s).*\nrtmp4j_connections_open (\\S+)\n.*", "$1")))
                .isCloseTo(3.0, within(0.0));
    }

    /** Sends {@code request} as it is on a new connection and reads one response. */
    private RawResponse raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", api.port())) {
            s.setSoTimeout((int) WAIT.toMillis());
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return RawResponse.read(s.getInputStream());
        }
    }

    private static Optional<File> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, program);
            if (f.canExecute()) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** One HTTP/1.1 response read off a socket: status, headers (lower-case names), a Content-Length body. */
    private record RawResponse(int status, Map<String, String> headers, byte[] body) {
        static RawResponse read(InputStream in) throws IOException {
            String status = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(), h.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            return new RawResponse(Integer.parseInt(status.split(" ")[1]), headers, in.readNBytes(length));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("closed in a response head: " + b);
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.US_ASCII);
        }
    }
}
