package io.rtmp4j.bench.load;

/**
 * How far one player is behind real time, from the arrival times and timestamps of the media messages
 * it receives.
 *
 * <p>Definition. For every media message, {@code offset = arrival wall time − media timestamp} (the
 * timestamp unwrapped from 32 bits, rtmp-1.0.txt §5.3.1.3, so it keeps growing). The publisher sends
 * in real time (ffmpeg {@code -re}), so a player that keeps up sees a constant offset, up to jitter.
 * The player's <em>reference</em> is the smallest offset it has seen: the earliest, relative to the
 * stream's own clock, that this stream ever reached it. The lag of a message is its offset minus the
 * reference (≥ 0), and the player's lag <em>now</em> is {@code now − reference − newest timestamp},
 * which also grows while nothing arrives (a stalled player's lag is not frozen at its last message).
 *
 * <p>Why the minimum and not the first message (issue 5's "wall time since the first media minus
 * media time since then"): with a GOP cache a late joiner first receives a burst of frames that are
 * up to a GOP old; taking the first of them as the reference would make every later, live frame look
 * "early" and hide up to a GOP of lag. With the minimum, the live frames that follow become the
 * reference as soon as they arrive, and later lag is measured against the live edge. (A message's lag
 * is computed against the reference known when it arrives, so the cached frames themselves show no
 * lag; the report opens its measuring window after the joins.) The two definitions agree for a player
 * that starts at the live edge.
 *
 * <p>Times are in microseconds. Not thread-safe: one tracker per player, driven by its I/O thread.
 */
final class LagTracker {

    private boolean started;
    private long lastRawTimestamp;
    /** Newest unwrapped media timestamp, µs. */
    private long newestTimestampUs;
    private long unwrappedMs;
    /** min(arrival − timestamp) so far, µs. */
    private long referenceUs = Long.MAX_VALUE;
    /** Largest message lag since the last {@link #takeWindowMaxLagUs()}. */
    private long windowMaxLagUs;

    /**
     * Records a media message with 32-bit timestamp {@code timestampMs} arriving at {@code wallUs}.
     * Returns its lag in µs.
     */
    long onMedia(long wallUs, long timestampMs) {
        long ts = timestampMs & 0xFFFF_FFFFL;
        if (!started) {
            started = true;
            unwrappedMs = ts;
        } else {
            // signed 32-bit difference: small steps back (audio/video interleaving) stay small,
            // a wrap from 2^32-1 to 0 is +1 (rtmp-1.0.txt §5.3.1: timestamps are modulo 2^32)
            int delta = (int) (ts - lastRawTimestamp);
            unwrappedMs += delta;
        }
        lastRawTimestamp = ts;
        long tsUs = unwrappedMs * 1000;
        if (tsUs > newestTimestampUs || referenceUs == Long.MAX_VALUE) {
            newestTimestampUs = tsUs;
        }
        long offset = wallUs - tsUs;
        if (offset < referenceUs) {
            referenceUs = offset;
        }
        long lag = offset - referenceUs;
        if (lag > windowMaxLagUs) {
            windowMaxLagUs = lag;
        }
        return lag;
    }

    /** Whether any media has been recorded. */
    boolean started() {
        return started;
    }

    /**
     * The lag at {@code wallUs}: how far the newest media received is behind where a real-time stream
     * would be now ({@code wallUs − reference − newest timestamp}); 0 before any media.
     */
    long lagNowUs(long wallUs) {
        if (!started) {
            return 0;
        }
        return Math.max(0, wallUs - referenceUs - newestTimestampUs);
    }

    /** The largest message lag since the previous call (or the start), then starts a new window. */
    long takeWindowMaxLagUs() {
        long v = windowMaxLagUs;
        windowMaxLagUs = 0;
        return v;
    }

    /** Media time received so far (newest unwrapped timestamp), µs. */
    long newestTimestampUs() {
        return newestTimestampUs;
    }
}
