package io.rtmp4j.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.message.StatusCode;
import io.rtmp4j.netty.RtmpConnection;
import io.rtmp4j.netty.RtmpServer;
import io.rtmp4j.netty.client.RtmpClient;
import io.rtmp4j.netty.client.RtmpPublisher;
import io.rtmp4j.server.HubConfig;
import io.rtmp4j.server.LiveServer;
import io.rtmp4j.server.client.ClientCommandsTest.Run;
import io.rtmp4j.session.MediaKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rtmp4j publish} / {@code rtmp4j play} against servers that refuse, keep a player waiting, or ask
 * the client to reconnect (enhanced-rtmp-v2.md "Reconnect Request"): the rtmp4j live server and scripted
 * {@link RtmpServer}s. Each refusal is one line with the server's description and exit status 1.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientCommandsAgainstServersTest {

    @TempDir
    Path tmp;

    final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    LiveServer liveServer() {
        RtmpServer.Settings d = RtmpServer.Settings.defaults();
        LiveServer s = new LiveServer(new RtmpServer.Settings("127.0.0.1", 0, d.session(), d.handshakeTimeout(),
                d.idleTimeout(), d.closeTimeout(), d.writeLowWaterMark(), d.writeHighWaterMark(), d.maxConnections(),
                1), HubConfig.defaults(), null).start();
        toClose.add(s);
        return s;
    }

    RtmpServer scripted(RtmpServer.Builder b) {
        RtmpServer s = b.bind("127.0.0.1").port(0).build().start();
        toClose.add(s);
        return s;
    }

    static String url(int port, String app, String stream) {
        return "rtmp://127.0.0.1:" + port + "/" + app + "/" + stream;
    }

    static List<String> lines(String err) {
        return err.lines().toList();
    }

    /** See {@link FlvTestFiles#numbered}: {@code n} video frames of 60 bytes with audio. */
    Path file(int n) throws Exception {
        return FlvTestFiles.numbered(tmp.resolve("in.flv"), n, 60);
    }

    @Test
    void helpOfBothCommandsDescribesWaitAndNoReconnect() {
        for (String command : List.of("play", "publish")) {
            java.io.StringWriter out = new java.io.StringWriter();
            picocli.CommandLine cl = new picocli.CommandLine(new io.rtmp4j.cli.Main());
            cl.setOut(new java.io.PrintWriter(out, true));
            assertThat(cl.execute(command, "--help")).isZero();
            assertThat(out.toString()).contains("--no-reconnect").contains("Reconnect Request");
            if (command.equals("play")) {
                assertThat(out.toString()).contains("--wait=SECONDS").contains("StreamNotFound");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // play: never published, StreamNotFound, Play.Failed

    @Test
    void playOfAStreamNobodyPublishesSaysItWaitsThenGivesUpAfterWait() throws Exception {
        LiveServer server = liveServer(); // like nginx-rtmp, keeps the player waiting for a publisher
        Path out = tmp.resolve("nothing.flv");
        long start = System.nanoTime();
        Run r = ClientCommandsTest.run("play", url(server.port(), "live", "nothing"), "-o", out.toString(),
                "--timeout", "0.5", "--wait", "2");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(r.status()).as(r.err()).isEqualTo(1);
        assertThat(lines(r.err())).contains(
                "play: waiting for stream 'nothing' to be published",
                "play: no media from rtmp://127.0.0.1:" + server.port() + "/live stream 'nothing' within 2.0 s "
                        + "(--wait): is it published?");
        assertThat(ms).isGreaterThanOrEqualTo(2000).isLessThan(20_000);
        assertThat(out).as("no file is left behind").doesNotExist();
    }

    @Test
    void playRefusedWithStreamNotFoundOrPlayFailedExitsAtOnceWithTheDescription() throws Exception {
        RtmpServer server = scripted(RtmpServer.builder().onPlay((c, r) -> {
            if (r.streamName().equals("gone")) {
                r.rejectNotFound("gone is not here");
            } else {
                r.reject(StatusCode.PLAY_FAILED, "no licence for " + r.streamName());
            }
        }));
        Path out = tmp.resolve("o.flv");
        Run r = ClientCommandsTest.run("play", url(server.port(), "live", "gone"), "-o", out.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(lines(r.err())).containsExactly("play: stream 'gone' not found on rtmp://127.0.0.1:"
                + server.port() + "/live: NetStream.Play.StreamNotFound (gone is not here)");
        assertThat(out).doesNotExist();
        r = ClientCommandsTest.run("play", url(server.port(), "live", "paid"), "-o", out.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(lines(r.err())).containsExactly("play: play 'paid' on rtmp://127.0.0.1:" + server.port()
                + "/live rejected: NetStream.Play.Failed (no licence for paid)");
        assertThat(out).doesNotExist();
    }

    // ------------------------------------------------------------------------------------------------
    // publish: refused

    @Test
    void secondPublisherOfANameOnTheLiveServerExitsWith1AndTheServersReason() throws Exception {
        LiveServer server = liveServer();
        Path f = file(5);
        try (RtmpClient client = RtmpClient.create()) {
            RtmpPublisher first = client.publish(url(server.port(), "live", "busy")).get(10, TimeUnit.SECONDS);
            Run r = ClientCommandsTest.run("publish", f.toString(), url(server.port(), "live", "busy"));
            assertThat(r.status()).isEqualTo(1);
            assertThat(lines(r.err())).hasSize(1);
            assertThat(r.err()).startsWith("publish: publish 'busy' to rtmp://127.0.0.1:" + server.port()
                    + "/live rejected: NetStream.Publish.BadName (");
            first.closeAsync().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void rejectedConnectAndBadNameFromAScriptedServerAreOneLineEach() throws Exception {
        RtmpServer server = scripted(RtmpServer.builder()
                .onConnect((c, r) -> {
                    if (r.app().equals("private")) {
                        r.reject("app private needs a token");
                    } else {
                        r.accept();
                    }
                })
                .onPublish((c, r) -> r.rejectBadName("stream key " + r.streamName() + " is unknown")));
        Path f = file(5);
        Run r = ClientCommandsTest.run("publish", f.toString(), url(server.port(), "private", "x"));
        assertThat(r.status()).isEqualTo(1);
        assertThat(lines(r.err())).containsExactly("publish: connect to rtmp://127.0.0.1:" + server.port()
                + "/private refused by the server: NetConnection.Connect.Rejected (app private needs a token)");
        r = ClientCommandsTest.run("publish", f.toString(), url(server.port(), "live", "k3y"));
        assertThat(r.status()).isEqualTo(1);
        assertThat(lines(r.err())).containsExactly("publish: publish 'k3y' to rtmp://127.0.0.1:" + server.port()
                + "/live rejected: NetStream.Publish.BadName (stream key k3y is unknown)");
    }

    // ------------------------------------------------------------------------------------------------
    // Reconnect Request

    /** Per publishing connection of a scripted server: the media it received, in order. */
    static final class Publications {
        final Map<RtmpConnection, List<long[]>> media = new ConcurrentHashMap<>();
        final List<RtmpConnection> order = new CopyOnWriteArrayList<>();

        RtmpServer.Builder builder() {
            return RtmpServer.builder()
                    .onPublish((c, r) -> {
                        media.put(c, new CopyOnWriteArrayList<>());
                        order.add(c);
                        r.accept();
                    })
                    .onMedia((c, kind, id, ts, p) -> {
                        if (kind == MediaKind.VIDEO && p.length > 6 && p[1] == 1) {
                            media.get(c).add(new long[] {ts, p[6], p[0]});
                            synchronized (this) {
                                notifyAll();
                            }
                        }
                    });
        }

        synchronized List<long[]> await(int connection, int frames) throws InterruptedException {
            while (order.size() <= connection || media.get(order.get(connection)).size() < frames) {
                wait(1000);
            }
            return media.get(order.get(connection));
        }
    }

    @Test
    void publishMovesToTheServerNamedByAReconnectRequestAndTheFileGoesOn() throws Exception {
        Publications onA = new Publications();
        Publications onB = new Publications();
        RtmpServer a = scripted(onA.builder());
        RtmpServer b = scripted(onB.builder());
        Path f = file(60); // 2.4 s in real time
        CompletableFuture<Run> publish = CompletableFuture.supplyAsync(() -> ClientCommandsTest.run("publish",
                f.toString(), url(a.port(), "live", "cam")));
        onA.await(0, 12);
        RtmpConnection ca = onA.order.get(0);
        ca.execute(() -> ca.session().sendReconnectRequest("rtmp://127.0.0.1:" + b.port() + "/live", "draining"));
        Run r = publish.get(30, TimeUnit.SECONDS);
        assertThat(r.status()).as(r.err()).isZero();
        List<long[]> first = onA.media.get(ca);
        List<long[]> second = onB.await(0, 1);
        assertThat(onB.order).hasSize(1);
        List<Long> indexes = new ArrayList<>();
        first.forEach(m -> indexes.add(m[1]));
        second.forEach(m -> indexes.add(m[1]));
        List<Long> all = new ArrayList<>();
        for (long i = 0; i < 60; i++) {
            all.add(i);
        }
        assertThat(indexes).as("every frame once, in order, across both servers").isEqualTo(all);
        assertThat(second.get(0)[2]).as("B starts with a key frame").isEqualTo(0x17);
        assertThat(second.get(0)[0]).as("timestamps continue").isEqualTo(40 * second.get(0)[1]);
    }

    @Test
    void publishWithNoReconnectStaysWhereItIs() throws Exception {
        Publications onA = new Publications();
        Publications onB = new Publications();
        RtmpServer a = scripted(onA.builder());
        RtmpServer b = scripted(onB.builder());
        Path f = file(30);
        CompletableFuture<Run> publish = CompletableFuture.supplyAsync(() -> ClientCommandsTest.run("publish",
                f.toString(), url(a.port(), "live", "cam"), "--no-reconnect"));
        onA.await(0, 5);
        RtmpConnection ca = onA.order.get(0);
        ca.execute(() -> ca.session().sendReconnectRequest("rtmp://127.0.0.1:" + b.port() + "/live", null));
        Run r = publish.get(30, TimeUnit.SECONDS);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(onA.media.get(ca)).hasSize(30);
        assertThat(onB.order).isEmpty();
    }
}
