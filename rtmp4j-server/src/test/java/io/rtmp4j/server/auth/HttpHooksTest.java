package io.rtmp4j.server.auth;

import static io.rtmp4j.server.auth.AuthFixture.IGNORE;
import static io.rtmp4j.server.auth.AuthFixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.message.StatusCode;
import io.rtmp4j.netty.client.RtmpClientException;
import io.rtmp4j.netty.client.RtmpPlayer;
import io.rtmp4j.netty.client.RtmpPublisher;
import io.rtmp4j.server.Peers;
import io.rtmp4j.server.StreamKey;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP hooks against a real HTTP server ({@link HookServer}) with a real {@code LiveServer} and our client
 * (ffmpeg 5.1 for the nginx-rtmp body as an encoder sends it): the answers decide, the bodies carry every
 * field, the notifications arrive.
 */
@Timeout(60)
class HttpHooksTest {

    private static final byte[] AVC_HEADER = {0x17, 0, 0, 0, 0, 1, 0x42, 0, 0x1E}; // flv-10.1.txt E.4.3.1
    private static final byte[] KEY = {0x17, 1, 0, 0, 0, 9};
    private static final byte[] INTER = {0x27, 1, 0, 0, 0, 8};

    @TempDir
    Path tmp;

    private final HookServer backend = new HookServer();
    private HttpHooks hooks;
    private AuthFixture fixture;

    HttpHooksTest() throws Exception {
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        if (hooks != null) {
            hooks.close();
        }
        backend.close();
    }

    private Map<HookEvent, URI> urls(HookEvent... events) {
        Map<HookEvent, URI> m = new java.util.EnumMap<>(HookEvent.class);
        for (HookEvent e : events) {
            m.put(e, backend.url("/" + e.configName()));
        }
        return m;
    }

    private AuthFixture start(Map<String, AppHooks> apps, Path recordDir) {
        hooks = new HttpHooks(apps);
        fixture = new AuthFixture(hooks, hooks, recordDir);
        return fixture;
    }

    @Test
    void twoHundredAllowsAndTheJsonBodyCarriesEveryField() throws Exception {
        backend.answer("/on_publish", 204, null);
        AuthFixture f = start(Map.of("live", AppHooks.json(urls(HookEvent.CONNECT, HookEvent.PUBLISH))), null);
        f.client.publish(f.url("live/cam?key=k1&x=a%20b&q=%22")).get(10, TimeUnit.SECONDS);
        assertThat(f.nextStart()).isEqualTo("publish live/cam");
        String tcUrl = "rtmp://127.0.0.1:" + f.server.port() + "/live";

        HookServer.Received connect = backend.next();
        assertThat(connect.method()).isEqualTo("POST");
        assertThat(connect.path()).isEqualTo("/on_connect");
        assertThat(connect.contentType()).isEqualTo("application/json; charset=utf-8");
        Map<String, Object> c = connect.json();
        assertThat(c.keySet()).containsExactly("event", "clientId", "address", "ip", "app", "tcUrl", "flashVer");
        assertThat(c.get("event")).isEqualTo("connect");
        long id = (Long) c.get("clientId");
        assertThat((String) c.get("address")).startsWith("127.0.0.1:");
        assertThat(c.get("ip")).isEqualTo("127.0.0.1");
        assertThat(c.get("app")).isEqualTo("live");
        assertThat(c.get("tcUrl")).isEqualTo(tcUrl);
        assertThat((String) c.get("flashVer")).isNotEmpty();

        HookServer.Received publish = backend.next();
        assertThat(publish.path()).isEqualTo("/on_publish");
        Map<String, Object> p = publish.json();
        assertThat(p.keySet()).containsExactly("event", "clientId", "address", "ip", "app", "tcUrl", "flashVer",
                "stream", "query", "params");
        assertThat(p).containsEntry("event", "publish").containsEntry("clientId", id)
                .containsEntry("address", c.get("address")).containsEntry("ip", "127.0.0.1")
                .containsEntry("app", "live").containsEntry("tcUrl", tcUrl).containsEntry("flashVer", c.get("flashVer"))
                .containsEntry("stream", "cam").containsEntry("query", "key=k1&x=a%20b&q=%22")
                .containsEntry("params", Map.of("key", "k1", "x", "a b", "q", "\""));
        assertThat(f.server.connections()).extracting(ci -> ci.client().id()).containsExactly(id);
    }

    @Test
    void aForbiddenAnswerDeniesPublishAndPlay() throws Exception {
        backend.answer("/on_publish", 403, null).answer("/on_play", 403, null);
        AuthFixture f = start(Map.of("*", AppHooks.json(urls(HookEvent.PUBLISH, HookEvent.PLAY))), null);
        assertRefused(f.client.publish(f.url("live/cam")), StatusCode.PUBLISH_UNAUTHORIZED,
                "denied by on_publish (HTTP 403)");
        assertRefused(f.client.play(f.url("live/cam"), IGNORE), StatusCode.PLAY_FAILED,
                "denied by on_play (HTTP 403)");
        assertThat(backend.next().path()).isEqualTo("/on_publish");
        assertThat(backend.next().path()).isEqualTo("/on_play");
        assertThat(f.started).isEmpty();
        assertThat(f.server.hub().isPublished(StreamKey.of("live", "cam"))).isFalse();
    }

    @Test
    void aRedirectRenamesTheStreamToTheLocationsLastSegmentOrPlainName() throws Exception {
        backend.answer("/on_publish", 302, "rtmp://127.0.0.1/live/renamed?ignored=1")
                .answer("/on_play", 301, "renamed");
        AuthFixture f = start(Map.of("live", AppHooks.nginx(urls(HookEvent.PUBLISH, HookEvent.PLAY))), null);
        RtmpPublisher pub = f.client.publish(f.url("live/cam?key=k")).get(10, TimeUnit.SECONDS);
        assertThat(f.nextStart()).isEqualTo("publish live/renamed");
        assertThat(f.server.hub().isPublished(StreamKey.of("live", "renamed"))).isTrue();
        assertThat(f.server.hub().isPublished(StreamKey.of("live", "cam"))).isFalse();
        f.client.play(f.url("live/alias"), IGNORE).get(10, TimeUnit.SECONDS);
        assertThat(f.nextStart()).isEqualTo("play live/renamed");
        pub.closeAsync().get(10, TimeUnit.SECONDS);

        assertThat(HttpHooks.renameTo("rtmp://other.example/app/next")).contains("next");
        assertThat(HttpHooks.renameTo("next?x=1")).contains("next");
        assertThat(HttpHooks.renameTo("rtmp://other.example/app/")).isEmpty();
    }

    @Test
    void aRedirectWithoutLocationDenies() throws Exception {
        backend.answer("/on_publish", 302, null);
        AuthFixture f = start(Map.of("live", AppHooks.json(urls(HookEvent.PUBLISH))), null);
        assertRefused(f.client.publish(f.url("live/cam")), StatusCode.PUBLISH_UNAUTHORIZED, "HTTP 302");
    }

    @Test
    void aTimeoutDeniesAndFailOpenAllowsInstead() throws Exception {
        backend.hang("/on_publish");
        AppHooks strict = AppHooks.json(urls(HookEvent.PUBLISH)).withTimeout(Duration.ofMillis(500));
        AuthFixture f = start(Map.of("strict", strict, "lenient", strict.withFailOpen(true)), null);
        long t0 = System.nanoTime();
        assertRefused(f.client.publish(f.url("strict/cam")), StatusCode.PUBLISH_UNAUTHORIZED,
                "on_publish did not answer");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(500))
                .isLessThan(Duration.ofSeconds(5));
        f.client.publish(f.url("lenient/cam")).get(10, TimeUnit.SECONDS);
        assertThat(f.nextStart()).isEqualTo("publish lenient/cam");
        assertThat(backend.requests).hasSize(2);
    }

    @Test
    void aRefusedConnectionDeniesTheConnect() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + Peers.freePort() + "/on_connect");
        hooks = new HttpHooks(Map.of("live", AppHooks.nginx(Map.of(HookEvent.CONNECT, nobody))));
        fixture = new AuthFixture(hooks, hooks, null);
        try {
            fixture.client.publish(fixture.url("live/cam")).get(15, TimeUnit.SECONDS);
            throw new AssertionError("published although on_connect was refused");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(RtmpClientException.class);
            assertThat(((RtmpClientException) e.getCause()).kind()).isEqualTo(RtmpClientException.Kind.CONNECT_REJECTED);
        }
        // the same refusal with failOpen: allowed
        fixture.close();
        hooks.close();
        hooks = new HttpHooks(Map.of("live", AppHooks.nginx(Map.of(HookEvent.CONNECT, nobody)).withFailOpen(true)));
        fixture = new AuthFixture(hooks, hooks, null);
        fixture.client.publish(fixture.url("live/cam")).get(15, TimeUnit.SECONDS);
        assertThat(fixture.nextStart()).isEqualTo("publish live/cam");
    }

    @Test
    void theNginxFormBodyHasNginxRtmpsFieldsAndTheQueryCannotOverwriteThem() throws Exception {
        AuthFixture f = start(Map.of("live", AppHooks.nginx(urls(HookEvent.CONNECT, HookEvent.PUBLISH,
                HookEvent.PLAY))), null);
        f.client.publish(f.url("live/cam?key=k1&name=evil&addr=6.6.6.6&x=a+b")).get(10, TimeUnit.SECONDS);
        assertThat(f.nextStart()).isEqualTo("publish live/cam");
        String tcUrl = "rtmp://127.0.0.1:" + f.server.port() + "/live";

        HookServer.Received connect = backend.next();
        assertThat(connect.contentType()).isEqualTo("application/x-www-form-urlencoded");
        Map<String, String> c = connect.form();
        assertThat(c.keySet()).containsExactly("app", "flashver", "swfurl", "tcurl", "pageurl", "addr", "epoch",
                "call");
        assertThat(c).containsEntry("app", "live").containsEntry("swfurl", "").containsEntry("tcurl", tcUrl)
                .containsEntry("pageurl", "").containsEntry("addr", "127.0.0.1").containsEntry("call", "connect");
        assertThat(c.get("flashver")).isNotEmpty();

        Map<String, String> p = backend.next().form();
        assertThat(p.keySet()).containsExactly("app", "flashver", "swfurl", "tcurl", "pageurl", "addr", "clientid",
                "call", "name", "type", "key", "x");
        long id = f.server.connections().get(0).client().id();
        assertThat(p).containsEntry("app", "live").containsEntry("flashver", c.get("flashver"))
                .containsEntry("swfurl", "").containsEntry("tcurl", tcUrl).containsEntry("pageurl", "")
                .containsEntry("addr", "127.0.0.1").containsEntry("clientid", Long.toString(id))
                .containsEntry("call", "publish").containsEntry("name", "cam").containsEntry("type", "live")
                .containsEntry("key", "k1").containsEntry("x", "a b");

        f.client.play(f.url("live/cam?token=t"), IGNORE).get(10, TimeUnit.SECONDS);
        assertThat(f.nextStart()).isEqualTo("play live/cam");
        assertThat(backend.next().form().get("call")).isEqualTo("connect");
        Map<String, String> play = backend.next().form();
        assertThat(play.keySet()).containsExactly("app", "flashver", "swfurl", "tcurl", "pageurl", "addr",
                "clientid", "call", "name", "start", "duration", "reset", "token");
        assertThat(play).containsEntry("call", "play").containsEntry("name", "cam").containsEntry("token", "t");
    }

    @Test
    void ffmpegsPublishReachesAnNginxBackendAsNginxRtmpWouldSendIt() throws Exception {
        Path ffmpeg = Peers.require("ffmpeg", "ffmpeg");
        AuthFixture f = start(Map.of("live", AppHooks.nginx(urls(HookEvent.PUBLISH, HookEvent.PUBLISH_DONE))), null);
        Path log = tmp.resolve("ffmpeg.log");
        int rc = Peers.run(log, Duration.ofSeconds(30), List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-re",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-t", "1", "-c:v", "libx264", "-preset",
                "ultrafast", "-f", "flv", f.url("live/cam?key=K")));
        assertThat(rc).as("ffmpeg: %s", Files.readString(log)).isZero();
        Map<String, String> p = backend.next().form();
        assertThat(p).containsEntry("call", "publish").containsEntry("name", "cam").containsEntry("type", "live")
                .containsEntry("key", "K").containsEntry("addr", "127.0.0.1");
        assertThat(p.get("flashver")).startsWith("FMLE/3.0 (compatible; Lavf");
        Map<String, String> done = backend.next().form();
        assertThat(done).containsEntry("call", "publish_done").containsEntry("name", "cam")
                .containsEntry("clientid", p.get("clientid"));
    }

    @Test
    void publishDonePlayDoneAndRecordDoneNotificationsArrive() throws Exception {
        AuthFixture f = start(Map.of("*", AppHooks.json(urls(HookEvent.PUBLISH_DONE, HookEvent.PLAY_DONE,
                HookEvent.RECORD_DONE))), tmp);
        RtmpPublisher pub = f.client.publish(f.url("live/cam?key=k")).get(10, TimeUnit.SECONDS);
        assertThat(f.nextStart()).isEqualTo("publish live/cam");
        RtmpPlayer player = f.client.play(f.url("live/cam"), IGNORE).get(10, TimeUnit.SECONDS);
        assertThat(f.nextStart()).isEqualTo("play live/cam");
        pub.sendVideo(0, AVC_HEADER);
        pub.sendVideo(0, KEY);
        pub.sendVideo(40, INTER);
        pub.sendVideo(80, INTER);

        player.closeAsync().get(10, TimeUnit.SECONDS);
        Map<String, Object> playDone = backend.next().json();
        assertThat(playDone).containsEntry("event", "play_done").containsEntry("app", "live")
                .containsEntry("stream", "cam").containsEntry("query", "");

        pub.closeAsync().get(10, TimeUnit.SECONDS);
        Map<String, Object> first = backend.next().json();
        Map<String, Object> second = backend.next().json();
        Map<String, Object> publishDone = first.get("event").equals("publish_done") ? first : second;
        Map<String, Object> recordDone = first == publishDone ? second : first;
        assertThat(publishDone).containsEntry("event", "publish_done").containsEntry("stream", "cam")
                .containsEntry("params", Map.of("key", "k"));
        assertThat(recordDone.keySet()).containsExactly("event", "clientId", "address", "ip", "app", "tcUrl",
                "flashVer", "stream", "query", "params", "path", "durationMs");
        assertThat(recordDone).containsEntry("event", "record_done").containsEntry("stream", "cam")
                .containsEntry("durationMs", 80L).containsEntry("clientId", publishDone.get("clientId"));
        Path file = Path.of((String) recordDone.get("path"));
        assertThat(file).isRegularFile().startsWith(tmp);
    }

    @Test
    void aChainAsksTheRulesFirstAndTheHookOnlyForWhatTheyAllow() throws Exception {
        backend.answer("/on_publish", 302, "renamed").answer("/on_play", 403, null);
        hooks = new HttpHooks(Map.of("live", AppHooks.json(urls(HookEvent.PUBLISH, HookEvent.PLAY))));
        AccessRules rules = new AccessRules(Map.of("live", AppRules.OPEN.withPublish(StreamRule.keys(List.of("K")))));
        fixture = new AuthFixture(AccessChain.of(rules, hooks), hooks, null);
        assertRefused(fixture.client.publish(fixture.url("live/cam?key=bad")), StatusCode.PUBLISH_UNAUTHORIZED,
                "bad stream key");
        assertThat(backend.requests).as("the hook is not asked about what the rules deny").isEmpty();
        fixture.client.publish(fixture.url("live/cam?key=K")).get(10, TimeUnit.SECONDS);
        assertThat(fixture.nextStart()).isEqualTo("publish live/renamed");
        assertThat(backend.next().json()).containsEntry("event", "publish").containsEntry("stream", "cam");
        assertRefused(fixture.client.play(fixture.url("live/renamed"), IGNORE), StatusCode.PLAY_FAILED,
                "denied by on_play (HTTP 403)");
    }
}
