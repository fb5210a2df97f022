package io.rtmp4j.server;

import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.PlatformDependent;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The players of one stream that live on one event loop. The publisher hands each frame to every
 * group once (a lock-free queue and at most one pending task per group), never to each player: the
 * publisher's loop is not slowed by players on other loops, and a batch of frames is written and
 * flushed once per player per drain.
 */
final class PlayerGroup implements Runnable {

    /** A player joins; {@code prelude} (owned by this item) is what it gets first. */
    record Join(Player player, List<Frame> prelude) { }

    /** A player leaves. */
    record Leave(Player player) { }

    static final Object PUBLISH_START = "publish-start";
    static final Object PUBLISH_END = "publish-end";

    final EventExecutor executor;
    private final StreamHub hub;
    private final Queue<Object> queue = PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ArrayList<Player> players = new ArrayList<>(); // confined to executor
    private final ArrayList<Player> dirty = new ArrayList<>();   // confined to executor
    /** {@link HubConfig#flushDelay()}: frames wait up to this long so one write carries several. */
    private final long flushDelayNanos;
    private boolean flushScheduled;  // confined to executor
    private boolean flushNow;        // a joiner is waiting for its first frames: no delay
    private final Runnable flushTask = () -> {
        flushScheduled = false;
        flushDirty();
    };

    PlayerGroup(EventExecutor executor, StreamHub hub) {
        this.executor = executor;
        this.hub = hub;
        this.flushDelayNanos = hub.config().flushDelay().toNanos();
    }

    /** Queues an item (a retained {@link Frame}, or a control item) for the group's loop; any thread. */
    void offer(Object item) {
        queue.offer(item);
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this);
            } catch (RejectedExecutionException e) {
                // the loop is shutting down: its connections are closing; free what was queued
                drainAndRelease();
            }
        }
    }

    @Override
    public void run() {
        for (;;) {
            long now = hub.nanoTime();
            Object item;
            while ((item = queue.poll()) != null) {
                try {
                    handle(item, now);
                } finally {
                    release(item);
                }
            }
            if (flushDelayNanos == 0 || flushNow) {
                flushDirty();
            } else if (!flushScheduled && !dirty.isEmpty()) {
                flushScheduled = true;
                executor.schedule(flushTask, flushDelayNanos, TimeUnit.NANOSECONDS);
            }
            scheduled.set(false);
            if (queue.isEmpty() || !scheduled.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void handle(Object item, long now) {
        if (item instanceof Frame f) {
            for (int i = 0; i < players.size(); i++) {
                Player p = players.get(i);
                if (p.deliver(f, now, false)) {
                    markDirty(p);
                }
            }
        } else if (item instanceof Join j) {
            Player p = j.player();
            if (p.isClosed()) {
                return;
            }
            players.add(p);
            for (Frame f : j.prelude()) {
                p.deliver(f, now, true);
            }
            markDirty(p);
            flushNow = true;
        } else if (item instanceof Leave l) {
            players.remove(l.player());
            dirty.remove(l.player());
        } else if (item == PUBLISH_START) {
            for (Player p : players) {
                p.publishStarted();
                markDirty(p);
            }
        } else if (item == PUBLISH_END) {
            for (Player p : players) {
                p.publishEnded();
                markDirty(p);
            }
        }
    }

    private void flushDirty() {
        flushNow = false;
        for (int i = 0; i < dirty.size(); i++) {
            dirty.get(i).flush();
        }
        dirty.clear();
    }

    private void markDirty(Player p) {
        if (!p.dirty) {
            p.dirty = true;
            dirty.add(p);
        }
    }

    private static void release(Object item) {
        if (item instanceof Frame f) {
            f.release();
        } else if (item instanceof Join j) {
            j.prelude().forEach(ReferenceCountUtil::release);
        }
    }

    private void drainAndRelease() {
        Object item;
        while ((item = queue.poll()) != null) {
            release(item);
        }
    }

    /** Number of players (for tests; call on the executor). */
    int size() {
        return players.size();
    }
}
