package io.rtmp4j.server;

import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One stream name in the hub: its publication (if any), the caches a late joiner needs (metadata,
 * every sequence header, the GOP since the last keyframe) and its player groups, one per event loop.
 * Guarded by its own monitor; the publisher takes it once per frame, a joiner once.
 */
final class Stream {

    final StreamKey key;
    private final StreamHub hub;

    // guarded by this
    Publication publication;
    private int players;
    private Frame metadata;
    private final LinkedHashMap<String, Frame> configs = new LinkedHashMap<>();
    private final ArrayList<Frame> gop = new ArrayList<>();
    private long gopBytes;
    private boolean gopOverflow;
    private PlayerGroup[] groups = new PlayerGroup[0];
    /** Largest timestamp sent on this stream's timeline, -1 before the first frame. */
    private long lastTimestamp = -1;
    /** Metadata and headers re-timed for joiners at {@link #headT0}, shared by them; null when stale. */
    private Frame[] head;
    private long headT0 = -1;

    Stream(StreamKey key, StreamHub hub) {
        this.key = key;
        this.hub = hub;
    }

    synchronized boolean isIdle() {
        return publication == null && players == 0;
    }

    /** The current publication, or null. */
    synchronized Publication publicationNow() {
        return publication;
    }

    synchronized int playerCount() {
        return players;
    }

    synchronized long lastTimestamp() {
        return lastTimestamp;
    }

    /** Installs {@code p} as the publication and tells waiting players. Caller holds the monitor. */
    void startLocked(Publication p) {
        publication = p;
        for (PlayerGroup g : groups) {
            g.offer(PlayerGroup.Publishing.STARTED);
        }
    }

    /** Ends {@code p} if it is the current publication: caches cleared, players told. */
    synchronized boolean end(Publication p) {
        if (publication != p) {
            return false;
        }
        publication = null;
        dropHead();
        clearGop();
        gopOverflow = false;
        configs.values().forEach(Frame::release);
        configs.clear();
        if (metadata != null) {
            metadata.release();
            metadata = null;
        }
        for (PlayerGroup g : groups) {
            g.offer(PlayerGroup.Publishing.ENDED);
        }
        return true;
    }

    /**
     * Caches {@code f} as needed and queues it to every group. {@code configKey} is non-null for a
     * sequence header, {@code meta} for onMetaData; another data message ({@link Frame#DATA}, not
     * {@code meta}) is queued but not cached. The caller keeps its own reference.
     */
    synchronized void dispatch(Publication from, Frame f, String configKey, boolean meta) {
        if (publication != from) {
            return; // dropped for silence, or ended: late frames of an old publication go nowhere
        }
        if (meta || configKey != null || f.isVideo() && f.keyframe) {
            dropHead();
        }
        if (meta) {
            if (metadata != null) {
                metadata.release();
            }
            metadata = (Frame) f.retain();
        } else if (configKey != null) {
            Frame old = configs.put(configKey, (Frame) f.retain());
            if (old != null) {
                old.release();
            }
        } else if (f.typeId != Frame.DATA && hub.config().gopCache()) {
            // a data message (cue point, caption) goes to the current players only: a late joiner must
            // not see an old ad marker or caption replayed, so it is never part of the GOP cache
            cacheGop(f);
        }
        if (f.timestamp > lastTimestamp) {
            lastTimestamp = f.timestamp;
        }
        for (PlayerGroup g : groups) {
            g.offer((Frame) f.retain());
        }
    }

    private void cacheGop(Frame f) {
        if (f.isVideo() && f.keyframe) {
            clearGop();
            gopOverflow = false;
            gop.add((Frame) f.retain());
            gopBytes = f.size();
        } else if (!gop.isEmpty() && !gopOverflow) {
            if (gopBytes + f.size() > hub.config().maxGopBytes()) {
                clearGop(); // too long to cache: joiners wait for the next keyframe
                gopOverflow = true;
            } else {
                gop.add((Frame) f.retain());
                gopBytes += f.size();
            }
        }
    }

    private void clearGop() {
        gop.forEach(Frame::release);
        gop.clear();
        gopBytes = 0;
    }

    /** Registers a player: it gets the prelude, then every frame dispatched after this call. */
    synchronized void join(Player p) {
        players++;
        List<Frame> prelude = publication == null ? List.of() : prelude();
        group(p.sink.executor()).offer(new PlayerGroup.Join(p, prelude));
    }

    synchronized void leave(Player p) {
        players--;
        group(p.sink.executor()).offer(new PlayerGroup.Leave(p));
    }

    /**
     * What a late joiner needs before live frames (docs/INTEROP.md "Media"): metadata, every sequence
     * header, then the cached GOP. Metadata stays at timestamp 0, where FFmpeg's FLV demuxer skips it
     * (at any other timestamp it becomes a subtitle stream: {@link Publication#playerTimestamp}); nginx-rtmp
     * sends a joiner's metadata at 0 as well. Sequence headers are re-timed to the GOP's first timestamp:
     * the player's media timestamps never go backwards, and FFmpeg 8.1's FLV demuxer ignores an enhanced sequence
     * start (AV1, Opus) whose timestamp lies far before the following frames (a late joiner then aborts
     * with "Assertion par->extradata_size failed"). The re-timed copies are shared by every joiner of
     * the same GOP.
     */
    private List<Frame> prelude() {
        long t0 = gop.isEmpty() ? Math.max(lastTimestamp, 0) : gop.get(0).timestamp;
        if (head == null || headT0 != t0) {
            dropHead();
            head = new Frame[(metadata != null ? 1 : 0) + configs.size()];
            int i = 0;
            if (metadata != null) {
                head[i++] = (Frame) metadata.retain(); // at 0, not t0: see Publication#playerTimestamp
            }
            for (Frame c : configs.values()) {
                head[i++] = at(c, t0);
            }
            headT0 = t0;
        }
        List<Frame> out = new ArrayList<>(head.length + gop.size());
        for (Frame f : head) {
            out.add((Frame) f.retain());
        }
        for (Frame f : gop) {
            out.add((Frame) f.retain());
        }
        return out;
    }

    private void dropHead() {
        if (head != null) {
            for (Frame f : head) {
                f.release();
            }
            head = null;
        }
    }

    private static Frame at(Frame f, long t0) {
        return f.timestamp == t0 ? (Frame) f.retain() : f.retimed(t0);
    }

    private PlayerGroup group(EventExecutor executor) {
        for (PlayerGroup g : groups) {
            if (g.executor == executor) {
                return g;
            }
        }
        PlayerGroup g = new PlayerGroup(executor, hub);
        groups = Arrays.copyOf(groups, groups.length + 1);
        groups[groups.length - 1] = g;
        return g;
    }

    /** Cached GOP frame count (tests). */
    synchronized int gopSize() {
        return gop.size();
    }
}
