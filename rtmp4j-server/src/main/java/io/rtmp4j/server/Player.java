package io.rtmp4j.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One player of one stream, confined to its connection's event loop: the per-player state of the fan
 * out, kept small (issue 5: "keep per-player state small").
 *
 * <p>Slow players (DESIGN.md principle 7): the bounded queue is the connection's outbound buffer with
 * its high-water mark ({@link HubConfig#playerQueueBytes()}). While it is full, audio and video frames
 * are dropped; after a dropped video frame the player skips video until the next keyframe, so its
 * decoder never sees a frame whose reference is missing. Decoder configuration and metadata are
 * never dropped. A player that has been losing frames for {@link HubConfig#playerMaxLag()} is
 * disconnected.
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

    /** Sends or drops {@code f}; returns whether something was written. */
    boolean deliver(Frame f, long now, boolean force) {
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
                dropped(f, now);
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
        sink.write(f.encoded(layout).retainedDuplicate());
        framesSent++;
        return true;
    }

    private void dropped(Frame f, long now) {
        framesDropped++;
        if (f.isVideo()) {
            waitKeyframe = true;
        }
        if (congestedSince == NOT_CONGESTED) {
            congestedSince = now;
        } else if (now - congestedSince > maxLagNanos) {
            close(String.format("too far behind: queue full for %d ms, %d frames dropped",
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
