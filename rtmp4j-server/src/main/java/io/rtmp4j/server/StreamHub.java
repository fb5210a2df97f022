package io.rtmp4j.server;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.rtmp4j.session.ChunkLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live stream hub: publishers to players, keyed by app + stream name ({@link StreamKey}).
 *
 * <ul>
 *   <li>One publisher per name: {@link #publish} returns null while another publisher of the name is
 *       alive (the transport answers NetStream.Publish.BadName); a publisher that has sent no media
 *       for {@link HubConfig#publisherSilenceTimeout()} is dropped (by {@link #sweep()} or when a new
 *       publisher asks for its name), so a reconnecting encoder gets its stream back.</li>
 *   <li>Players may come before the publisher and stay through unpublish / republish
 *       ({@link PlayerSink#publishEnded()}, {@link PlayerSink#publishStarted()}); timestamps stay
 *       monotonic for each player (see {@link Publication}).</li>
 *   <li>Late joiners get metadata, every sequence header, then the GOP since the last keyframe
 *       ({@link HubConfig#gopCache()}).</li>
 *   <li>Other data messages (onCuePoint, onTextData...: {@link Publication#data}) go to the current
 *       players in order with the media and to the recording, never to a later joiner.</li>
 *   <li>Fan-out: each frame is chunk-encoded once per {@link ChunkLayout} and the same bytes are
 *       queued to every player (docs/ARCHITECTURE.md "Data path"); frames cross to other event loops through one
 *       lock-free queue per loop; slow players are handled as {@link Player} describes.</li>
 *   <li>Recording: with a directory, each publication is written to
 *       {@code DIR/<app>/<stream>-<UTC time>.flv}.</li>
 * </ul>
 *
 * <pre>{@code
 * StreamHub hub = new StreamHub(HubConfig.defaults(), null);
 * Publication pub = hub.publish(StreamKey.of("live", "cam"), publisherSink);   // null: BadName
 * pub.video(0, avcSequenceHeader); pub.video(0, keyframe); ...
 * Subscription sub = hub.play(StreamKey.of("live", "cam"), playerSink);
 * }</pre>
 */
public final class StreamHub {

    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);

    private final HubConfig config;
    private final Path recordDir;
    private final ByteBufAllocator alloc;
    private final LongSupplier nanoClock;
    private final Clock wallClock;
    private final FrameClassifier classifier;
    private final ConcurrentHashMap<StreamKey, Stream> streams = new ConcurrentHashMap<>();

    /**
     * @param config    settings
     * @param recordDir directory for recordings, or null to record nothing
     */
    public StreamHub(HubConfig config, Path recordDir) {
        this(config, recordDir, PooledByteBufAllocator.DEFAULT, System::nanoTime, Clock.systemUTC(),
                new TagClassifier());
    }

    StreamHub(HubConfig config, Path recordDir, ByteBufAllocator alloc, LongSupplier nanoClock, Clock wallClock,
              FrameClassifier classifier) {
        this.config = Objects.requireNonNull(config, "config");
        this.recordDir = recordDir;
        this.alloc = alloc;
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        this.classifier = classifier;
    }

    /**
     * The settings this hub was made with.
     *
     * @return the hub settings
     */
    public HubConfig config() {
        return config;
    }

    ByteBufAllocator alloc() {
        return alloc;
    }

    FrameClassifier classifier() {
        return classifier;
    }

    long nanoTime() {
        return nanoClock.getAsLong();
    }

    Clock wallClock() {
        return wallClock;
    }

    /**
     * Makes {@code sink} the publisher of {@code key}, or returns null if the name is taken by a live
     * publisher (answer NetStream.Publish.BadName). A silent publisher holding the name is dropped.
     *
     * @param key the stream's app and name
     * @param sink the publisher's connection
     * @return the new publication, or null when the name is in use
     */
    public Publication publish(StreamKey key, PublisherSink sink) {
        long now = nanoTime();
        long silence = config.publisherSilenceTimeout().toNanos();
        Publication[] result = new Publication[1];
        Publication[] dropped = new Publication[1];
        streams.compute(key, (k, s) -> {
            if (s == null) {
                s = new Stream(k, this);
            }
            synchronized (s) {
                Publication cur = s.publication;
                if (cur != null) {
                    if (now - cur.lastActivity() <= silence) {
                        return s;
                    }
                    dropped[0] = cur;
                    s.end(cur);
                }
                long last = s.lastTimestamp();
                Publication p = new Publication(s, this, sink, now, last < 0 ? 0 : last + 1);
                s.startLocked(p);
                result[0] = p;
            }
            return s;
        });
        if (dropped[0] != null) {
            Publication old = dropped[0];
            LOG.info("publisher {} of {} dropped: silent for more than {} ms; name taken by {}",
                    old.sink.peer(), key, config.publisherSilenceTimeout().toMillis(), sink.peer());
            old.end();
            old.sink.close("silent publisher replaced by " + sink.peer());
        }
        Publication p = result[0];
        if (p == null) {
            LOG.info("publish {} by {} refused: the name is in use", key, sink.peer());
            return null;
        }
        if (recordDir != null) {
            try {
                Recorder r = Recorder.open(recordDir, key, wallClock.instant());
                p.recorder(r);
                LOG.info("recording {} to {}", key, r.path());
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot record {}: {}", key, e.toString());
            }
        }
        LOG.info("publish {} by {}", key, sink.peer());
        return p;
    }

    /**
     * Adds a player of {@code key} (the stream need not be published yet). Call on
     * {@code sink.executor()}; from then on the hub calls the sink there.
     *
     * @param key the stream's app and name
     * @param sink the player's connection
     * @return the player's place in the stream; close it when the play ends
     */
    public Subscription play(StreamKey key, PlayerSink sink) {
        Player player = new Player(sink, key, config.playerMaxLag().toNanos());
        Stream[] holder = new Stream[1];
        streams.compute(key, (k, s) -> {
            if (s == null) {
                s = new Stream(k, this);
            }
            s.join(player);
            holder[0] = s;
            return s;
        });
        LOG.info("play {} by {}{}", key, sink.peer(), isPublished(key) ? "" : " (waiting for a publisher)");
        return new Subscription(this, holder[0], player);
    }

    /**
     * Whether {@code key} has a publisher now.
     *
     * @param key the stream's app and name
     * @return true while a publisher is live on it
     */
    public boolean isPublished(StreamKey key) {
        Stream s = streams.get(key);
        if (s == null) {
            return false;
        }
        synchronized (s) {
            return s.publication != null;
        }
    }

    /**
     * Number of players of {@code key} now.
     *
     * @param key the stream's app and name
     * @return how many players the stream has
     */
    public int playerCount(StreamKey key) {
        Stream s = streams.get(key);
        return s == null ? 0 : s.playerCount();
    }

    /**
     * The names known now (published or with players).
     *
     * @return a snapshot of the stream keys
     */
    public List<StreamKey> streams() {
        return new ArrayList<>(streams.keySet());
    }

    /**
     * Drops publishers silent for longer than {@link HubConfig#publisherSilenceTimeout()}; the server
     * calls it periodically (e.g. every second).
     */
    public void sweep() {
        long now = nanoTime();
        long silence = config.publisherSilenceTimeout().toNanos();
        for (Stream s : streams.values()) {
            Publication p;
            synchronized (s) {
                p = s.publication;
            }
            if (p != null && now - p.lastActivity() > silence) {
                LOG.info("publisher {} of {} dropped: no media for more than {} ms", p.sink.peer(), s.key,
                        config.publisherSilenceTimeout().toMillis());
                p.end();
                p.sink.close("no media for " + config.publisherSilenceTimeout().toMillis() + " ms");
            }
        }
    }

    /** Ends every publication (closing recordings); used on shutdown. */
    public void closeAll() {
        for (Stream s : streams.values()) {
            Publication p;
            synchronized (s) {
                p = s.publication;
            }
            if (p != null) {
                p.end();
            }
        }
    }

    void cleanup(Stream s) {
        streams.computeIfPresent(s.key, (k, cur) -> cur == s && cur.isIdle() ? null : cur);
    }

    Stream stream(StreamKey key) {
        return streams.get(key);
    }
}
