package io.rtmp4j.netty;

import io.netty.channel.SelectStrategy;
import io.netty.channel.SelectStrategyFactory;
import io.netty.util.IntSupplier;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Event-loop pacing ({@link RtmpServer.Settings#ioPeriod()}): while an event loop is busy, it polls its
 * sockets at most once per period, so that each wake-up finds more connections ready and more bytes in
 * each of them. An idle loop is not delayed: the first event after a quiet spell is handled at once,
 * and only the events that follow within the period wait for the next poll.
 *
 * <p>Why: a publisher's encoder writes each audio and video frame as it is made (30 video + 43 audio
 * messages per second for ffmpeg's 720p30 AAC), so a loop that polls as soon as anything is ready makes
 * one {@code epoll_wait} and one {@code read} per message and connection. Measured with 200 publishers
 * on loopback (BENCHMARKS.md, issue 5), the kernel's side of those calls was half of the server's CPU
 * time. A 40 ms period cut the server's CPU time per byte by 45 % there, and by 40 % with 1000 players
 * of one stream (where each turn then writes more frames per player in one flush). The cost is
 * latency: up to one period per hop (publisher loop, then player loop), far below what players buffer.
 *
 * <p>While parked here the loop is not selecting, so tasks that other threads submit meanwhile (the
 * fan-out hands frames to player loops that way) cost no selector wake-up either; they run at the next
 * turn of the loop, at most one period later.
 */
final class PacedSelectStrategy implements SelectStrategy {

    private final long periodNanos;
    private final LongSupplier clock;
    private final LongConsumer pause;
    /** When this loop last polled its sockets (after any pause); none yet. */
    private long lastPoll;
    private boolean polled;

    PacedSelectStrategy(long periodNanos, LongSupplier clock, LongConsumer pause) {
        this.periodNanos = periodNanos;
        this.clock = clock;
        this.pause = pause;
    }

    /** One strategy per event loop (Netty asks the factory once per loop). */
    static SelectStrategyFactory factory(long periodNanos) {
        return () -> new PacedSelectStrategy(periodNanos, System::nanoTime, LockSupport::parkNanos);
    }

    @Override
    public int calculateStrategy(IntSupplier selectSupplier, boolean hasTasks) throws Exception {
        long now = clock.getAsLong();
        long wait = polled ? lastPoll + periodNanos - now : 0;
        polled = true;
        if (wait > 0) {
            pause.accept(wait);
            lastPoll = clock.getAsLong();
            // Always poll the sockets after a pause. Netty skips its blocking select whenever a task is
            // queued, and other threads queue tasks (frames for this loop's players) during nearly
            // every pause of a loop that serves a live stream: with the default answer (SELECT unless
            // hasTasks was true before the pause) this loop's sockets went unread for seconds
            // (measured: players waiting 1-3 s for NetStream.Play.Start, two never getting it).
            int ready = selectSupplier.get();
            return ready > 0 ? ready : SelectStrategy.SELECT;
        }
        lastPoll = now;
        // as Netty's default strategy: poll without blocking when tasks wait, else block in select
        return hasTasks ? selectSupplier.get() : SelectStrategy.SELECT;
    }
}
