package io.rtmp4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.rtmp4j.server.Peers;
import io.rtmp4j.server.auth.Signer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code apps} section of the config file, as an operator uses it: {@code rtmp4j serve} as its own
 * process, ffmpeg 5.1 publishing with a stream key and playing with a signed URL, an HTTP hook (a real
 * HTTP server) deciding another app, and the file changed while the server runs: SIGHUP puts the new
 * keys in force, a bad file sent with {@code POST /api/v1/reload} is refused and the old one stays.
 */
class ServeAccessInteropTest {

    @TempDir
    Path tmp;

    private Path ffmpeg;
    private int rtmp;
    private int n;

    private int publish(String path) throws Exception {
        String name = "pub-" + n++;
        return Peers.run(tmp.resolve(name + ".log"), Duration.ofSeconds(30), List.of(ffmpeg.toString(), "-nostdin",
                "-hide_banner", "-loglevel", "warning", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-t", "1",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-f", "flv",
                "rtmp://127.0.0.1:" + rtmp + path));
    }

    private String config(String key, int hookPort) {
        return "bind: 127.0.0.1\nrtmp-port: " + rtmp + "\nhttp-port: 0\n"
                + "apps:\n"
                + "  live:\n"
                + "    publish:\n"
                + "      keys: [" + key + "]\n"
                + "    play:\n"
                + "      signed: s3cret\n"
                + "  hooked:\n"
                + "    hooks:\n"
                + "      on_publish: http://127.0.0.1:" + hookPort + "/on_publish\n"
                + "      format: nginx\n";
    }

    @Test
    void keysSignedUrlsHooksAndReloadWithFfmpeg() throws Exception {
        ffmpeg = Peers.require("ffmpeg", "ffmpeg");
        Peers.assumeEncoder(ffmpeg, "libx264", tmp.resolve("encoders.log"));
        rtmp = Peers.freePort();
        List<String> hookBodies = new CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/on_publish", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            hookBodies.add(body);
            x.sendResponseHeaders(body.contains("name=bad") ? 403 : 204, -1);
            x.close();
        });
        hook.start();
        Path file = tmp.resolve("rtmp4j.yaml");
        Files.writeString(file, config("k1", hook.getAddress().getPort()));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = tmp.resolve("serve.log");
        Process serve = Peers.start(log, List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "io.rtmp4j.cli.Main", "serve", "--config", file.toString()));
        try {
            assertThat(Peers.waitFor(() -> Peers.tail(log).contains("rtmp4j: serving"), Duration.ofSeconds(30)))
                    .as("serve started:%n%s", Peers.tail(log)).isTrue();
            Matcher m = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/").matcher(Peers.tail(log));
            assertThat(m.find()).isTrue();
            String api = "http://127.0.0.1:" + m.group(1);

            // stream keys
            assertThat(publish("/live/cam?key=k1")).as("the right key; %s", Peers.tail(tmp.resolve("pub-0.log")))
                    .isZero();
            assertThat(publish("/live/cam?key=nope")).isNotZero();
            assertThat(Files.readString(tmp.resolve("pub-1.log"))).contains("Server error");

            // a signed play URL, and one without a signature, while a publisher streams
            Process streaming = Peers.start(tmp.resolve("streaming.log"), List.of(ffmpeg.toString(), "-nostdin",
                    "-hide_banner", "-loglevel", "warning", "-re", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25",
                    "-t", "20", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-f", "flv",
                    "rtmp://127.0.0.1:" + rtmp + "/live/cam?key=k1"));
            try {
                String signed = Signer.sign("rtmp://127.0.0.1:" + rtmp + "/live/cam", "s3cret", Duration.ofMinutes(5));
                int played = Peers.run(tmp.resolve("play.log"), Duration.ofSeconds(30), List.of(ffmpeg.toString(),
                        "-nostdin", "-y", "-i", signed, "-t", "1", "-c", "copy", tmp.resolve("play.flv").toString()));
                assertThat(played).as("signed play: %s", Peers.tail(tmp.resolve("play.log"))).isZero();
                int unsigned = Peers.run(tmp.resolve("unsigned.log"), Duration.ofSeconds(30), List.of(
                        ffmpeg.toString(), "-nostdin", "-y", "-i", "rtmp://127.0.0.1:" + rtmp + "/live/cam", "-t", "1",
                        "-c", "copy", tmp.resolve("unsigned.flv").toString()));
                assertThat(unsigned).isNotZero();
            } finally {
                streaming.destroy();
                Peers.await(streaming, Duration.ofSeconds(10));
            }

            // the hook decides the other app, and gets nginx-rtmp's form body
            assertThat(publish("/hooked/good")).isZero();
            assertThat(publish("/hooked/bad")).isNotZero();
            assertThat(hookBodies).anySatisfy(b -> assertThat(b).contains("call=publish", "app=hooked", "name=good"));

            // SIGHUP with new keys: the old key is refused, the new one works
            Files.writeString(file, config("k2", hook.getAddress().getPort()));
            assertThat(Peers.run(tmp.resolve("kill.log"), Duration.ofSeconds(10),
                    List.of("kill", "-HUP", String.valueOf(serve.pid())))).isZero();
            assertThat(Peers.waitFor(() -> Peers.tail(log, 40).contains("reloaded"), Duration.ofSeconds(10)))
                    .as("reloaded:%n%s", Peers.tail(log)).isTrue();
            assertThat(publish("/live/cam?key=k1")).isNotZero();
            assertThat(publish("/live/cam?key=k2")).isZero();

            // a bad file through the API: refused with its line, and k2 stays in force
            Files.writeString(file, config("k3", hook.getAddress().getPort()) + "rtmp-port: [\n");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api
                    + "/api/v1/reload")).POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.body()).contains("rtmp4j.yaml:").contains("reload refused");
            assertThat(publish("/live/cam?key=k2")).isZero();
        } finally {
            serve.destroy();
            Peers.await(serve, Duration.ofSeconds(20));
            hook.stop(0);
        }
    }
}
