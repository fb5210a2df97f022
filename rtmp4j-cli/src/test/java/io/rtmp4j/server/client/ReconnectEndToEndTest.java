package io.rtmp4j.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.ScriptTag;
import io.rtmp4j.netty.RtmpConnection;
import io.rtmp4j.netty.RtmpServer;
import io.rtmp4j.server.client.ClientCommandsTest.Run;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import io.rtmp4j.session.PlayRequest;
import io.rtmp4j.session.PublishRequest;
import io.rtmp4j.session.ServerSessionConfig;
import io.rtmp4j.session.ServerSessionListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rtmp4j publish} and {@code rtmp4j play} both moved from server A to server B by Enhanced RTMP
 * Reconnect Requests (enhanced-rtmp-v2.md "Reconnect Request"), as when A is drained for maintenance. The
 * servers are scripted relays built on {@link RtmpServer} (one event loop each, so relaying needs no lock):
 * a publisher's media goes to the players of its stream name, a late player first gets the metadata,
 * sequence headers and last GOP, and a player of a stream not published yet waits (as nginx-rtmp and
 * rtmp4j's own server do).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReconnectEndToEndTest {

    @TempDir
    Path tmp;

    final List<Relay> relays = new ArrayList<>();

    @AfterEach
    void stop() {
        relays.forEach(r -> r.server.close());
    }

    /** A one-stream relay. Everything runs on its single event loop. */
    static final class Relay {
        final RtmpServer server;
        final List<RtmpConnection> publishers = new CopyOnWriteArrayList<>();
        final List<RtmpConnection> players = new CopyOnWriteArrayList<>();
        final List<Integer> playerStreams = new CopyOnWriteArrayList<>();
        byte[] metadata;
        byte[] videoHeader;
        byte[] audioHeader;
        final List<Object[]> gop = new ArrayList<>();
        volatile long frames;

        Relay() {
            RtmpServer.Settings d = RtmpServer.Settings.defaults();
            RtmpServer.Settings s = new RtmpServer.Settings("127.0.0.1", 0, ServerSessionConfig.defaults(),
                    Duration.ofSeconds(10), d.idleTimeout(), d.closeTimeout(), d.writeLowWaterMark(),
                    d.writeHighWaterMark(), 100, 1);
            server = RtmpServer.builder().settings(s).listener(this::listener).build().start();
        }

        int port() {
            return server.port();
        }

        ServerSessionListener listener(RtmpConnection c) {
            return new ServerSessionListener() {
                @Override
                public void onPublish(PublishRequest r) {
                    if (publishers.stream().anyMatch(p -> p.channel().isActive())) {
                        r.rejectBadName("already publishing");
                        return;
                    }
                    r.accept();
                    publishers.add(c);
                }

                @Override
                public void onMetadata(Metadata m) {
                    metadata = ScriptTag.onMetaData(m.properties()).encode();
                    forEachPlayer((p, id) -> p.session().sendData(id, 0, metadata));
                }

                @Override
                public void onMedia(MediaKind kind, int streamId, long ts, byte[] payload) {
                    if (kind == MediaKind.VIDEO && payload.length > 1 && payload[1] == 0) {
                        videoHeader = payload;
                    } else if (kind == MediaKind.AUDIO && payload.length > 1 && payload[1] == 0) {
                        audioHeader = payload;
                    } else if (kind != MediaKind.DATA) {
                        if (kind == MediaKind.VIDEO && (payload[0] & 0xF0) == 0x10) {
                            gop.clear();
                        }
                        gop.add(new Object[] {kind, ts, payload});
                        frames++;
                    }
                    forEachPlayer((p, id) -> send(p, id, kind, ts, payload));
                }

                @Override
                public void onUnpublish(int streamId, String streamName) {
                    ended();
                }

                @Override
                public void onPlay(PlayRequest r) {
                    r.accept();
                    int id = r.streamId();
                    if (metadata != null) {
                        c.session().sendData(id, 0, metadata);
                    }
                    long ts = gop.isEmpty() ? 0 : (long) gop.get(0)[1];
                    if (videoHeader != null) {
                        c.session().sendVideo(id, ts, videoHeader);
                    }
                    if (audioHeader != null) {
                        c.session().sendAudio(id, ts, audioHeader);
                    }
                    for (Object[] m : gop) {
                        send(c, id, (MediaKind) m[0], (long) m[1], (byte[]) m[2]);
                    }
                    players.add(c);
                    playerStreams.add(id);
                }

                @Override
                public void onClose(String reason) {
                    if (publishers.contains(c)) {
                        ended();
                    }
                    int i = players.indexOf(c);
                    if (i >= 0) {
                        players.remove(i);
                        playerStreams.remove(i);
                    }
                }

                private void ended() {
                    metadata = null;
                    videoHeader = null;
                    audioHeader = null;
                    gop.clear();
                    forEachPlayer((p, id) -> p.session().notifyUnpublish(id));
                }
            };
        }

        interface PlayerAction {
            void run(RtmpConnection player, int streamId);
        }

        void forEachPlayer(PlayerAction a) {
            for (int i = 0; i < players.size(); i++) {
                RtmpConnection p = players.get(i);
                a.run(p, playerStreams.get(i));
                p.flush();
            }
        }

        static void send(RtmpConnection p, int id, MediaKind kind, long ts, byte[] payload) {
            switch (kind) {
                case VIDEO -> p.session().sendVideo(id, ts, payload);
                case AUDIO -> p.session().sendAudio(id, ts, payload);
                default -> p.session().sendData(id, ts, payload);
            }
        }

        void reconnect(RtmpConnection c, String tcUrl) {
            c.execute(() -> c.session().sendReconnectRequest(tcUrl, "draining for maintenance"));
        }
    }

    Relay relay() {
        Relay r = new Relay();
        relays.add(r);
        return r;
    }

    /** See {@link FlvTestFiles#numbered}: {@code n} video frames of 80 bytes with audio. */
    Path file(int n) throws Exception {
        return FlvTestFiles.numbered(tmp.resolve("in.flv"), n, 80);
    }

    /** Polls a scripted relay's state (its fields change on its event loop); bounded by the test timeout. */
    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Object lock = new Object();
        while (!condition.getAsBoolean()) {
            synchronized (lock) {
                lock.wait(20);
            }
        }
    }

    @Test
    void publishAndPlayBothMoveToServerBAndTheRecordingIsContinuous() throws Exception {
        Relay a = relay();
        Relay b = relay();
        Path in = file(125); // 5 s in real time
        Path out = tmp.resolve("out.flv");
        String url = "rtmp://127.0.0.1:" + a.port() + "/live/cam";
        CompletableFuture<Run> publish = CompletableFuture.supplyAsync(() -> ClientCommandsTest.run("publish",
                in.toString(), url));
        await(() -> a.frames >= 10);
        CompletableFuture<Run> play = CompletableFuture.supplyAsync(() -> ClientCommandsTest.run("play", url, "-o",
                out.toString()));
        await(() -> a.players.size() == 1 && a.frames >= 30);
        String tcUrlB = "rtmp://127.0.0.1:" + b.port() + "/live";
        a.reconnect(a.players.get(0), tcUrlB);
        await(() -> b.players.size() == 1); // the player waits on B for the stream
        a.reconnect(a.publishers.get(0), tcUrlB);

        Run published = publish.get(30, TimeUnit.SECONDS);
        assertThat(published.status()).as(published.err()).isZero();
        Run played = play.get(30, TimeUnit.SECONDS);
        assertThat(played.status()).as(played.err()).isZero();
        assertThat(played.err()).contains("play: the stream ended (");

        // the publisher: a second connection, on B, published the same name and got the rest of the file
        assertThat(b.publishers).hasSize(1);
        assertThat(a.frames + b.frames).as("every frame reached one of the servers once").isEqualTo(250);
        assertThat(a.players).as("A's player connection was closed by the client").isEmpty();

        // the recording: one FLV, clean under the core reader, frames from both servers, each once, in order
        List<FlvTag> tags = FlvTestFiles.tags(out);
        long prev = 0;
        for (FlvTag t : tags) {
            assertThat(t.timestamp()).isGreaterThanOrEqualTo(prev);
            prev = t.timestamp();
        }
        List<Integer> video = tags.stream().filter(t -> t.isVideo() && t.body()[1] == 1).map(t -> (int) t.body()[6])
                .toList();
        assertThat(video).isNotEmpty();
        int first = video.get(0);
        assertThat(first % 10).as("starts at a key frame").isZero();
        List<Integer> expected = new ArrayList<>();
        for (int i = first; i < 125; i++) {
            expected.add(i);
        }
        assertThat(video).as("video frames, each once, in order, across the move").isEqualTo(expected);
        assertThat(tags.stream().filter(t -> t.isVideo() && t.body()[1] == 0)).as("one AVC header").hasSize(1);
        assertThat(tags.stream().filter(FlvTag::isScript)).as("one onMetaData").hasSize(1);
        assertThat((long) first).as("the recording holds frames from A, then from B").isLessThan(a.frames);
    }
}
