package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.rtmp4j.chunk.RawMessage;
import io.rtmp4j.session.ChunkLayout;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hub's behaviour with fake connections: what players receive is decoded from the very chunk
 * bytes the hub wrote (rtmp-1.0.txt §5.3), with the real {@link io.rtmp4j.chunk.ChunkDecoder}.
 *
 * <p>Payload convention of these tests: byte 0 says what a frame is to {@link TestClassifier}
 * ('K' keyframe, 'P' inter frame, 'S' video sequence header, 'A' audio frame, 'C' audio config,
 * 'T' video sequence header of a second track), the last byte numbers it.
 */
class StreamHubTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TrackingAllocator alloc = new TrackingAllocator();
    private final List<ByteBuf> allocated = alloc.allocated;
    private final EventExecutor inline = ImmediateEventExecutor.INSTANCE;
    private final StreamKey key = StreamKey.of("live", "cam");

    /** Classifies by the first payload byte (see the class comment). */
    static final class TestClassifier implements FrameClassifier {
        @Override
        public boolean isKeyframe(byte[] video) {
            return video[0] == 'K';
        }

        @Override
        public String configKey(int typeId, byte[] p) {
            return p[0] == 'S' ? "video/0" : p[0] == 'T' ? "video/1" : p[0] == 'C' ? "audio/0" : null;
        }
    }

    private StreamHub hub(HubConfig config) {
        return new StreamHub(config.withFlushDelay(Duration.ZERO), null, alloc, now::get, Clock.systemUTC(),
                new TestClassifier());
    }

    private static byte[] p(char kind, int n) {
        return new byte[] {(byte) kind, 0, 0, (byte) n};
    }

    private static final class Pub implements PublisherSink {
        String closedReason;

        @Override
        public void close(String reason) {
            closedReason = reason;
        }

        @Override
        public String peer() {
            return "pub";
        }
    }

    @AfterEach
    void noLeaks() {
        // every encoded buffer is released once nothing refers to it any more (checked in tests that end)
    }

    private void assertAllReleased() {
        assertThat(allocated).allSatisfy(b -> assertThat(b.refCnt()).as("buffer released").isZero());
    }

    @Test
    void lateJoinerGetsMetadataEverySequenceHeaderThenTheGopFromTheLastKeyframe() {
        StreamHub hub = hub(HubConfig.defaults());
        Publication pub = hub.publish(key, new Pub());
        pub.metadata(new byte[] {'M', 1});
        pub.video(0, p('S', 1));
        pub.video(0, p('T', 2));
        pub.audio(0, p('C', 3));
        pub.video(0, p('K', 4));
        pub.audio(10, p('A', 5));
        pub.video(40, p('P', 6));
        pub.video(80, p('K', 7));   // new GOP starts here
        pub.audio(90, p('A', 8));
        pub.video(120, p('P', 9));

        FakePlayer late = new FakePlayer(inline);
        Subscription sub = hub.play(key, late);
        pub.video(160, p('P', 10));

        assertThat(late.summary()).containsExactly("D1", "V1", "V2", "A3", "V7", "A8", "V9", "V10");
        // metadata at 0, where FFmpeg's FLV demuxer skips it (elsewhere it would be a subtitle stream:
        // Publication#playerTimestamp); sequence headers at the GOP's first timestamp: monotonic media,
        // and what FFmpeg 8.1 needs for enhanced sequence starts
        assertThat(late.timestamps()).containsExactly(0L, 80L, 80L, 80L, 80L, 90L, 120L, 160L);
        assertThat(late.messages).allSatisfy(m -> assertThat(m.messageStreamId()).isEqualTo(1));
        assertThat(late.messages.get(4).chunkStreamId()).isEqualTo(6); // video csid of the layout
        assertThat(late.messages.get(5).chunkStreamId()).isEqualTo(4); // audio csid

        // a second joiner of the same GOP shares the re-timed headers
        FakePlayer later = new FakePlayer(inline);
        Subscription sub2 = hub.play(key, later);
        assertThat(later.roots.keySet()).hasSize(late.roots.size()).allMatch(late.roots::containsKey);

        sub.close();
        sub2.close();
        pub.end();
        assertAllReleased();
    }

    @Test
    void playersWithTheSameLayoutShareOneEncodedCopyOfEachFrame() {
        StreamHub hub = hub(HubConfig.defaults());
        FakePlayer a = new FakePlayer(inline);
        FakePlayer b = new FakePlayer(inline);
        FakePlayer other = new FakePlayer(inline, new ChunkLayout(4096, 7, 4, 6, 5));
        hub.play(key, a);
        hub.play(key, b);
        hub.play(key, other);
        Publication pub = hub.publish(key, new Pub());
        pub.video(0, p('K', 1));
        pub.video(33, new byte[300]); // spans three 128-byte chunks

        assertThat(a.roots.keySet()).hasSize(2);
        assertThat(b.roots.keySet()).hasSize(2);
        // the very same buffers (identity), not copies
        assertThat(a.roots.keySet()).allMatch(r -> b.roots.containsKey(r));
        assertThat(other.roots.keySet()).noneMatch(r -> a.roots.containsKey(r));
        // both payloads copied on arrival into one slab (PayloadSlabs), then one encoding per layout per frame
        assertThat(allocated).hasSize(1 + 4);
        RawMessage big = a.messages.get(1);
        assertThat(big.payload()).hasSize(300);
        assertThat(other.messages.get(1).messageStreamId()).isEqualTo(7);
        pub.end();
        assertAllReleased();
    }

    @Test
    void secondPublisherIsRefusedWhileTheFirstIsAliveAndTakesOverASilentOne() {
        StreamHub hub = hub(HubConfig.defaults().withPublisherSilenceTimeout(Duration.ofSeconds(5)));
        Pub first = new Pub();
        Publication p1 = hub.publish(key, first);
        assertThat(p1).isNotNull();
        p1.video(0, p('K', 1));

        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(hub.publish(key, new Pub())).as("name in use: BadName").isNull();
        assertThat(hub.publish(StreamKey.of("live", "other"), new Pub())).isNotNull();

        now.addAndGet(Duration.ofSeconds(2).toNanos()); // first silent for 6 s > 5 s
        Pub second = new Pub();
        Publication p2 = hub.publish(key, second);
        assertThat(p2).isNotNull();
        assertThat(first.closedReason).contains("silent");
        assertThat(p1.isEnded()).isTrue();
        p1.video(10, p('K', 2)); // a late frame of the dropped publisher goes nowhere
        FakePlayer player = new FakePlayer(inline);
        hub.play(key, player);
        assertThat(player.messages).isEmpty();
    }

    @Test
    void sweepDropsAPublisherThatSendsNothing() {
        StreamHub hub = hub(HubConfig.defaults().withPublisherSilenceTimeout(Duration.ofSeconds(3)));
        Pub sink = new Pub();
        Publication pub = hub.publish(key, sink);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        pub.audio(0, p('A', 1)); // activity resets the clock
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        hub.sweep();
        assertThat(sink.closedReason).isNull();
        assertThat(hub.isPublished(key)).isTrue();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        hub.sweep();
        assertThat(sink.closedReason).contains("no media");
        assertThat(hub.isPublished(key)).isFalse();
        assertThat(hub.publish(key, new Pub())).isNotNull();
    }

    @Test
    void playerWaitsForThePublisherAndStaysThroughUnpublishAndRepublishWithMonotonicTimestamps() {
        StreamHub hub = hub(HubConfig.defaults());
        FakePlayer player = new FakePlayer(inline);
        Subscription sub = hub.play(key, player);
        assertThat(hub.isPublished(key)).isFalse();
        assertThat(player.messages).isEmpty();

        Publication p1 = hub.publish(key, new Pub());
        p1.video(0, p('S', 1));
        p1.video(0, p('K', 2));
        p1.video(5000, p('P', 3));
        p1.end();
        assertThat(hub.isPublished(key)).isFalse();
        assertThat(hub.playerCount(key)).isEqualTo(1);

        Publication p2 = hub.publish(key, new Pub()); // an encoder restarting at 0
        p2.video(0, p('S', 4));
        p2.video(0, p('K', 5));
        p2.video(40, p('P', 6));

        assertThat(player.events).containsExactly("publishStarted@0", "publishEnded@3", "publishStarted@3");
        assertThat(player.summary()).containsExactly("V1", "V2", "V3", "V4", "V5", "V6");
        assertThat(player.timestamps()).containsExactly(0L, 0L, 5000L, 5001L, 5001L, 5041L);
        sub.close();
        p2.end();
        assertThat(hub.streams()).isEmpty();
        assertAllReleased();
    }

    @Test
    void slowPlayerLosesFramesDownToTheNextKeyframeWithoutSlowingOthersAndIsDroppedWhenTooFarBehind() {
        StreamHub hub = hub(HubConfig.defaults().withPlayerMaxLag(Duration.ofSeconds(3)));
        FakePlayer fast = new FakePlayer(inline);
        FakePlayer slow = new FakePlayer(inline);
        hub.play(key, fast);
        hub.play(key, slow);
        Publication pub = hub.publish(key, new Pub());
        pub.video(0, p('S', 1));
        pub.video(0, p('K', 2));
        pub.video(40, p('P', 3));
        slow.writable = false;                 // its queue is full
        pub.video(80, p('P', 4));
        pub.audio(90, p('A', 5));
        pub.video(100, p('S', 6));             // configuration is never dropped
        slow.writable = true;                  // drained, but its decoder lost a reference frame
        pub.video(120, p('P', 7));
        pub.audio(130, p('A', 8));
        pub.video(160, p('K', 9));
        pub.video(200, p('P', 10));

        assertThat(fast.summary()).containsExactly("V1", "V2", "V3", "V4", "A5", "V6", "V7", "A8", "V9", "V10");
        assertThat(slow.summary()).containsExactly("V1", "V2", "V3", "V6", "A8", "V9", "V10");
        assertThat(slow.closedReason).isNull();

        slow.writable = false;
        pub.video(240, p('P', 11));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        pub.video(280, p('P', 12));
        assertThat(slow.closedReason).isNull();
        now.addAndGet(Duration.ofSeconds(2).toNanos()); // 4 s behind > 3 s
        pub.video(320, p('P', 13));
        assertThat(slow.closedReason).startsWith("too far behind");
        pub.video(360, p('K', 14));
        assertThat(slow.summary()).hasSize(7);
        assertThat(fast.summary()).endsWith("V11", "V12", "V13", "V14");
    }

    @Test
    void receiveVideoFalseStopsVideoAndVideoResumesAtAKeyframe() {
        // rtmp-1.0.txt §7.2.2.2 / §7.2.2.3: receiveAudio / receiveVideo false stops that kind of message
        StreamHub hub = hub(HubConfig.defaults());
        FakePlayer player = new FakePlayer(inline);
        hub.play(key, player);
        Publication pub = hub.publish(key, new Pub());
        pub.video(0, p('K', 1));
        player.refused.add(Frame.VIDEO);
        pub.video(40, p('P', 2));
        pub.audio(50, p('A', 3));
        player.refused.clear();
        pub.video(80, p('P', 4));   // its reference frame was not sent: skipped
        pub.video(120, p('K', 5));
        assertThat(player.summary()).containsExactly("V1", "A3", "V5");
    }

    @Test
    void withoutGopCacheAJoinerGetsConfigurationThenWaitsForTheNextKeyframe() {
        StreamHub hub = hub(HubConfig.defaults().withGopCache(false));
        Publication pub = hub.publish(key, new Pub());
        pub.video(0, p('S', 1));
        pub.video(0, p('K', 2));
        pub.video(40, p('P', 3));
        FakePlayer late = new FakePlayer(inline);
        hub.play(key, late);
        pub.audio(50, p('A', 4));
        pub.video(80, p('P', 5));
        pub.video(120, p('K', 6));
        assertThat(late.summary()).containsExactly("V1", "A4", "V6");
        assertThat(late.timestamps()).containsExactly(40L, 50L, 120L);
    }

    @Test
    void aGopLargerThanTheLimitIsNotCached() {
        StreamHub hub = hub(HubConfig.defaults().withMaxGopBytes(10));
        Publication pub = hub.publish(key, new Pub());
        pub.video(0, p('K', 1));
        pub.video(40, p('P', 2));
        pub.video(80, p('P', 3)); // 12 bytes > 10
        assertThat(hub.stream(key).gopSize()).isZero();
        pub.video(120, p('K', 4));
        assertThat(hub.stream(key).gopSize()).isEqualTo(1);
        FakePlayer late = new FakePlayer(inline);
        hub.play(key, late);
        assertThat(late.summary()).containsExactly("V4");
    }

    @Test
    void playersOnOtherEventLoopsGetEveryFrameInOrderAndAFlushPerBatch() throws Exception {
        DefaultEventLoop loopA = new DefaultEventLoop();
        DefaultEventLoop loopB = new DefaultEventLoop();
        try {
            StreamHub hub = hub(HubConfig.defaults());
            List<FakePlayer> players = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                FakePlayer fp = new FakePlayer(i % 2 == 0 ? loopA : loopB);
                players.add(fp);
                fp.executor().submit(() -> hub.play(key, fp)).sync();
            }
            Publication pub = hub.publish(key, new Pub());
            pub.video(0, p('S', 0));
            for (int i = 1; i <= 200; i++) {
                pub.video(i * 40L, p(i % 50 == 1 ? 'K' : 'P', i));
            }
            pub.end();
            loopA.submit(() -> { }).sync(); // barrier: everything queued before has run
            loopB.submit(() -> { }).sync();
            for (FakePlayer fp : players) {
                assertThat(fp.messages).hasSize(201);
                assertThat(fp.timestamps()).isSorted();
                assertThat(fp.events).containsExactly("publishStarted@0", "publishEnded@201");
                assertThat(fp.flushes).isPositive().isLessThanOrEqualTo(202);
            }
            assertAllReleased();
        } finally {
            loopA.shutdownGracefully().sync();
            loopB.shutdownGracefully().sync();
        }
    }

    @Test
    void withAFlushDelayFramesAreWrittenTogetherAndAJoinerIsFlushedAtOnce() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            StreamHub hub = new StreamHub(HubConfig.defaults().withFlushDelay(Duration.ofSeconds(1)), null, alloc,
                    now::get, Clock.systemUTC(), new TestClassifier());
            Publication pub = hub.publish(key, new Pub());
            pub.video(0, p('S', 0));
            pub.video(0, p('K', 1));
            FakePlayer fp = new FakePlayer(loop);
            loop.submit(() -> hub.play(key, fp)).sync();
            loop.submit(() -> { }).sync();
            assertThat(fp.flushes).as("the joiner's prelude is flushed without waiting").isEqualTo(1);
            loop.submit(() -> {
                // frames published while the loop is busy: one batch, one (delayed) flush
                for (int i = 2; i <= 20; i++) {
                    pub.video(i * 40L, p('P', i));
                }
            }).sync();
            loop.submit(() -> { }).sync(); // the group's drain, queued by the publishes, has run
            assertThat(fp.messages).as("the batch waits for the flush").hasSize(2);
            assertThat(fp.flushes).isEqualTo(1);
            loop.schedule(() -> { }, 1500, java.util.concurrent.TimeUnit.MILLISECONDS).sync();
            assertThat(fp.flushes).isEqualTo(2);
            assertThat(fp.messages).hasSize(21);
            assertThat(fp.timestamps().subList(2, 21)).isSorted();
            assertThat(fp.roots).as("the 19 frames went out as one shared batch buffer").hasSize(3);
            pub.end();
        } finally {
            loop.shutdownGracefully().sync();
        }
    }

    @Test
    void aPlayerThatFallsOutOfStepDuringABatchGetsTheSameFramesOneByOne() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            StreamHub hub = new StreamHub(HubConfig.defaults().withFlushDelay(Duration.ofSeconds(1)), null, alloc,
                    now::get, Clock.systemUTC(), new TestClassifier());
            Publication pub = hub.publish(key, new Pub());
            FakePlayer a = new FakePlayer(loop);
            FakePlayer b = new FakePlayer(loop);
            loop.submit(() -> {
                hub.play(key, a);
                hub.play(key, b);
            }).sync();
            loop.submit(() -> { }).sync(); // joins done, flushed
            pub.video(0, p('K', 1));
            pub.video(40, p('P', 2));
            loop.submit(() -> { }).sync(); // the group drained both: deferred, nothing written yet
            assertThat(a.messages).isEmpty();
            loop.submit(() -> b.writable = false).sync();
            pub.video(80, p('P', 3));      // b drops it: out of step, its deferred K1 P2 go out alone
            loop.submit(() -> { }).sync();
            assertThat(b.summary()).containsExactly("V1", "V2");
            loop.submit(() -> b.writable = true).sync();
            pub.video(120, p('P', 4));     // b waits for a keyframe
            pub.video(160, p('K', 5));
            loop.schedule(() -> { }, 1500, java.util.concurrent.TimeUnit.MILLISECONDS).sync();
            assertThat(a.summary()).containsExactly("V1", "V2", "V3", "V4", "V5");
            assertThat(a.timestamps()).containsExactly(0L, 40L, 80L, 120L, 160L);
            assertThat(a.roots).as("one shared batch buffer").hasSize(1);
            assertThat(b.summary()).containsExactly("V1", "V2", "V5");
            assertThat(b.timestamps()).containsExactly(0L, 40L, 160L);
            // the next batch: both in step again
            pub.video(200, p('P', 6));
            pub.video(240, p('P', 7));
            loop.schedule(() -> { }, 1500, java.util.concurrent.TimeUnit.MILLISECONDS).sync();
            assertThat(b.summary()).endsWith("V6", "V7");
            assertThat(a.roots).hasSize(2);
            assertThat(b.roots).hasSize(4); // K1, P2, K5 alone, then the second batch's buffer, shared with a
            assertThat(a.roots.keySet().stream().filter(b.roots::containsKey).count()).isEqualTo(1);
            pub.end();
            loop.submit(() -> { }).sync();
            assertAllReleased();
        } finally {
            loop.shutdownGracefully().sync();
        }
    }

    @Test
    void streamKeysCannotNameAnythingOutsideTheirDirectory() {
        assertThat(StreamKey.of("live/", "cam?token=abc")).isEqualTo(new StreamKey("live", "cam"));
        for (String bad : new String[] {"..", ".", "../etc", "a/b", "a\\b", "", ".hidden", "x\0y", "caf\u00e9",
                "%2e%2e", "a b"}) {
            assertThatThrownBy(() -> StreamKey.of("live", bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> StreamKey.of(bad, "cam")).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> StreamKey.of("live", "x".repeat(StreamKey.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(StreamKey.isValid("live", "cam-1_2.3~4")).isTrue();
        assertThat(StreamKey.isValid("live", "../../tmp/x")).isFalse();
    }
}
