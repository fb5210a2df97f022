package io.rtmp4j.netty.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.flv.FlvReader;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.ScriptTag;
import io.rtmp4j.netty.RtmpConnection;
import io.rtmp4j.netty.RtmpServer;
import io.rtmp4j.session.ConnectRequest;
import io.rtmp4j.session.EnhancedCapabilities;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import io.rtmp4j.session.PlayRequest;
import io.rtmp4j.session.PublishRequest;
import io.rtmp4j.session.ServerSessionListener;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enhanced RTMP Reconnect Request (enhanced-rtmp-v2.md "Reconnect Request") followed by {@link RtmpPublisher}
 * and {@link RtmpPlayer}, against two scripted servers built on {@link RtmpServer}: the server sends
 * {@code onStatus NetConnection.Connect.ReconnectRequest} ({@code ServerSession#sendReconnectRequest}) and the
 * client must move its stream to the named server without a gap or a duplicate.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReconnectRequestTest {

    static final byte[] AVC_HEADER = {0x17, 0, 0, 0, 0, 1, 0x42, 0, 0x1E};
    static final byte[] AAC_HEADER = {(byte) 0xAF, 0, 0x12, 0x10};

    record Media(MediaKind kind, long ts, byte[] payload) {
        /** A coded frame (AVCPacketType / AACPacketType 1), not a sequence header nor metadata. */
        boolean isFrame() {
            return kind != MediaKind.DATA && payload.length > 6 && payload[1] == 1;
        }

        int index() {
            return payload[6];
        }
    }

    /** One connection as a scripted server saw it. */
    static final class Conn {
        final RtmpConnection rc;
        final List<Media> media = new ArrayList<>();
        final CompletableFuture<String> publishing = new CompletableFuture<>();
        final CompletableFuture<String> playing = new CompletableFuture<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        volatile EnhancedCapabilities caps;
        volatile int playStreamId;
        volatile String rejected;

        Conn(RtmpConnection rc) {
            this.rc = rc;
        }

        synchronized void add(Media m) {
            media.add(m);
            notifyAll();
        }

        synchronized List<Media> media() {
            return new ArrayList<>(media);
        }

        /** Waits (bounded by the test timeout) until {@code n} media messages arrived. */
        synchronized void awaitMedia(int n) throws InterruptedException {
            while (media.size() < n) {
                wait(1000);
            }
        }
    }

    /**
     * A scripted server: accepts connect, publish (refusing a name another open connection publishes, as
     * nginx-rtmp and rtmp4j do, when {@code refuseDuplicates}) and play; a player gets the {@link #feed}'s
     * metadata, sequence headers and last GOP, then every frame fed, tagged with this server's id (byte 5).
     */
    static final class Box implements AutoCloseable {
        final byte id;
        final boolean refuseDuplicates;
        final List<Conn> conns = new CopyOnWriteArrayList<>();
        final Set<String> published = ConcurrentHashMap.newKeySet();
        final List<Media> feed;
        final RtmpServer server;
        volatile boolean refusePlay;

        Box(int id, boolean refuseDuplicates, List<Media> feed) {
            this.id = (byte) id;
            this.refuseDuplicates = refuseDuplicates;
            this.feed = feed;
            this.server = RtmpServer.builder().bind("127.0.0.1").port(0).listener(this::listener).build().start();
        }

        String url(String stream) {
            return "rtmp://127.0.0.1:" + server.port() + "/live/" + stream;
        }

        ServerSessionListener listener(RtmpConnection rc) {
            Conn c = new Conn(rc);
            conns.add(c);
            return new ServerSessionListener() {
                @Override
                public void onConnect(ConnectRequest r) {
                    c.caps = r.enhanced();
                    r.accept();
                }

                @Override
                public void onPublish(PublishRequest r) {
                    if (refuseDuplicates && !published.add(r.streamName())) {
                        c.rejected = r.streamName();
                        r.rejectBadName("already publishing");
                        return;
                    }
                    r.accept();
                    c.publishing.complete(r.streamName());
                }

                @Override
                public void onUnpublish(int streamId, String streamName) {
                    published.remove(streamName);
                }

                @Override
                public void onPlay(PlayRequest r) {
                    if (refusePlay) {
                        r.rejectNotFound("not here");
                        c.rejected = r.streamName();
                        return;
                    }
                    r.accept();
                    c.playStreamId = r.streamId();
                    int last = 0;
                    for (int i = 0; i < feed.size(); i++) {
                        Media m = feed.get(i);
                        if (m.kind() == MediaKind.VIDEO && MediaBoundaries.isKeyFrame(m.payload())
                                && !MediaBoundaries.isVideoHeader(m.payload())) {
                            last = i;
                        }
                    }
                    rc.session().sendData(r.streamId(), 0, metadata());
                    rc.session().sendVideo(r.streamId(), 0, AVC_HEADER);
                    rc.session().sendAudio(r.streamId(), 0, AAC_HEADER);
                    for (Media m : feed.subList(last, feed.size())) {
                        send(c, m); // the GOP cache: from the last key frame
                    }
                    c.playing.complete(r.streamName());
                }

                @Override
                public void onMedia(MediaKind kind, int streamId, long timestamp, byte[] payload) {
                    c.add(new Media(kind, timestamp, payload));
                }

                @Override
                public void onMetadata(Metadata metadata) {
                    c.add(new Media(MediaKind.DATA, metadata.timestamp(), metadata.payload()));
                }

                @Override
                public void onClose(String reason) {
                    if (c.publishing.isDone() && !c.closed.isDone()) {
                        published.remove(c.publishing.join());
                    }
                    c.closed.complete(reason);
                }
            };
        }

        private void send(Conn c, Media m) {
            byte[] p = m.payload().clone();
            p[5] = id;
            if (m.kind() == MediaKind.VIDEO) {
                c.rc.session().sendVideo(c.playStreamId, m.ts(), p);
            } else {
                c.rc.session().sendAudio(c.playStreamId, m.ts(), p);
            }
        }

        /** Sends {@code m} to every player. */
        void broadcast(Media m) {
            for (Conn c : conns) {
                if (c.playing.isDone() && !c.closed.isDone()) {
                    c.rc.execute(() -> send(c, m));
                }
            }
        }

        Conn await(Predicate<Conn> p) throws InterruptedException {
            while (true) {
                for (Conn c : conns) {
                    if (p.test(c)) {
                        return c;
                    }
                }
                synchronized (this) {
                    wait(20); // polling the scripted server's connection list; bounded by the test timeout
                }
            }
        }

        /** Asks the connection that satisfies {@code p} to reconnect. */
        void requestReconnect(Conn c, String tcUrl, String description) {
            c.rc.execute(() -> c.rc.session().sendReconnectRequest(tcUrl, description));
        }

        @Override
        public void close() {
            server.close();
        }
    }

    static byte[] metadata() {
        return ScriptTag.onMetaData(Amf0EcmaArray.builder().put("width", 320.0).build()).encode();
    }

    static Media video(int i) {
        byte[] v = new byte[40];
        v[0] = (byte) (i % 10 == 0 ? 0x17 : 0x27);
        v[1] = 1;
        v[6] = (byte) i;
        return new Media(MediaKind.VIDEO, 40L * i, v);
    }

    static Media audio(int i) {
        byte[] a = new byte[12];
        a[0] = (byte) 0xAF;
        a[1] = 1;
        a[6] = (byte) i;
        return new Media(MediaKind.AUDIO, 40L * i + 10, a);
    }

    @TempDir
    Path tmp;

    RtmpClient client;
    final List<Box> boxes = new ArrayList<>();

    @BeforeEach
    void start() {
        client = RtmpClient.create();
    }

    @AfterEach
    void stop() {
        client.close();
        boxes.forEach(Box::close);
    }

    Box box(int id, boolean refuseDuplicates, List<Media> feed) {
        Box b = new Box(id, refuseDuplicates, feed);
        boxes.add(b);
        return b;
    }

    static void sendFrames(RtmpPublisher p, int from, int to) {
        for (int i = from; i < to; i++) {
            Media v = video(i);
            Media a = audio(i);
            p.sendVideo(v.ts(), v.payload());
            p.sendAudio(a.ts(), a.payload());
        }
    }

    static List<Integer> indexes(List<Media> media, MediaKind kind) {
        return media.stream().filter(m -> m.kind() == kind && m.isFrame()).map(Media::index).toList();
    }

    static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i < to; i++) {
            r.add(i);
        }
        return r;
    }

    @Test
    void publisherMovesToTheNamedServerAtAKeyFrameWithHeadersFirst() throws Exception {
        Box a = box(1, true, List.of());
        Box b = box(2, true, List.of());
        RtmpPublisher p = client.publish(a.url("cam")).get(10, TimeUnit.SECONDS);
        CompletableFuture<RtmpPublisher> moved = new CompletableFuture<>();
        p.onReconnected(moved::complete);
        CompletableFuture<RtmpClientConnection> nextReady = p.nextConnectionReady();
        Conn ca = a.await(c -> c.publishing.isDone());
        // enhanced-rtmp-v2.md "Enhancing NetConnection connect Command": capsEx announces Reconnect
        assertThat(ca.caps.capsEx() & EnhancedCapabilities.CAPS_RECONNECT).isEqualTo(EnhancedCapabilities.CAPS_RECONNECT);
        p.sendMetadata(Amf0EcmaArray.builder().put("width", 320.0).build());
        p.sendVideo(0, AVC_HEADER);
        p.sendAudio(0, AAC_HEADER);
        sendFrames(p, 0, 15);
        ca.awaitMedia(3 + 30);
        // the network-path shape of the tcUrl (enhanced-rtmp-v2.md example 3)
        a.requestReconnect(ca, "//127.0.0.1:" + b.server.port() + "/live", "maintenance");
        Conn cb = b.await(c -> c.publishing.isDone());
        assertThat(cb.publishing.get()).isEqualTo("cam");
        // B's side has accepted; wait until the client has B's NetStream.Publish.Start too (B's reply may
        // wait for its paced event loop's next turn, RtmpServer.Settings#ioPeriod), else every frame below
        // could go out before the client is ready to move
        nextReady.get(10, TimeUnit.SECONDS);
        assertThat(p.connection().url().port()).as("still on the old server until a key frame").isEqualTo(a.server.port());
        sendFrames(p, 15, 40); // key frames at 20 and 30
        assertThat(moved.get(10, TimeUnit.SECONDS)).isSameAs(p);
        p.closeAsync().get(10, TimeUnit.SECONDS);
        ca.closed.get(10, TimeUnit.SECONDS);
        cb.closed.get(10, TimeUnit.SECONDS);

        assertThat(p.reconnects()).isEqualTo(1);
        assertThat(p.connection().url().port()).isEqualTo(b.server.port());
        List<Media> onA = ca.media();
        List<Media> onB = cb.media();
        // make-before-break: every frame up to the key frame at 20 went to A, the rest to B; none lost
        assertThat(indexes(onA, MediaKind.VIDEO)).isEqualTo(range(0, 20));
        assertThat(indexes(onB, MediaKind.VIDEO)).isEqualTo(range(20, 40));
        assertThat(indexes(onA, MediaKind.AUDIO)).isEqualTo(range(0, 20));
        assertThat(indexes(onB, MediaKind.AUDIO)).isEqualTo(range(20, 40));
        // B first gets metadata, then the sequence headers at the switch timestamp, then the key frame
        assertThat(onB.get(0).kind()).isEqualTo(MediaKind.DATA);
        assertThat(onB.get(1).payload()).isEqualTo(AVC_HEADER);
        assertThat(onB.get(1).ts()).isEqualTo(800);
        assertThat(onB.get(2).payload()).isEqualTo(AAC_HEADER);
        assertThat(onB.get(3).payload()[0]).isEqualTo((byte) 0x17);
        assertThat(onB.get(3).ts()).isEqualTo(800);
        long prev = -1;
        for (Media m : onB.subList(1, onB.size())) {
            assertThat(m.ts()).as("B's timeline continues from A's").isGreaterThanOrEqualTo(Math.max(prev, 800));
            prev = m.ts();
        }
    }

    @Test
    void publisherToTheSameServerThatRefusesASecondPublicationClosesTheOldOneFirst() throws Exception {
        Box a = box(1, true, List.of());
        RtmpPublisher p = client.publish(a.url("cam")).get(10, TimeUnit.SECONDS);
        Conn first = a.await(c -> c.publishing.isDone());
        p.sendVideo(0, AVC_HEADER);
        p.sendAudio(0, AAC_HEADER);
        sendFrames(p, 0, 15);
        first.awaitMedia(2 + 30);
        CompletableFuture<RtmpClientConnection> nextReady = p.nextConnectionReady();
        a.requestReconnect(first, null, "restarting"); // no tcUrl: the current one
        Conn second = a.await(c -> c != first && c.publishing.isDone());
        assertThat(first.closed).as("break-before-make after the BadName").isDone();
        assertThat(a.conns).anyMatch(c -> "cam".equals(c.rejected));
        assertThat(p.isOpen()).isTrue();
        // the server's side has accepted; wait until the client has its NetStream.Publish.Start too, else
        // every frame below could go out (to the closed connection) before the client is ready to move
        nextReady.get(10, TimeUnit.SECONDS);
        sendFrames(p, 15, 40);
        p.closeAsync().get(10, TimeUnit.SECONDS);
        second.closed.get(10, TimeUnit.SECONDS);
        assertThat(p.reconnects()).isEqualTo(1);
        List<Media> onSecond = second.media();
        assertThat(onSecond.get(0).payload()).isEqualTo(AVC_HEADER);
        assertThat(onSecond.get(1).payload()).isEqualTo(AAC_HEADER);
        // the old connection is gone, so the move happens at the next frame sent (15): nothing more is lost
        assertThat(indexes(onSecond, MediaKind.VIDEO)).isEqualTo(range(15, 40));
        assertThat(indexes(first.media(), MediaKind.VIDEO)).isEqualTo(range(0, 15));
    }

    @Test
    void withoutFollowReconnectTheRequestIsOnlyLoggedAndCapsExIsNotSent() throws Exception {
        Box a = box(1, true, List.of());
        Box b = box(2, true, List.of());
        try (RtmpClient plain = RtmpClient.create(RtmpClient.Settings.defaults().withFollowReconnect(false))) {
            RtmpPublisher p = plain.publish(a.url("cam")).get(10, TimeUnit.SECONDS);
            Conn ca = a.await(c -> c.publishing.isDone());
            assertThat(ca.caps.capsEx()).isEqualTo(-1);
            a.requestReconnect(ca, "rtmp://127.0.0.1:" + b.server.port() + "/live", null);
            sendFrames(p, 0, 20);
            ca.awaitMedia(40);
            p.closeAsync().get(10, TimeUnit.SECONDS);
            assertThat(p.reconnects()).isZero();
            assertThat(b.conns).isEmpty();
        }
    }

    @Test
    void playerMovesToTheNamedServerAndTheFlvStaysContinuous() throws Exception {
        List<Media> feed = new CopyOnWriteArrayList<>();
        Box a = box(1, false, feed);
        Box b = box(2, false, feed);
        Path out = tmp.resolve("out.flv");
        List<Media> got = new CopyOnWriteArrayList<>();
        FlvFileRecorder recorder = FlvFileRecorder.create(out);
        CompletableFuture<String> ended = new CompletableFuture<>();
        PlayListener listener = new PlayListener() {
            @Override
            public void onStreamEnd(String reason) {
                ended.complete(reason);
            }

            @Override
            public void onMetadata(Metadata metadata) {
                recorder.onMetadata(metadata);
            }

            @Override
            public void onMedia(MediaKind kind, long timestamp, byte[] payload) {
                recorder.onMedia(kind, timestamp, payload);
                synchronized (got) {
                    got.add(new Media(kind, timestamp, payload));
                    got.notifyAll();
                }
            }
        };
        RtmpPlayer player = client.play(a.url("cam"), listener).get(10, TimeUnit.SECONDS);
        Conn ca = a.await(c -> c.playing.isDone());
        for (int i = 0; i < 15; i++) {
            feed(feed, a, b, i);
        }
        awaitCount(got, 2 + 30);
        a.requestReconnect(ca, "rtmp://127.0.0.1:" + b.server.port() + "/live", "moving you");
        Conn cb = b.await(c -> c.playing.isDone());
        for (int i = 15; i < 20; i++) {
            feed(feed, a, b, i);
        }
        awaitCount(got, 2 + 40);
        assertThat(player.reconnects()).as("B replayed its GOP (10..14) and 15..19: all behind A").isZero();
        // A, going down, stops at 19 and ends the stream; B goes on. Which of "B's key frame 20" and "A's end"
        // reaches the player first does not matter: the end is held, and the move happens at B's key frame.
        for (int i = 20; i < 30; i++) {
            feed(feed, null, b, i);
        }
        ca.rc.execute(() -> ca.rc.session().notifyUnpublish(ca.playStreamId));
        awaitCount(got, 2 + 60);
        ca.closed.get(10, TimeUnit.SECONDS);
        player.closeAsync().get(10, TimeUnit.SECONDS);
        recorder.close();

        assertThat(player.reconnects()).isEqualTo(1);
        assertThat(ended).as("A's end of stream is not the end of the playback").isNotDone();
        assertThat(player.connection().url().port()).isEqualTo(b.server.port());
        // every frame exactly once, in order: up to 19 from A, from the key frame at 20 on from B
        List<Media> frames = got.stream().filter(Media::isFrame).toList();
        assertThat(indexes(frames, MediaKind.VIDEO)).isEqualTo(range(0, 30));
        assertThat(indexes(frames, MediaKind.AUDIO)).isEqualTo(range(0, 30));
        for (Media m : frames) {
            assertThat(m.payload()[5]).as("source of %s %d", m.kind(), m.index()).isEqualTo((byte) (m.index() < 20 ? 1 : 2));
        }
        // one FLV, readable by the core reader, timestamps never decreasing, no second header
        List<FlvTag> tags = new ArrayList<>();
        try (InputStream in = Files.newInputStream(out); FlvReader r = FlvReader.open(in)) {
            for (FlvTag t; (t = r.next()) != null; ) {
                tags.add(t);
            }
        }
        long prev = 0;
        for (FlvTag t : tags) {
            assertThat(t.timestamp()).isGreaterThanOrEqualTo(prev);
            prev = t.timestamp();
        }
        assertThat(tags.stream().filter(FlvTag::isVideo)).hasSize(1 + 30); // B's identical header not repeated
        assertThat(tags.stream().filter(FlvTag::isAudio)).hasSize(1 + 30);
        assertThat(tags.stream().filter(FlvTag::isScript)).hasSize(1);
        assertThat(prev).isEqualTo(29 * 40 + 10);
    }

    @Test
    void playerStaysOnItsServerWhenTheNamedOneRefusesAndGetsTheHeldEndOfStream() throws Exception {
        List<Media> feed = new CopyOnWriteArrayList<>();
        Box a = box(1, false, feed);
        Box b = box(2, false, feed);
        b.refusePlay = true;
        List<Media> got = new CopyOnWriteArrayList<>();
        CompletableFuture<String> ended = new CompletableFuture<>();
        RtmpPlayer player = client.play(a.url("cam"), new PlayListener() {
            @Override
            public void onMedia(MediaKind kind, long timestamp, byte[] payload) {
                synchronized (got) {
                    got.add(new Media(kind, timestamp, payload));
                    got.notifyAll();
                }
            }

            @Override
            public void onStreamEnd(String reason) {
                ended.complete(reason);
            }
        }).get(10, TimeUnit.SECONDS);
        Conn ca = a.await(c -> c.playing.isDone());
        for (int i = 0; i < 10; i++) {
            feed(feed, a, null, i);
        }
        awaitCount(got, 2 + 20);
        a.requestReconnect(ca, "rtmp://127.0.0.1:" + b.server.port() + "/live", null);
        // A ends the stream; whether before or after B's refusal, the listener gets the end once
        ca.rc.execute(() -> ca.rc.session().notifyUnpublish(ca.playStreamId));
        assertThat(ended.get(10, TimeUnit.SECONDS)).isEqualTo("StreamEOF");
        b.await(c -> "cam".equals(c.rejected));
        assertThat(player.reconnects()).isZero();
        assertThat(player.connection().url().port()).isEqualTo(a.server.port());
        assertThat(player.isOpen()).isTrue();
        player.closeAsync().get(10, TimeUnit.SECONDS);
    }

    static void feed(List<Media> feed, Box a, Box b, int i) {
        for (Media m : List.of(video(i), audio(i))) {
            feed.add(m);
            if (a != null) {
                a.broadcast(m);
            }
            if (b != null) {
                b.broadcast(m);
            }
        }
    }

    static void awaitCount(List<Media> got, int n) throws InterruptedException {
        synchronized (got) {
            while (got.size() < n) {
                got.wait(1000);
            }
        }
    }
}
