package io.rtmp4j.server;

import io.netty.buffer.ByteBuf;
import io.rtmp4j.session.ChunkLayout;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One player of one stream, confined to its connection's event loop: the per-player state of the fan
 * out, kept small (issue 5: "keep per-player state small").
 *
 * <p>Slow players (docs/ARCHITECTURE.md "Slow players and overload"): the bounded queue is the connection's outbound buffer with
 * its high-water mark ({@link HubConfig#playerQueueBytes()}). While it is full, audio and video frames
 * are dropped; after a dropped video frame the player skips video until the next keyframe, so its
 * decoder never sees a frame whose reference is missing. Decoder configuration and metadata are
 * never dropped. A player that has been losing frames for {@link HubConfig#playerMaxLag()} is
 * disconnected.
 *
 * <p>The same holds when the server itself is behind: a live frame older than
 * {@link HubConfig#maxFrameAge()} when its {@link PlayerGroup} handles it ({@link #stale}) is dropped as
 * if the queue were full, so a starved event loop brings its players back to the live edge (the next
 * keyframe) instead of sending ever older frames; a player that gets only dropped frames for
 * {@code playerMaxLag} is disconnected ("server overloaded: frames N ms old"). Its prelude is never
 * dropped for age.
 */
final class Player {

    private static final Logger LOG = LoggerFactory.getLogger(Player.class);
    private static final long NOT_CONGESTED = Long.MIN_VALUE;

    final PlayerSink sink;
    final StreamKey key;
    private final ChunkLayout layout;
    private final long maxLagNanos;
    boolean dirty;
    private boolean closed;
    private boolean waitKeyframe = true;
    private long congestedSince = NOT_CONGESTED;
    private long framesSent;
    private long framesDropped;

    Player(PlayerSink sink, StreamKey key, long maxLagNanos) {
        this.sink = sink;
        this.key = key;
        this.layout = sink.layout();
        this.maxLagNanos = maxLagNanos;
    }

    /**
     * Batch state ({@link PlayerGroup}): the number of frames of the group's current batch this player
     * takes as one shared buffer at the batch's end (it has taken every batch frame so far, in order), or
     * {@code SOLO} when it has diverged from the batch (a frame dropped or refused, or it joined during
     * the batch) and writes its frames one by one until the batch ends.
     */
    int batched;
    static final int SOLO = -1;

    /**
     * Offers the group's live frame {@code f}, number {@code index} of the current batch: defers it
     * (returns true; the group writes the batch at its end) while this player has taken every batch
     * frame so far, else writes it alone as {@link #deliver} does. {@code batch} holds the batch's
     * frames so far (those this player had deferred are written first when it diverges).
     */
    boolean offer(Frame f, int index, List<Frame> batch, long now) {
        if (batched == index) {
            if (admit(f, now, false)) {
                batched++;
                return true;
            }
            // diverges: what it deferred goes out alone, in order
            for (int i = 0; i < index && !closed; i++) {
                write(batch.get(i));
            }
            batched = SOLO;
            return index > 0;
        }
        batched = SOLO;
        return deliver(f, now, false);
    }

    /** The batch ended: back to deferring. */
    void batchEnded() {
        batched = 0;
    }

    /** Sends or drops {@code f}; returns whether something was written. */
    boolean deliver(Frame f, long now, boolean force) {
        if (admit(f, now, force)) {
            write(f);
            return true;
        }
        return false;
    }

    private void write(Frame f) {
        sink.write(f.encoded(layout).retainedDuplicate());
        framesSent++;
    }

    /** Writes the shared encoding of {@link #batched} whole batch frames (the group made it for this layout). */
    void writeBatch(ByteBuf chunks, int frames) {
        if (closed) {
            return;
        }
        sink.write(chunks.retainedDuplicate());
        framesSent += frames;
    }

    ChunkLayout layout() {
        return layout;
    }

    /** Whether {@code f} goes to this player now (drop bookkeeping as a side effect). */
    private boolean admit(Frame f, long now, boolean force) {
        if (closed) {
            return false;
        }
        if (!sink.accepts(f.typeId)) {
            if (f.isVideo()) {
                waitKeyframe = true; // resume video (receiveVideo true, unpause) at a keyframe
            }
            return false;
        }
        if (!f.config && !force) {
            if (!sink.writable()) {
                dropped(f, now, false);
                return false;
            }
            if (f.isVideo()) {
                if (waitKeyframe && !f.keyframe) {
                    framesDropped++;
                    return false;
                }
                waitKeyframe = false;
            }
            congestedSince = NOT_CONGESTED;
        } else if (f.isVideo() && f.keyframe) {
            waitKeyframe = false;
        }
        return true;
    }

    /**
     * The group's live frame {@code f} (not configuration) is older than {@link HubConfig#maxFrameAge()}:
     * dropped as if the queue were full. Called by the group once per stale frame for each player.
     */
    void stale(Frame f, long now) {
        if (closed) {
            return;
        }
        if (!sink.accepts(f.typeId)) {
            if (f.isVideo()) {
                waitKeyframe = true;
            }
            return;
        }
        dropped(f, now, true);
    }

    private void dropped(Frame f, long now, boolean stale) {
        framesDropped++;
        if (f.isVideo()) {
            waitKeyframe = true;
        }
        if (congestedSince == NOT_CONGESTED) {
            congestedSince = now;
        } else if (now - congestedSince > maxLagNanos) {
            close(stale
                    ? String.format("server overloaded: frames %d ms old when their turn came, dropping for"
                            + " %d ms, %d frames dropped", (now - f.arrival) / 1_000_000,
                            (now - congestedSince) / 1_000_000, framesDropped)
                    : String.format("too far behind: queue full for %d ms, %d frames dropped",
                            (now - congestedSince) / 1_000_000, framesDropped));
        }
    }

    void publishStarted() {
        if (!closed) {
            waitKeyframe = true;
            sink.publishStarted();
        }
    }

    void publishEnded() {
        if (!closed) {
            sink.publishEnded();
        }
    }

    void flush() {
        dirty = false;
        if (!closed) {
            sink.flush();
        }
    }

    void close(String reason) {
        if (!closed) {
            closed = true;
            LOG.info("player {} of {} disconnected: {}", sink.peer(), key, reason);
            sink.close(reason);
        }
    }

    boolean isClosed() {
        return closed;
    }

    long framesSent() {
        return framesSent;
    }

    long framesDropped() {
        return framesDropped;
    }
}
