package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.AbstractEventExecutor;
import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Players whose event loop runs late (the machine overloaded): frames wait in their {@link PlayerGroup}'s
 * queue, not in the sockets, so the queue limit never sees them; {@link HubConfig#maxFrameAge()} brings
 * the players back to the live edge instead (BENCHMARKS.md, issue 5: p99 lag kept growing to 15 s).
 *
 * <p>The players' loop is a {@link LateLoop}: its tasks run only when the test says, on the test's
 * thread, and the hub's clock is the test's. Payload convention of {@link StreamHubTest}: byte 0 says
 * what a frame is ('K' keyframe, 'P' inter frame, 'S' video sequence header, 'A' audio frame,
 * 'C' audio config), the last byte numbers it.
 */
class OverloadedLoopTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TrackingAllocator alloc = new TrackingAllocator();
    private final List<ByteBuf> allocated = alloc.allocated;
    private final StreamKey key = StreamKey.of("live", "cam");
    private final LateLoop loop = new LateLoop();

    /** An event loop that runs its tasks only in {@link #runPending()}: as late as the test wants. */
    static final class LateLoop extends AbstractEventExecutor {
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        private final Promise<?> termination = new DefaultPromise<Void>(ImmediateEventExecutor.INSTANCE);

        /** Runs every task queued so far and those they queue. */
        void runPending() {
            Runnable r;
            while ((r = tasks.poll()) != null) {
                r.run();
            }
        }

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        @Override
        public boolean inEventLoop(Thread thread) {
            return true;
        }

        @Override
        public boolean isShuttingDown() {
            return false;
        }

        @Override
        public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
            return termination;
        }

        @Override
        public Future<?> terminationFuture() {
            return termination;
        }

        @Override
        @Deprecated
        public void shutdown() {
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    }

    private static final class Pub implements PublisherSink {
        @Override
        public void close(String reason) {
        }

        @Override
        public String peer() {
            return "pub";
        }
    }

    /** A hub writing at once (no flush delay), frames older than 1 s dropped, players cut after 3 s. */
    private StreamHub hub() {
        HubConfig config = HubConfig.defaults().withFlushDelay(Duration.ZERO).withMaxFrameAge(Duration.ofSeconds(1))
                .withPlayerMaxLag(Duration.ofSeconds(3));
        return new StreamHub(config, null, alloc, now::get, Clock.systemUTC(), new StreamHubTest.TestClassifier());
    }

    private void advance(long millis) {
        now.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    private static byte[] p(char kind, int n) {
        return new byte[] {(byte) kind, 0, 0, (byte) n};
    }

    @Test
    void framesThatWaitedTooLongForTheLoopAreDroppedDownToTheNextKeyframeButConfigurationArrives() {
        StreamHub hub = hub();
        FakePlayer fp = new FakePlayer(loop);
        Subscription sub = hub.play(key, fp);
        Publication pub = hub.publish(key, new Pub());
        loop.runPending();
        pub.video(0, p('S', 1));
        pub.video(0, p('K', 2));
        pub.video(40, p('P', 3));
        advance(900);             // late, but within the bound: nothing dropped
        loop.runPending();
        assertThat(fp.summary()).containsExactly("V1", "V2", "V3");

        pub.video(80, p('P', 4));
        pub.audio(90, p('A', 5));
        pub.data(95, new byte[] {'x', 6});              // a cue point: kept like configuration
        pub.data(96, new byte[100_000]);                // a large data message: droppable
        pub.audio(100, p('C', 7));                      // audio configuration: never dropped
        pub.video(100, p('S', 8));                      // video configuration: never dropped
        advance(1500);            // the loop runs 1.5 s late for all of these
        pub.video(120, p('P', 9));                      // fresh, but its reference P4 was dropped
        pub.audio(130, p('A', 10));                     // fresh: back at the live edge
        loop.runPending();
        pub.video(160, p('K', 11));
        pub.video(200, p('P', 12));
        loop.runPending();

        assertThat(fp.summary()).containsExactly("V1", "V2", "V3", "D6", "A7", "V8", "A10", "V11", "V12");
        assertThat(fp.timestamps()).isSorted();
        assertThat(fp.closedReason).isNull();

        sub.close();
        pub.end();
        loop.runPending();
        assertThat(allocated).allSatisfy(b -> assertThat(b.refCnt()).as("buffer released").isZero());
    }

    @Test
    void aJoinersPreludeIsNeverDroppedHoweverOldButLiveFramesQueuedAfterItAre() {
        StreamHub hub = hub();
        Publication pub = hub.publish(key, new Pub());
        pub.metadata(new byte[] {'M', 1});
        pub.video(0, p('S', 2));
        pub.video(0, p('K', 3));
        pub.audio(10, p('A', 4));
        pub.video(40, p('P', 5));
        advance(5000);            // the cached GOP is 5 s old
        FakePlayer late = new FakePlayer(loop);
        hub.play(key, late);
        pub.video(80, p('P', 6));
        advance(2000);            // and the joiner's loop runs 2 s late
        loop.runPending();
        pub.video(120, p('P', 7));    // fresh, but P6 was dropped: waits for a keyframe
        pub.video(160, p('K', 8));
        loop.runPending();

        assertThat(late.summary()).containsExactly("D1", "V2", "V3", "A4", "V5", "V8");
        assertThat(late.closedReason).isNull();
        pub.end();
    }

    @Test
    void playersOfAGroupThatStaysBehindLongerThanPlayerMaxLagAreDisconnectedAsOverloaded() {
        StreamHub hub = hub();
        FakePlayer a = new FakePlayer(loop);
        FakePlayer b = new FakePlayer(loop);
        FakePlayer onTime = new FakePlayer(ImmediateEventExecutor.INSTANCE); // another loop, keeping up
        hub.play(key, a);
        hub.play(key, b);
        hub.play(key, onTime);
        Publication pub = hub.publish(key, new Pub());
        loop.runPending();
        pub.video(0, p('S', 1));
        pub.video(0, p('K', 2));
        loop.runPending();

        // from now on the loop runs 1.5 s late every time: every live frame is stale, even keyframes
        int n = 3;
        for (int round = 1; round <= 3; round++) {
            pub.video(n * 40L, p(round == 2 ? 'K' : 'P', n++));
            pub.audio(n * 40L, p('A', n++));
            if (round == 3) {
                pub.video(n * 40L, p('S', n++)); // configuration still arrives
            }
            advance(1500);
            loop.runPending();
        }
        // dropping since the first late round, 3 s ago: not yet more than playerMaxLag
        assertThat(a.closedReason).isNull();
        assertThat(b.closedReason).isNull();
        pub.video(n * 40L, p('K', n++)); // 4.5 s of nothing but dropped frames: disconnected
        advance(1500);
        loop.runPending();

        for (FakePlayer fp : List.of(a, b)) {
            assertThat(fp.summary()).containsExactly("V1", "V2", "V9");
            assertThat(fp.closedReason)
                    .startsWith("server overloaded: frames 1500 ms old")
                    .contains("dropping for 4500 ms", "7 frames dropped");
        }
        assertThat(onTime.closedReason).isNull();
        assertThat(onTime.messages).hasSize(10);
        pub.end();
    }

    @Test
    void staleFramesLeaveThePlayersOfAGroupInStepSharingOneBatchBuffer() {
        StreamHub hub = hub();
        FakePlayer a = new FakePlayer(loop);
        FakePlayer b = new FakePlayer(loop);
        hub.play(key, a);
        hub.play(key, b);
        Publication pub = hub.publish(key, new Pub());
        loop.runPending();
        pub.audio(0, p('A', 1));
        pub.audio(20, p('A', 2));
        advance(1500);
        pub.audio(40, p('A', 3));
        pub.audio(60, p('A', 4));
        loop.runPending();

        assertThat(a.summary()).containsExactly("A3", "A4");
        assertThat(b.summary()).containsExactly("A3", "A4");
        assertThat(a.roots).as("A3 and A4 written as one batch buffer").hasSize(1);
        assertThat(b.roots.keySet()).isEqualTo(a.roots.keySet());
        pub.end();
    }
}
