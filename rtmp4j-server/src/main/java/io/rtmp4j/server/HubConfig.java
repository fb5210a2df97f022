package io.rtmp4j.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link StreamHub}. Every value has a default ({@link #defaults()}), documented here
 * with where it comes from; {@code ./rtmp4j serve} exposes each as a flag.
 *
 * @param gopCache                 keep the frames since the last video keyframe and send them to a
 *                                 late joiner, so its picture starts at once. Default on (nginx-rtmp's
 *                                 {@code wait_key} + SRS's {@code gop_cache}); {@code --no-gop-cache}.
 * @param maxGopBytes              largest cached GOP in payload bytes; a longer GOP is not cached (a
 *                                 joiner then waits for the next keyframe). Default 16 MiB: 8 s of a
 *                                 16 Mbit/s stream.
 * @param publisherSilenceTimeout  a publisher that sends no media for this long is dropped, so an
 *                                 encoder that reconnects after a network cut gets its name back.
 *                                 Default 10 s (nginx-rtmp's {@code drop_idle_publisher} is off by
 *                                 default; 10 s is longer than any encoder's keyframe interval).
 * @param playerMaxLag             a player that has been losing frames (its queue full) for this long
 *                                 is disconnected. Default 10 s.
 * @param playerQueueBytes         the bytes a player may have queued before its droppable frames are
 *                                 dropped (the transport's write-buffer high-water mark). Default
 *                                 2 MiB: about 6 s of a 2.7 Mbit/s 720p stream; memory is shared with
 *                                 the other players (frames are not copied per player).
 * @param flushDelay               how long frames for a player may wait to be written together: one
 *                                 write system call then carries several messages (an audio frame
 *                                 and the next video frame). Zero writes each batch at once.
 *                                 Default {@value #DEFAULT_FLUSH_DELAY_MS} ms: small against a
 *                                 player's buffer (ffmpeg asks for 3 s), and measured to cut the
 *                                 server's CPU per delivered GB (see BENCHMARKS.md when present).
 * @param maxFrameAge              a live audio, video or large data frame that waited longer than this
 *                                 between its arrival from the publisher and its turn on the players'
 *                                 event loop is dropped for those players (video then waits for the
 *                                 next keyframe), as if their queues were full; players that keep
 *                                 getting only such frames for {@code playerMaxLag} are disconnected
 *                                 ("server overloaded"). This keeps players near the live edge when
 *                                 the machine is overloaded and frames pile up in the server rather
 *                                 than in the sockets, where the queue limit would not see them.
 *                                 Decoder configuration, metadata and a joiner's prelude (its cached
 *                                 GOP) are never dropped for age. Default
 *                                 {@value #DEFAULT_MAX_FRAME_AGE_MS} ms: far above normal delays (an
 *                                 event loop paced at up to 40 ms per hop, a 20 ms flush delay, a
 *                                 young-generation pause), well below what a player buffers (ffmpeg
 *                                 asks for 3 s), so a player is never more than about a second plus a
 *                                 GOP behind because of the server.
 */
public record HubConfig(boolean gopCache, long maxGopBytes, Duration publisherSilenceTimeout,
                        Duration playerMaxLag, int playerQueueBytes, Duration flushDelay,
                        Duration maxFrameAge) {

    /** Default of {@link #flushDelay()} in milliseconds. */
    public static final int DEFAULT_FLUSH_DELAY_MS = 20;

    /** Default {@link #maxGopBytes()}: 16 MiB (see the record's description). */
    public static final long DEFAULT_MAX_GOP_BYTES = 16L << 20;

    /** Default {@link #playerQueueBytes()}: 2 MiB (see the record's description). */
    public static final int DEFAULT_PLAYER_QUEUE_BYTES = 2 << 20;

    /** Default of {@link #maxFrameAge()} in milliseconds. */
    public static final int DEFAULT_MAX_FRAME_AGE_MS = 1000;

    /**
     * Checks the settings: durations present, {@code maxFrameAge}, {@code publisherSilenceTimeout} and
     * {@code playerMaxLag} positive, {@code flushDelay} 0..1000 ms, {@code maxGopBytes} not negative,
     * {@code playerQueueBytes} at least 1024.
     *
     * @param gopCache keep the frames since the last video keyframe and send them to a late joiner, so its
     *     picture starts at once
     * @param maxGopBytes largest cached GOP in payload bytes
     * @param publisherSilenceTimeout a publisher that sends no media for this long is dropped, so an
     *     encoder that reconnects after a network cut gets its name back
     * @param playerMaxLag a player that has been losing frames (its queue full) for this long is
     *     disconnected
     * @param playerQueueBytes the bytes a player may have queued before its droppable frames are dropped
     *     (the transport's write-buffer high-water mark)
     * @param flushDelay how long frames for a player may wait to be written together
     * @param maxFrameAge a live audio, video or large data frame that waited longer than this between its
     *     arrival from the publisher and its turn on the players' event loop is dropped for those players
     *     (video then waits for the next keyframe), as if their queues were full
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public HubConfig {
        Objects.requireNonNull(publisherSilenceTimeout, "publisherSilenceTimeout");
        Objects.requireNonNull(playerMaxLag, "playerMaxLag");
        Objects.requireNonNull(flushDelay, "flushDelay");
        Objects.requireNonNull(maxFrameAge, "maxFrameAge");
        if (maxFrameAge.isNegative() || maxFrameAge.isZero()) {
            throw new IllegalArgumentException("maxFrameAge must be positive: " + maxFrameAge);
        }
        if (flushDelay.isNegative() || flushDelay.toMillis() > 1000) {
            throw new IllegalArgumentException("flushDelay must be 0..1000 ms: " + flushDelay);
        }
        if (maxGopBytes < 0) {
            throw new IllegalArgumentException("maxGopBytes must be >= 0: " + maxGopBytes);
        }
        if (playerQueueBytes < 1024) {
            throw new IllegalArgumentException("playerQueueBytes must be >= 1024: " + playerQueueBytes);
        }
        if (publisherSilenceTimeout.isNegative() || publisherSilenceTimeout.isZero()
                || playerMaxLag.isNegative() || playerMaxLag.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /**
     * The settings without {@link #maxFrameAge()}, which takes its default.
     *
     * @param gopCache keep the frames since the last video keyframe and send them to a late joiner, so its
     *     picture starts at once
     * @param maxGopBytes largest cached GOP in payload bytes
     * @param publisherSilenceTimeout a publisher that sends no media for this long is dropped, so an
     *     encoder that reconnects after a network cut gets its name back
     * @param playerMaxLag a player that has been losing frames (its queue full) for this long is
     *     disconnected
     * @param playerQueueBytes the bytes a player may have queued before its droppable frames are dropped
     *     (the transport's write-buffer high-water mark)
     * @param flushDelay how long frames for a player may wait to be written together
     */
    public HubConfig(boolean gopCache, long maxGopBytes, Duration publisherSilenceTimeout,
                     Duration playerMaxLag, int playerQueueBytes, Duration flushDelay) {
        this(gopCache, maxGopBytes, publisherSilenceTimeout, playerMaxLag, playerQueueBytes, flushDelay,
                Duration.ofMillis(DEFAULT_MAX_FRAME_AGE_MS));
    }

    /**
     * The documented defaults.
     *
     * @return gop cache on, 16 MiB GOPs, 10 s silence timeout and max lag, 2 MiB player queues, 20 ms flush
     *     delay, 1000 ms max frame age
     */
    public static HubConfig defaults() {
        return new HubConfig(true, DEFAULT_MAX_GOP_BYTES, Duration.ofSeconds(10), Duration.ofSeconds(10),
                DEFAULT_PLAYER_QUEUE_BYTES,
                Duration.ofMillis(DEFAULT_FLUSH_DELAY_MS), Duration.ofMillis(DEFAULT_MAX_FRAME_AGE_MS));
    }

    /**
     * A copy with {@link #gopCache()} set to {@code on}; the other settings stay.
     *
     * @param on whether late joiners get the cached GOP
     * @return the new settings
     */
    public HubConfig withGopCache(boolean on) {
        return new HubConfig(on, maxGopBytes, publisherSilenceTimeout, playerMaxLag, playerQueueBytes,
                flushDelay, maxFrameAge);
    }

    /**
     * A copy with {@link #maxGopBytes()} set to {@code bytes}; the other settings stay.
     *
     * @param bytes the largest GOP cached, in payload bytes
     * @return the new settings
     */
    public HubConfig withMaxGopBytes(long bytes) {
        return new HubConfig(gopCache, bytes, publisherSilenceTimeout, playerMaxLag, playerQueueBytes,
                flushDelay, maxFrameAge);
    }

    /**
     * A copy with {@link #publisherSilenceTimeout()} set to {@code d}; the other settings stay.
     *
     * @param d how long a publisher may send no media before it is dropped
     * @return the new settings
     */
    public HubConfig withPublisherSilenceTimeout(Duration d) {
        return new HubConfig(gopCache, maxGopBytes, d, playerMaxLag, playerQueueBytes,
                flushDelay, maxFrameAge);
    }

    /**
     * A copy with {@link #playerMaxLag()} set to {@code d}; the other settings stay.
     *
     * @param d how long a player may keep losing frames before it is disconnected
     * @return the new settings
     */
    public HubConfig withPlayerMaxLag(Duration d) {
        return new HubConfig(gopCache, maxGopBytes, publisherSilenceTimeout, d, playerQueueBytes,
                flushDelay, maxFrameAge);
    }

    /**
     * A copy with {@link #flushDelay()} set to {@code d}; the other settings stay.
     *
     * @param d how long frames may wait to be written together (0..1000 ms)
     * @return the new settings
     */
    public HubConfig withFlushDelay(Duration d) {
        return new HubConfig(gopCache, maxGopBytes, publisherSilenceTimeout, playerMaxLag, playerQueueBytes,
                d, maxFrameAge);
    }

    /**
     * A copy with {@link #playerQueueBytes()} set to {@code bytes}; the other settings stay.
     *
     * @param bytes a player's write high-water mark, at least 1024
     * @return the new settings
     */
    public HubConfig withPlayerQueueBytes(int bytes) {
        return new HubConfig(gopCache, maxGopBytes, publisherSilenceTimeout, playerMaxLag, bytes,
                flushDelay, maxFrameAge);
    }

    /**
     * A copy with {@link #maxFrameAge()} set to {@code d}; the other settings stay.
     *
     * @param d the oldest a live frame may be when its player group handles it
     * @return the new settings
     */
    public HubConfig withMaxFrameAge(Duration d) {
        return new HubConfig(gopCache, maxGopBytes, publisherSilenceTimeout, playerMaxLag, playerQueueBytes,
                flushDelay, d);
    }
}
