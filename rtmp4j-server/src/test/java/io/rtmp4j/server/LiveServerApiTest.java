package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.message.StatusCode;
import io.rtmp4j.netty.client.PlayListener;
import io.rtmp4j.netty.client.RtmpClient;
import io.rtmp4j.netty.client.RtmpClientException;
import io.rtmp4j.netty.client.RtmpPlayer;
import io.rtmp4j.netty.client.RtmpPublisher;
import io.rtmp4j.session.MediaKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embeddable server ({@link LiveServer#builder()}): asynchronous decisions before anything flows,
 * events for every start and stop, the registry of connections and streams, a graceful close; with our
 * client as publisher and player over real sockets (and ffmpeg in {@link LiveServerExampleTest}).
 */
@Timeout(60)
class LiveServerApiTest {

    private static final byte[] AVC_HEADER = {0x17, 0, 0, 0, 0, 1, 0x42, 0, 0x1E}; // flv-10.1.txt E.4.3.1
    private static final byte[] KEY = {0x17, 1, 0, 0, 0, 9};
    private static final byte[] INTER = {0x27, 1, 0, 0, 0, 8};

    @TempDir
    Path tmp;

    private final ScheduledExecutorService auth = Executors.newSingleThreadScheduledExecutor();
    private final RtmpClient client = RtmpClient.create();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private LiveServer server;

    @AfterEach
    void stop() {
        client.close();
        if (server != null) {
            server.close(Duration.ofSeconds(2));
        }
        auth.shutdownNow();
    }

    /** Records every event as one line. */
    private final ServerEvents recorder = new ServerEvents() {
        @Override
        public void onConnect(ClientInfo c) {
            events.add("connect " + c.id());
        }

        @Override
        public void onConnected(ClientInfo c) {
            events.add("connected " + c.id() + " " + c.app());
        }

        @Override
        public void onDisconnect(ClientInfo c, String reason) {
            events.add("disconnect " + c.id());
        }

        @Override
        public void onPublishStart(StreamRequestInfo r) {
            events.add("publish " + r.app() + "/" + r.stream() + " " + r.params());
        }

        @Override
        public void onPublishStop(StreamRequestInfo r) {
            events.add("unpublish " + r.app() + "/" + r.stream());
        }

        @Override
        public void onPlayStart(StreamRequestInfo r) {
            events.add("play " + r.app() + "/" + r.stream());
        }

        @Override
        public void onPlayStop(StreamRequestInfo r) {
            events.add("stop " + r.app() + "/" + r.stream());
        }

        @Override
        public void onRecordDone(StreamRequestInfo r, Path file, Duration d) {
            events.add("recorded " + r.stream() + " " + Files.isRegularFile(file) + " " + d.toMillis());
        }
    };

    /** A stream key check completed 300 ms later on another thread, as an HTTP call would. */
    private CompletionStage<Decision> keyCheck(StreamRequestInfo r) {
        CompletableFuture<Decision> f = new CompletableFuture<>();
        auth.schedule(() -> f.complete("s3cret".equals(r.params().get("key")) ? Decision.allow()
                : Decision.deny("bad stream key")), 300, TimeUnit.MILLISECONDS);
        return f;
    }

    private LiveServer start(AccessControl access, Path record) {
        server = LiveServer.builder().bind("127.0.0.1").port(0).recordTo(record).access(access).events(recorder)
                .start();
        return server;
    }

    private String url(String path) {
        return "rtmp://127.0.0.1:" + server.port() + "/live/" + path;
    }

    private static final class Frames implements PlayListener {
        final List<Long> video = new CopyOnWriteArrayList<>();

        @Override
        public void onMedia(MediaKind kind, long timestamp, byte[] payload) {
            if (kind == MediaKind.VIDEO) {
                video.add(timestamp);
            }
        }
    }

    @Test
    void anAsyncKeyCheckDecidesBeforeAnythingFlowsAndEveryStartAndStopIsReported() throws Exception {
        start(AccessControl.forPublish(this::keyCheck), tmp);
        Frames frames = new Frames();
        RtmpPlayer player = client.play(url("cam"), frames).get(10, TimeUnit.SECONDS);

        // a wrong key: refused with NetStream.Publish.Unauthorized after the check; nothing published
        assertThatThrownBy(() -> client.publish(url("cam?key=wrong")).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(RtmpClientException.class)
                .satisfies(e -> assertThat(((RtmpClientException) e).statusCode())
                        .contains(StatusCode.PUBLISH_UNAUTHORIZED.code()));
        assertThat(server.hub().isPublished(StreamKey.of("live", "cam"))).isFalse();
        assertThat(frames.video).as("nothing of the refused publisher reached the player").isEmpty();
        assertThat(tmp.resolve("live")).as("nor a recording").doesNotExist();

        // the right key: published under the name without its query string
        RtmpPublisher pub = client.publish(url("cam?key=s3cret")).get(10, TimeUnit.SECONDS);
        assertThat(server.hub().isPublished(StreamKey.of("live", "cam"))).isTrue();
        pub.sendVideo(0, AVC_HEADER);
        pub.sendVideo(0, KEY);
        pub.sendVideo(40, INTER);
        pub.sendVideo(80, INTER);
        assertThat(Peers.waitFor(() -> frames.video.size() >= 4, Duration.ofSeconds(10))).isTrue();

        // the registry: both connections, the stream with its publisher and player
        List<LiveServer.ConnectionInfo> conns = server.connections();
        assertThat(conns).extracting(c -> c.publishing() + " " + c.playing())
                .contains("[] [live/cam]", "[live/cam] []");
        LiveServer.StreamInfo stream = server.streams().stream().filter(s -> s.stream().equals("cam")).findFirst()
                .orElseThrow();
        assertThat(stream.players()).isEqualTo(1);
        assertThat(stream.messagesIn()).isEqualTo(4);
        assertThat(stream.bytesIn()).isEqualTo(AVC_HEADER.length + 3L * KEY.length);
        long publisherId = stream.publisher().orElseThrow().id();
        assertThat(conns).filteredOn(c -> c.client().id() == publisherId).singleElement()
                .satisfies(c -> assertThat(c.client().address()).startsWith("127.0.0.1:"));

        pub.closeAsync().get(10, TimeUnit.SECONDS);
        player.closeAsync().get(10, TimeUnit.SECONDS);
        assertThat(Peers.waitFor(() -> events.stream().filter(e -> e.startsWith("disconnect")).count() == 3,
                Duration.ofSeconds(10))).as("events: %s", events).isTrue();
        long playerId = 1; // the first connection
        assertThat(events).containsSubsequence("connect " + playerId, "connected " + playerId + " live",
                "play live/cam");
        assertThat(events).containsSubsequence("publish live/cam {key=s3cret}", "unpublish live/cam",
                "recorded cam true 80", "disconnect " + publisherId);
        assertThat(events).containsSubsequence("stop live/cam", "disconnect " + playerId);
        assertThat(events).filteredOn(e -> e.startsWith("publish ")).hasSize(1);
        assertThat(server.connections()).isEmpty();
    }

    @Test
    void publishersAndPlayersAreAutoCloseableAndCloseHasEndedTheStreamWhenItReturns() throws Exception {
        start(AccessControl.OPEN, null);
        try (RtmpPlayer player = client.play(url("twr"), new Frames()).get(10, TimeUnit.SECONDS);
             RtmpPublisher pub = client.publish(url("twr")).get(10, TimeUnit.SECONDS)) {
            pub.sendVideo(0, AVC_HEADER);
            assertThat(server.hub().isPublished(StreamKey.of("live", "twr"))).isTrue();
            assertThat(player.isOpen()).isTrue();
        }
        // close() waited for the graceful end: the server has seen both go
        assertThat(server.hub().isPublished(StreamKey.of("live", "twr"))).isFalse();
        assertThat(Peers.waitFor(() -> server.connections().isEmpty(), Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aPendingPublishGetsNoPublishStartAndItsPlayersNoMediaUntilTheDecision() throws Exception {
        CompletableFuture<Decision> decision = new CompletableFuture<>();
        AtomicInteger asked = new AtomicInteger();
        start(AccessControl.forPublish(r -> {
            asked.incrementAndGet();
            return decision;
        }), null);
        Frames frames = new Frames();
        client.play(url("held"), frames).get(10, TimeUnit.SECONDS);
        CompletableFuture<RtmpPublisher> publishing = client.publish(url("held"));
        assertThat(Peers.waitFor(() -> asked.get() == 1, Duration.ofSeconds(10))).isTrue();
        assertThat(publishing).isNotDone();
        assertThat(server.hub().isPublished(StreamKey.of("live", "held"))).isFalse();

        // decided on another thread: the publisher gets Publish.Start, then its media flows
        auth.execute(() -> decision.complete(Decision.rename("renamed")));
        RtmpPublisher pub = publishing.get(10, TimeUnit.SECONDS);
        assertThat(server.hub().isPublished(StreamKey.of("live", "renamed"))).isTrue();
        assertThat(server.hub().isPublished(StreamKey.of("live", "held"))).isFalse();
        pub.sendVideo(0, AVC_HEADER);
        pub.sendVideo(0, KEY);
        Frames renamed = new Frames();
        client.play(url("renamed"), renamed).get(10, TimeUnit.SECONDS);
        assertThat(Peers.waitFor(() -> renamed.video.size() >= 2, Duration.ofSeconds(10))).isTrue();
        assertThat(frames.video).as("the player of the name asked for").isEmpty();
    }

    @Test
    void aFailedOrThrowingAccessControlDeniesAndTheServerGoesOn() throws Exception {
        start(new AccessControl() {
            @Override
            public CompletionStage<Decision> connect(ClientInfo c) {
                return c.app().equals("forbidden") ? CompletableFuture.completedFuture(Decision.deny("no"))
                        : Decision.allowed();
            }

            @Override
            public CompletionStage<Decision> publish(StreamRequestInfo r) {
                if (r.stream().equals("throws")) {
                    throw new IllegalStateException("a bug in the application");
                }
                return CompletableFuture.failedFuture(new IllegalStateException("the auth service is down"));
            }

            @Override
            public CompletionStage<Decision> play(StreamRequestInfo r) {
                return CompletableFuture.completedFuture(Decision.deny(StatusCode.PLAY_STREAM_NOT_FOUND, "hidden"));
            }
        }, null);
        for (String name : List.of("throws", "fails")) {
            assertThatThrownBy(() -> client.publish(url(name)).get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(RtmpClientException.class)
                    .satisfies(e -> assertThat(((RtmpClientException) e).statusCode())
                            .contains(StatusCode.PUBLISH_UNAUTHORIZED.code()));
        }
        assertThatThrownBy(() -> client.play(url("any"), new Frames()).get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(RtmpClientException.class)
                .satisfies(e -> assertThat(((RtmpClientException) e).statusCode())
                        .contains(StatusCode.PLAY_STREAM_NOT_FOUND.code()));
        assertThatThrownBy(() -> client.publish("rtmp://127.0.0.1:" + server.port() + "/forbidden/x")
                .get(10, TimeUnit.SECONDS)).cause().isInstanceOf(RtmpClientException.class)
                .satisfies(e -> assertThat(((RtmpClientException) e).kind())
                        .isEqualTo(RtmpClientException.Kind.CONNECT_REJECTED));
    }

    @Test
    void disconnectAndStopPublishingCloseOneConnectionAndTheGracefulCloseEndsEveryPublication() throws Exception {
        start(AccessControl.OPEN, tmp);
        RtmpPublisher a = client.publish(url("a")).get(10, TimeUnit.SECONDS);
        RtmpPublisher b = client.publish(url("b")).get(10, TimeUnit.SECONDS);
        RtmpPlayer player = client.play(url("a"), new Frames()).get(10, TimeUnit.SECONDS);
        a.sendVideo(0, AVC_HEADER);
        b.sendVideo(0, AVC_HEADER);
        assertThat(Peers.waitFor(() -> server.connections().size() == 3, Duration.ofSeconds(10))).isTrue();
        long playerId = server.connections().stream().filter(c -> !c.playing().isEmpty()).findFirst().orElseThrow()
                .client().id();
        assertThat(server.disconnect(playerId, "kicked")).isTrue();
        assertThat(player.closeFuture().get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.disconnect(playerId, "again")).isFalse();

        assertThat(server.stopPublishing("live", "b")).isTrue();
        b.closeFuture().get(10, TimeUnit.SECONDS);
        assertThat(server.stopPublishing("live", "b")).isFalse();

        long start = System.nanoTime();
        server.close(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        // the remaining publisher was ended with its status, not a reset
        String reason = a.closeFuture().get(10, TimeUnit.SECONDS);
        assertThat(reason).as("publisher's close reason").doesNotContainIgnoringCase("reset");
        assertThat(events).contains("unpublish live/a", "unpublish live/b");
        assertThat(events).filteredOn(e -> e.startsWith("recorded ")).hasSize(2);
        server.awaitClose(); // returns at once: closed
    }
}
