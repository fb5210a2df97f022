package io.rtmp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.PlatformDependent;
import io.rtmp4j.session.ChunkLayout;
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
 *
 * <p>The frames of one batch (from one flush to the next) that every player in step takes are encoded
 * once per {@link ChunkLayout} into one buffer, and each such player gets that buffer as one write:
 * one outbound entry and one contiguous region per player per flush instead of one per frame (issue 5:
 * "avoid per-message allocation on the fan-out path"). A player that diverges during a batch (a frame
 * dropped or refused, or it joined during the batch) writes its frames one by one until the batch
 * ends; the bytes each player receives are the same either way.
 *
 * <p>Slow players: each player's own limit is its connection's outbound buffer ({@link Player}). When
 * the whole machine is overloaded, frames wait here instead, in this group's queue, for a loop that
 * cannot run often enough, while the sockets stay writable: the players would keep receiving ever
 * older frames. So a live frame that arrived from the publisher more than
 * {@link HubConfig#maxFrameAge()} before the group handles it is stale: decided once per frame for the
 * whole group, it is dropped for every player like a frame refused by a full queue (video then waits
 * for the next keyframe; a player that gets nothing but dropped frames for
 * {@link HubConfig#playerMaxLag()} is disconnected, "server overloaded"). A stale frame is not part of
 * the batch, so players in step stay in step. Decoder configuration and metadata are never stale, and
 * neither is a joiner's prelude (its cached GOP is old by design).
 */
final class PlayerGroup implements Runnable {

    /**
     * What the queue of a group carries from the stream to its event loop: a live {@link Frame} (retained
     * by the queue), a player joining or leaving, or the publication starting or ending.
     */
    sealed interface Item permits Frame, Join, Leave, Publishing { }

    /** A player joins; {@code prelude} (owned by this item) is what it gets first. */
    record Join(Player player, List<Frame> prelude) implements Item { }

    /** A player leaves. */
    record Leave(Player player) implements Item { }

    /** The stream's publication started or ended: players get PublishNotify / UnpublishNotify. */
    enum Publishing implements Item { STARTED, ENDED }

    final EventExecutor executor;
    private final StreamHub hub;
    private final Queue<Item> queue = PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ArrayList<Player> players = new ArrayList<>(); // confined to executor
    private final ArrayList<Player> dirty = new ArrayList<>();   // confined to executor
    /** Live frames queued since the batch began (each retained here until the batch ends). */
    private final ArrayList<Frame> batch = new ArrayList<>();    // confined to executor
    /** {@link HubConfig#flushDelay()}: frames wait up to this long so one write carries several. */
    private final long flushDelayNanos;
    /** {@link HubConfig#maxFrameAge()}: an older live frame is dropped for every player of the group. */
    private final long maxFrameAgeNanos;
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
        this.maxFrameAgeNanos = hub.config().maxFrameAge().toNanos();
    }

    /** Queues an item (a retained {@link Frame}, or a control item) for the group's loop; any thread. */
    void offer(Item item) {
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
            Item item;
            while ((item = queue.poll()) != null) {
                try {
                    handle(item, now);
                } finally {
                    release(item);
                }
            }
            if (flushDelayNanos == 0 || flushNow) {
                flushDirty();
            } else if (dirty.isEmpty()) {
                endBatch(); // nobody deferred a frame (no player, or none in step): hold nothing
            } else if (!flushScheduled) {
                flushScheduled = true;
                executor.schedule(flushTask, flushDelayNanos, TimeUnit.NANOSECONDS);
            }
            scheduled.set(false);
            if (queue.isEmpty() || !scheduled.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void handle(Item item, long now) {
        if (item instanceof Frame f) {
            if (!f.config && now - f.arrival > maxFrameAgeNanos) {
                // the loop ran too late for this frame: the same drop for every player, outside the batch
                for (int i = 0; i < players.size(); i++) {
                    players.get(i).stale(f, now);
                }
                return;
            }
            int index = batch.size();
            batch.add((Frame) f.retain());
            for (int i = 0; i < players.size(); i++) {
                Player p = players.get(i);
                if (p.offer(f, index, batch, now)) {
                    markDirty(p);
                }
            }
        } else if (item instanceof Join j) {
            Player p = j.player();
            if (p.isClosed()) {
                return;
            }
            p.batched = batch.isEmpty() ? 0 : Player.SOLO; // its prelude goes first, alone
            players.add(p);
            for (Frame f : j.prelude()) {
                p.deliver(f, now, true);
            }
            markDirty(p);
            flushNow = true;
        } else if (item instanceof Leave l) {
            // frames it deferred in this batch are not written: it stopped playing
            players.remove(l.player());
            dirty.remove(l.player());
        } else if (item instanceof Publishing change) {
            endBatch(); // what the session writes goes after the frames before it
            for (Player p : players) {
                if (change == Publishing.STARTED) {
                    p.publishStarted();
                } else {
                    p.publishEnded();
                }
                markDirty(p);
            }
        }
    }

    /**
     * Writes the batch to every player that took all of it (one shared buffer per layout), and starts a
     * new batch.
     */
    private void endBatch() {
        int n = batch.size();
        if (n == 0) {
            return;
        }
        ChunkLayout layout = null;
        ByteBuf bytes = null;
        for (int i = 0; i < players.size(); i++) {
            Player p = players.get(i);
            if (p.batched == n) {
                if (layout == null || !layout.equals(p.layout())) {
                    if (bytes != null) {
                        bytes.release();
                    }
                    layout = p.layout();
                    bytes = encode(layout);
                }
                p.writeBatch(bytes, n);
            }
            p.batchEnded();
        }
        if (bytes != null) {
            bytes.release();
        }
        for (int i = 0; i < n; i++) {
            batch.get(i).release();
        }
        batch.clear();
    }

    /** The batch's frames for {@code layout} as one buffer (a lone frame's own shared encoding). */
    private ByteBuf encode(ChunkLayout layout) {
        if (batch.size() == 1) {
            return batch.get(0).encoded(layout).retain();
        }
        int len = 0;
        for (int i = 0; i < batch.size(); i++) {
            len += batch.get(i).encoded(layout).readableBytes();
        }
        ByteBuf buf = hub.alloc().directBuffer(len, len);
        for (int i = 0; i < batch.size(); i++) {
            ByteBuf e = batch.get(i).encoded(layout);
            buf.writeBytes(e, e.readerIndex(), e.readableBytes());
        }
        return buf;
    }

    private void flushDirty() {
        flushNow = false;
        endBatch();
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

    private static void release(Item item) {
        if (item instanceof Frame f) {
            f.release();
        } else if (item instanceof Join j) {
            j.prelude().forEach(ReferenceCountUtil::release);
        }
    }

    private void drainAndRelease() {
        Item item;
        while ((item = queue.poll()) != null) {
            release(item);
        }
    }

    /** Number of players (for tests; call on the executor). */
    int size() {
        return players.size();
    }
}
