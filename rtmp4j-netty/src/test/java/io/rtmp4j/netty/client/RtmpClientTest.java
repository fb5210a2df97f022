package io.rtmp4j.netty.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.flv.ScriptTag;
import io.rtmp4j.message.StatusCode;
import io.rtmp4j.netty.RtmpConnection;
import io.rtmp4j.netty.RtmpServer;
import io.rtmp4j.session.ConnectRequest;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import io.rtmp4j.session.PlayRequest;
import io.rtmp4j.session.PublishRequest;
import io.rtmp4j.session.ServerSession;
import io.rtmp4j.session.ServerSessionListener;
import io.rtmp4j.session.StatusEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link RtmpClient} against rtmp4j's own Netty server ({@link RtmpServer}) with a scripted application:
 * publish (every byte arrives, in order, before the unpublish), play (media, metadata, the end of the
 * stream), and the errors a person must be able to read: refused TCP connection, refused connect, refused
 * publish (BadName), missing stream (Play.StreamNotFound).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RtmpClientTest {

    /** What the scripted server saw, per publication. */
    static final class Seen {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final CompletableFuture<Void> unpublished = new CompletableFuture<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        final MessageDigest digest = sha256();
        long mediaBytes;
        long mediaCount;
    }

    static final List<Seen> PUBLICATIONS = new CopyOnWriteArrayList<>();
    static RtmpServer server;
    static RtmpClient client;

    @BeforeAll
    static void start() {
        server = RtmpServer.builder().bind("127.0.0.1").port(0).listener(ScriptedApp::new).build().start();
        client = RtmpClient.create(RtmpClient.Settings.defaults().withResponseTimeout(Duration.ofSeconds(5))
                .withCloseTimeout(Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static String url(String app, String stream) {
        return "rtmp://127.0.0.1:" + server.port() + "/" + app + "/" + stream;
    }

    /**
     * The server application: app "refuse" is refused; publish "taken" gets BadName; play "missing" gets
     * StreamNotFound; play "demo" gets metadata, a sequence header, 10 video and 10 audio frames, then
     * StreamEOF + UnpublishNotify.
     */
    static final class ScriptedApp implements ServerSessionListener {
        private final RtmpConnection conn;
        private Seen seen;

        ScriptedApp(RtmpConnection conn) {
            this.conn = conn;
        }

        @Override
        public void onConnect(ConnectRequest r) {
            if (r.app().equals("refuse")) {
                r.reject("no such application");
            } else {
                r.accept();
            }
        }

        @Override
        public void onPublish(PublishRequest r) {
            if (r.streamName().equals("taken")) {
                r.rejectBadName("taken is already being published");
                return;
            }
            seen = new Seen();
            seen.events.add("publish " + r.streamName());
            PUBLICATIONS.add(seen);
            r.accept();
        }

        @Override
        public void onMetadata(Metadata m) {
            if (seen != null) {
                seen.events.add("metadata width=" + m.properties().number("width").orElse(-1.0));
            }
        }

        @Override
        public void onMedia(MediaKind kind, int streamId, long timestamp, byte[] payload) {
            if (seen != null) {
                seen.mediaCount++;
                seen.mediaBytes += payload.length;
                seen.digest.update(payload);
                if (seen.mediaCount <= 4) {
                    seen.events.add(kind + " " + timestamp + " " + payload.length);
                }
            }
        }

        @Override
        public void onUnpublish(int streamId, String streamName) {
            if (seen != null) {
                seen.events.add("unpublish after " + seen.mediaCount + " media");
                seen.unpublished.complete(null);
            }
        }

        @Override
        public void onPlay(PlayRequest r) {
            if (r.streamName().equals("missing")) {
                r.rejectNotFound("missing is not published");
                return;
            }
            r.accept();
            ServerSession s = conn.session();
            int id = r.streamId();
            s.sendData(id, 0, ScriptTag.onMetaData(Amf0EcmaArray.builder().put("width", 320.0).build()).encode());
            s.sendVideo(id, 0, new byte[] {0x17, 0, 0, 0, 0, 1, 0x42, 0, 0x1E});
            for (int i = 0; i < 10; i++) {
                s.sendVideo(id, 40L * i, new byte[] {(byte) (i == 0 ? 0x17 : 0x27), 1, 0, 0, 0, (byte) i});
                s.sendAudio(id, 40L * i + 5, new byte[] {(byte) 0xAF, 1, (byte) i});
            }
            s.notifyUnpublish(id);
        }

        @Override
        public void onCreateStream(int streamId) {
            if (conn.session().app().equals("moving")) {
                // enhanced-rtmp-v2.md "Reconnect Request": a relative tcUrl, resolved by the client
                conn.session().sendReconnectRequest("/elsewhere", "maintenance");
            }
        }

        @Override
        public void onClose(String reason) {
            if (seen != null) {
                seen.closed.complete(reason);
            }
        }
    }

    // ---- publish ----

    @Test
    void publishSendsMetadataAndMediaInOrderThenUnpublishesGracefully() throws Exception {
        int before = PUBLICATIONS.size();
        RtmpPublisher p = client.publish(url("live", "cam1")).get(10, TimeUnit.SECONDS);
        assertThat(p.streamName()).isEqualTo("cam1");
        assertThat(p.streamId()).isPositive();
        p.sendMetadata(Amf0EcmaArray.builder().put("width", 320.0).build());
        p.sendVideo(0, new byte[] {0x17, 0, 0, 0, 0, 1, 0x42});
        p.sendAudio(0, new byte[] {(byte) 0xAF, 0, 0x12, 0x10});
        for (int i = 1; i <= 50; i++) {
            p.sendVideo(40L * i, new byte[] {0x27, 1, 0, 0, 0, (byte) i});
        }
        p.closeAsync().get(10, TimeUnit.SECONDS);
        Seen seen = PUBLICATIONS.get(before);
        seen.unpublished.get(5, TimeUnit.SECONDS);
        assertThat(seen.events).startsWith("publish cam1", "metadata width=320.0", "VIDEO 0 7", "AUDIO 0 4",
                "VIDEO 40 6");
        // docs/INTEROP.md "Closing": every frame arrives before the end of the publication
        assertThat(seen.events).last().isEqualTo("unpublish after 52 media");
    }

    @Test
    void largePublishArrivesByteForByte() throws Exception {
        // docs/INTEROP.md "Chunk stream": partial writes must be retried until every byte is out. 120 frames of
        // 256 KiB (30 MiB) sent as fast as the socket takes them, with backpressure from whenWritable().
        int before = PUBLICATIONS.size();
        RtmpPublisher p = client.publish(url("live", "big")).get(10, TimeUnit.SECONDS);
        MessageDigest sent = sha256();
        SplittableRandom random = new SplittableRandom(7);
        long bytes = 0;
        for (int i = 0; i < 120; i++) {
            byte[] frame = new byte[256 * 1024];
            random.nextBytes(frame);
            frame[0] = (byte) (i % 25 == 0 ? 0x17 : 0x27);
            frame[1] = 1;
            sent.update(frame);
            bytes += frame.length;
            p.whenWritable().get(10, TimeUnit.SECONDS);
            p.sendVideo(40L * i, frame);
        }
        p.closeAsync().get(20, TimeUnit.SECONDS);
        Seen seen = PUBLICATIONS.get(before);
        seen.unpublished.get(10, TimeUnit.SECONDS);
        assertThat(seen.mediaCount).isEqualTo(120);
        assertThat(seen.mediaBytes).isEqualTo(bytes);
        assertThat(HexFormat.of().formatHex(seen.digest.digest())).isEqualTo(HexFormat.of().formatHex(sent.digest()));
    }

    @Test
    void rejectedPublishSaysBadName() {
        assertThatThrownBy(() -> client.publish(url("live", "taken")).join())
                .isInstanceOf(CompletionException.class)
                .extracting(RtmpClientException::unwrap)
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(RtmpClientException.Kind.PUBLISH_REJECTED);
                    assertThat(e.statusCode()).contains("NetStream.Publish.BadName");
                    assertThat(e.getMessage()).contains("publish 'taken'").contains("NetStream.Publish.BadName")
                            .contains("taken is already being published");
                });
    }

    @Test
    void publishWithoutStreamNameFails() throws Exception {
        RtmpClientConnection c = client.connect("rtmp://127.0.0.1:" + server.port() + "/live").get(10,
                TimeUnit.SECONDS);
        assertThatThrownBy(() -> c.publish().join()).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no stream name");
        c.closeAsync().get(10, TimeUnit.SECONDS);
    }

    // ---- errors before publish / play ----

    @Test
    void refusedTcpConnectionIsReported() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        assertThatThrownBy(() -> client.publish("rtmp://127.0.0.1:" + port + "/live/x").join())
                .extracting(RtmpClientException::unwrap)
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(RtmpClientException.Kind.CONNECTION_FAILED);
                    assertThat(e.getMessage()).isEqualTo("cannot connect to 127.0.0.1:" + port
                            + ": connection refused");
                });
    }

    @Test
    void refusedConnectIsReported() {
        assertThatThrownBy(() -> client.connect(url("refuse", "x")).join())
                .extracting(RtmpClientException::unwrap)
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(RtmpClientException.Kind.CONNECT_REJECTED);
                    assertThat(e.statusCode()).contains(StatusCode.CONNECT_REJECTED.code());
                    assertThat(e.getMessage()).contains("refused by the server").contains("no such application");
                });
    }

    @Test
    void connectResultIsExposed() throws Exception {
        RtmpClientConnection c = client.connect(url("live", "x")).get(10, TimeUnit.SECONDS);
        assertThat(c.connectResult().info().string("code")).contains(StatusCode.CONNECT_SUCCESS.code());
        assertThat(c.isOpen()).isTrue();
        assertThat(c.closeAsync().get(10, TimeUnit.SECONDS)).isEqualTo("closed by the client");
        assertThat(c.isOpen()).isFalse();
    }

    // ---- play ----

    @Test
    void missingStreamSaysStreamNotFound() {
        assertThatThrownBy(() -> client.play(url("live", "missing"), new PlayListener() { }).join())
                .extracting(RtmpClientException::unwrap)
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(RtmpClientException.Kind.STREAM_NOT_FOUND);
                    assertThat(e.statusCode()).contains(StatusCode.PLAY_STREAM_NOT_FOUND.code());
                    assertThat(e.getMessage()).contains("stream 'missing' not found")
                            .contains("missing is not published");
                });
    }

    @Test
    void playDeliversMetadataMediaAndTheEnd() throws Exception {
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> ended = new CompletableFuture<>();
        RtmpPlayer player = client.play(url("live", "demo"), new PlayListener() {
            @Override
            public void onMetadata(Metadata m) {
                got.add("metadata " + m.properties().number("width").orElse(-1.0));
            }

            @Override
            public void onMedia(MediaKind kind, long timestamp, byte[] payload) {
                got.add(kind + " " + timestamp);
            }

            @Override
            public void onStatus(StatusEvent s) {
                got.add(s.code());
            }

            @Override
            public void onStreamEnd(String reason) {
                got.add("end " + reason);
                ended.complete(reason);
            }
        }).get(10, TimeUnit.SECONDS);
        assertThat(player.streamName()).isEqualTo("demo");
        assertThat(ended.get(10, TimeUnit.SECONDS)).isEqualTo("StreamEOF");
        player.closeAsync().get(10, TimeUnit.SECONDS);
        assertThat(got).containsSubsequence("NetStream.Play.Start", "metadata 320.0", "VIDEO 0", "VIDEO 0",
                "AUDIO 5", "VIDEO 40", "AUDIO 365", "end StreamEOF", "NetStream.Play.UnpublishNotify",
                "end NetStream.Play.UnpublishNotify");
        assertThat(got.stream().filter(s -> s.startsWith("VIDEO"))).hasSize(11);
        assertThat(got.stream().filter(s -> s.startsWith("AUDIO"))).hasSize(10);
    }

    // ---- callbacks run on the connection's event loop: no blocking there (issue 11) ----

    @Test
    void closeFromInsideACallbackCompletes() throws Exception {
        RtmpClientConnection c = client.connect(url("live", "demo")).get(10, TimeUnit.SECONDS);
        CompletableFuture<RtmpPlayer> self = new CompletableFuture<>();
        CompletableFuture<String> closed = new CompletableFuture<>();
        c.play(new PlayListener() {
            @Override
            public void onStreamEnd(String reason) {
                RtmpPlayer player = self.getNow(null);
                if (player == null) {
                    closed.completeExceptionally(new AssertionError("the stream ended before play() completed"));
                } else if (!closed.isDone()) {
                    player.closeAsync().thenAccept(closed::complete); // the non-blocking way
                }
            }
        }).thenAccept(self::complete);
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo("playback ended");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void blockingOnACloseFutureInsideACallbackFailsAtOnceInsteadOfDeadlocking() throws Exception {
        // its own client: before the fix this wait hung the client's only event loop for good
        RtmpClient own = RtmpClient.create();
        CompletableFuture<RtmpPlayer> self = new CompletableFuture<>();
        CompletableFuture<List<Throwable>> outcome = new CompletableFuture<>();
        try {
            RtmpClientConnection c = own.connect(url("live", "demo")).get(10, TimeUnit.SECONDS);
            c.play(new PlayListener() {
                @Override
                public void onStreamEnd(String reason) {
                    RtmpPlayer player = self.getNow(null);
                    if (player == null || outcome.isDone()) {
                        outcome.completeExceptionally(new AssertionError("the stream ended before play() completed"));
                        return;
                    }
                    List<Throwable> thrown = new ArrayList<>();
                    CompletableFuture<String> f = player.closeAsync();
                    try {
                        f.get();
                    } catch (Throwable t) {
                        thrown.add(t);
                    }
                    try {
                        f.join();
                    } catch (Throwable t) {
                        thrown.add(t);
                    }
                    try {
                        f.thenApply(String::length).get(1, TimeUnit.SECONDS);
                    } catch (Throwable t) {
                        thrown.add(t);
                    }
                    outcome.complete(thrown);
                }
            }).thenAccept(self::complete);
            List<Throwable> thrown = outcome.get(10, TimeUnit.SECONDS);
            assertThat(thrown).hasSize(3).allSatisfy(t -> assertThat(t).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("event loop").hasMessageContaining("thenAccept"));
            // the close itself went on, and the future completes for those who wait elsewhere
            assertThat(self.get().closeFuture().get(10, TimeUnit.SECONDS)).isEqualTo("playback ended");
        } finally {
            if (outcome.isDone()) {
                own.close(); // a hung event loop would never shut down
            }
        }
    }

    @Test
    void reconnectRequestReachesTheHandlerAndNothingIsTornDown() throws Exception {
        RtmpClientConnection c = client.connect(url("moving", "cam")).get(10, TimeUnit.SECONDS);
        CompletableFuture<io.rtmp4j.session.ReconnectRequest> request = new CompletableFuture<>();
        c.onReconnectRequest(request::complete);
        RtmpPublisher p = c.publish().get(10, TimeUnit.SECONDS);
        io.rtmp4j.session.ReconnectRequest r = request.get(10, TimeUnit.SECONDS);
        assertThat(r.tcUrl()).isEqualTo("rtmp://127.0.0.1:" + server.port() + "/elsewhere");
        assertThat(r.description()).contains("maintenance");
        assertThat(p.isOpen()).isTrue();
        p.closeAsync().get(10, TimeUnit.SECONDS);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
