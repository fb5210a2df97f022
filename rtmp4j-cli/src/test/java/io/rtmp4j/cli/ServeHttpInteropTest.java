package io.rtmp4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.server.Peers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rtmp4j serve} with the HTTP API and metrics turned on from its config file, as an operator runs
 * it: its own process, ffmpeg 5.1 publishing, the JDK's HTTP client asking the API (with and without the
 * bearer token) and scraping {@code /metrics}.
 */
class ServeHttpInteropTest {

    @TempDir
    Path tmp;

    @Test
    void theApiListsWhatFfmpegPublishesAndTheMetricsCountIt() throws Exception {
        Path ffmpeg = Peers.require("ffmpeg", "ffmpeg");
        Peers.assumeEncoder(ffmpeg, "libx264", tmp.resolve("encoders.log"));
        int rtmp = Peers.freePort();
        Path config = tmp.resolve("rtmp4j.yaml");
        Files.writeString(config, "bind: 127.0.0.1\nrtmp-port: " + rtmp + "\nhttp-port: 0\napi-token: s3cret\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = tmp.resolve("serve.log");
        Process serve = Peers.start(log, List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "io.rtmp4j.cli.Main", "serve", "--config", config.toString()));
        Process pub = null;
        try {
            assertThat(Peers.waitFor(() -> Peers.tail(log).contains("rtmp4j: serving"), Duration.ofSeconds(30)))
                    .as("serve started:%n%s", Peers.tail(log)).isTrue();
            Matcher m = Pattern.compile("HTTP API and metrics on http://127\\.0\\.0\\.1:(\\d+)/").matcher(Peers.tail(log));
            assertThat(m.find()).as(Peers.tail(log)).isTrue();
            String base = "http://127.0.0.1:" + m.group(1);
            pub = Peers.start(tmp.resolve("publisher.log"), List.of(ffmpeg.toString(), "-nostdin", "-hide_banner",
                    "-loglevel", "warning", "-re", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-t", "20",
                    "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-f", "flv",
                    "rtmp://127.0.0.1:" + rtmp + "/live/cam"));
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest streams = HttpRequest.newBuilder(URI.create(base + "/api/v1/streams"))
                    .header("Authorization", "Bearer s3cret").timeout(Duration.ofSeconds(10)).build();
            assertThat(Peers.waitFor(() -> {
                try {
                    return http.send(streams, HttpResponse.BodyHandlers.ofString()).body().contains("\"cam\"");
                } catch (Exception e) {
                    return false;
                }
            }, Duration.ofSeconds(20))).as("the API lists the stream; publisher: %s",
                    Peers.tail(tmp.resolve("publisher.log"))).isTrue();
            HttpResponse<String> body = http.send(streams, HttpResponse.BodyHandlers.ofString());
            assertThat(body.statusCode()).isEqualTo(200);
            assertThat(body.body()).contains("\"app\":\"live\"", "\"name\":\"cam\"");
            HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/streams"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(noToken.statusCode()).isEqualTo(401);
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body().lines()).contains("rtmp4j_publishes_total{app=\"live\"} 1.0",
                    "rtmp4j_connections_open 1.0");
        } finally {
            if (pub != null) {
                pub.destroy();
                Peers.await(pub, Duration.ofSeconds(10));
            }
            serve.destroy();
            Peers.await(serve, Duration.ofSeconds(20));
        }
    }
}
