package io.rtmp4j.server;

import io.rtmp4j.netty.RtmpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live streaming server of {@code ./rtmp4j serve} as a library: an {@link RtmpServer} whose
 * connections publish to and play from a {@link StreamHub} (late join, the slow-player and overload
 * policy, recording), with an {@link AccessControl} that decides every connect, publish and play
 * (asynchronously, before anything flows), {@link ServerEvents} for every start and stop, and a registry
 * of the live connections and streams.
 *
 * <pre>{@code
 * try (LiveServer server = LiveServer.builder()
 *         .port(1935)
 *         .access(new AccessControl() {
 *             public CompletionStage<Decision> publish(StreamRequestInfo r) {
 *                 return CompletableFuture.completedFuture("s3cret".equals(r.params().get("key"))
 *                         ? Decision.allow() : Decision.deny("bad stream key"));
 *             }
 *         })
 *         .start()) {
 *     // ffmpeg -re -i in.mp4 -c copy -f flv "rtmp://localhost/live/cam?key=s3cret"; ffplay rtmp://localhost/live/cam
 *     server.awaitClose();
 * }
 * }</pre>
 *
 * <p>Threading: {@link AccessControl} and {@link ServerEvents} are called on the event loop of the
 * connection concerned and must not block; every method of this class may be called from any thread but
 * the server's event loops ({@link #close(Duration)} waits for them).
 */
public final class LiveServer implements AutoCloseable {

    private final RtmpServer rtmp;
    private final StreamHub hub;
    private final AccessControl access;
    private final ServerEvents events;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, HubListener> clients = new ConcurrentHashMap<>();
    private final Object done = new Object();
    private ScheduledFuture<?> sweeper;
    private volatile Instant startedAt;
    private boolean closed;

    /**
     * A server without access control or events (see {@link #builder()} for those).
     *
     * @param transport listening address, timeouts, water marks
     * @param hub       hub settings ({@link HubConfig#playerQueueBytes()} becomes the write high-water
     *                  mark, half of it the low one)
     * @param recordDir directory for recordings, or null
     */
    public LiveServer(RtmpServer.Settings transport, HubConfig hub, Path recordDir) {
        this(transport, hub, recordDir, AccessControl.OPEN, new ServerEvents() {
        });
    }

    private LiveServer(RtmpServer.Settings transport, HubConfig hub, Path recordDir, AccessControl access,
                       ServerEvents events) {
        this(transport, hub, recordDir, access, events, null);
    }

    private LiveServer(RtmpServer.Settings transport, HubConfig hub, Path recordDir, AccessControl access,
                       ServerEvents events, RtmpServer.Tls tls) {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(hub, "hub");
        this.access = Objects.requireNonNull(access, "access");
        this.events = Objects.requireNonNull(events, "events");
        this.hub = new StreamHub(hub, recordDir);
        RtmpServer.Settings t = transport.withWaterMarks(hub.playerQueueBytes() / 2, hub.playerQueueBytes());
        RtmpServer.Builder b = RtmpServer.builder().settings(t)
                .listener(conn -> new HubListener(this.hub, conn, this, ids.incrementAndGet()));
        if (tls != null) {
            b.tls(tls);
        }
        this.rtmp = b.build();
    }

    /**
     * A builder: {@code LiveServer.builder().port(1935).access(...).events(...).start()}.
     *
     * @return a builder with the defaults of {@code ./rtmp4j serve}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LiveServer}; every setting has the default of {@code ./rtmp4j serve}. */
    public static final class Builder {
        private RtmpServer.Settings transport = RtmpServer.Settings.defaults();
        private HubConfig hub = HubConfig.defaults();
        private Path recordDir;
        private AccessControl access = AccessControl.OPEN;
        private ServerEvents events = new ServerEvents() {
        };
        private RtmpServer.Tls tls;

        private Builder() {
        }

        /**
         * Also serves RTMPS (RTMP inside TLS) on its own port: publishers and players may use either.
         *
         * @param settings the RTMPS port and certificate, e.g. {@link RtmpServer.Tls#fromPem}
         * @return this builder
         */
        public Builder tls(RtmpServer.Tls settings) {
            tls = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The address to listen on (default {@code 0.0.0.0}).
         *
         * @param host an address of this machine, {@code 0.0.0.0} or {@code ::} for all
         * @return this builder
         */
        public Builder bind(String host) {
            transport = transport.withHost(host);
            return this;
        }

        /**
         * The RTMP port (default 1935); 0 picks a free one ({@link LiveServer#port()} tells which).
         *
         * @param port 0..65535
         * @return this builder
         */
        public Builder port(int port) {
            transport = transport.withPort(port);
            return this;
        }

        /**
         * Every transport setting at once (replaces {@link #bind} and {@link #port} given before).
         *
         * @param settings timeouts, limits, event loops
         * @return this builder
         */
        public Builder transport(RtmpServer.Settings settings) {
            transport = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The hub's settings: GOP cache, player queue and lag limits, publisher silence timeout.
         *
         * @param config the hub settings
         * @return this builder
         */
        public Builder hub(HubConfig config) {
            hub = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Records every publication to {@code DIR/<app>/<stream>-<UTC time>.flv}.
         *
         * @param dir the recording directory, or null for none (the default)
         * @return this builder
         */
        public Builder recordTo(Path dir) {
            recordDir = dir;
            return this;
        }

        /**
         * Who may connect, publish and play (default: everyone).
         *
         * @param control decides each request, asynchronously
         * @return this builder
         */
        public Builder access(AccessControl control) {
            access = Objects.requireNonNull(control, "control");
            return this;
        }

        /**
         * Where the starts and stops go (default: nowhere).
         *
         * @param listener the events' receiver
         * @return this builder
         */
        public Builder events(ServerEvents listener) {
            events = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The server, not started.
         *
         * @return a new server
         */
        public LiveServer build() {
            return new LiveServer(transport, hub, recordDir, access, events, tls);
        }

        /**
         * Builds and starts the server.
         *
         * @return the started server
         * @throws java.io.UncheckedIOException if the address cannot be bound (see {@link RtmpServer#start()})
         */
        public LiveServer start() {
            return build().start();
        }
    }

    /**
     * Binds and starts.
     *
     * @return this server
     * @throws java.io.UncheckedIOException if the address cannot be bound (see {@link RtmpServer#start()});
     *                                      every thread is released again
     */
    public LiveServer start() {
        rtmp.start();
        startedAt = Instant.now();
        sweeper = rtmp.eventLoopGroup().next().scheduleAtFixedRate(hub::sweep, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    /**
     * When {@link #start()} bound the port (for an uptime).
     *
     * @return the start time, empty before the start
     */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /**
     * The port bound.
     *
     * @return the TCP port (the one picked when the settings asked for 0)
     */
    public int port() {
        return rtmp.port();
    }

    /**
     * The RTMPS port bound.
     *
     * @return the TCP port of the RTMPS listener
     * @throws IllegalStateException if the server serves no RTMPS ({@link Builder#tls})
     */
    public int tlsPort() {
        return rtmp.tlsPort();
    }

    /**
     * The hub (for inspection and embedding).
     *
     * @return the stream hub of this server
     */
    public StreamHub hub() {
        return hub;
    }

    AccessControl access() {
        return access;
    }

    ServerEvents events() {
        return events;
    }

    void opened(HubListener client) {
        clients.put(client.info().id(), client);
    }

    void closed(HubListener client) {
        clients.remove(client.info().id());
    }

    /**
     * One live connection and what it does now.
     *
     * @param client     who it is
     * @param publishing the streams it publishes ({@code app/name})
     * @param playing    the streams it plays ({@code app/name})
     */
    public record ConnectionInfo(ClientInfo client, List<String> publishing, List<String> playing) {
    }

    /**
     * One stream known to the server: published, or waited for by players.
     *
     * @param app         the application
     * @param stream      the stream name
     * @param publisher   the publishing connection, empty while no one publishes
     * @param players     how many players it has
     * @param messagesIn  audio, video and data messages received from the current publisher
     * @param bytesIn     their payload bytes
     * @param publishedAt when the current publication started, empty while no one publishes
     */
    public record StreamInfo(String app, String stream, Optional<ClientInfo> publisher, int players,
                             long messagesIn, long bytesIn, Optional<Instant> publishedAt) {
    }

    /**
     * The live connections, oldest first.
     *
     * @return a snapshot
     */
    public List<ConnectionInfo> connections() {
        List<ConnectionInfo> out = new ArrayList<>();
        for (HubListener c : clients.values()) {
            out.add(new ConnectionInfo(c.info(), c.publishing(), c.playing()));
        }
        out.sort(Comparator.comparingLong(c -> c.client().id()));
        return out;
    }

    /**
     * The streams known now, by app and name.
     *
     * @return a snapshot
     */
    public List<StreamInfo> streams() {
        List<StreamInfo> out = new ArrayList<>();
        for (StreamKey key : hub.streams()) {
            Stream s = hub.stream(key);
            if (s == null) {
                continue;
            }
            Publication p = s.publicationNow();
            Optional<ClientInfo> publisher = p != null && p.sink instanceof HubListener h
                    ? Optional.of(h.info()) : Optional.empty();
            out.add(new StreamInfo(key.app(), key.stream(), publisher, s.playerCount(),
                    p == null ? 0 : p.messagesIn(), p == null ? 0 : p.bytesIn(),
                    p == null ? Optional.empty() : Optional.of(p.startedAt())));
        }
        out.sort(Comparator.comparing(StreamInfo::app).thenComparing(StreamInfo::stream));
        return out;
    }

    /**
     * Closes one connection gracefully (its publications end with their status, as on
     * {@link #close(Duration)}).
     *
     * @param clientId {@link ClientInfo#id()}
     * @param reason   for the log and the {@link ServerEvents#onDisconnect} event
     * @return whether that connection was open
     */
    public boolean disconnect(long clientId, String reason) {
        HubListener c = clients.get(clientId);
        if (c == null) {
            return false;
        }
        c.close(reason);
        return true;
    }

    /**
     * Ends the publication of {@code app/stream} by closing its publisher's connection.
     *
     * @param app    the application
     * @param stream the stream name
     * @return whether the stream had a publisher
     */
    public boolean stopPublishing(String app, String stream) {
        Stream s;
        try {
            s = hub.stream(StreamKey.of(app, stream));
        } catch (IllegalArgumentException e) {
            return false;
        }
        Publication p = s == null ? null : s.publicationNow();
        if (p == null) {
            return false;
        }
        p.sink.close("stopped by the application");
        return true;
    }

    /**
     * Blocks until {@link #close} has run (for a {@code main} that serves until shutdown).
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitClose() throws InterruptedException {
        synchronized (done) {
            while (!isClosed()) {
                done.wait();
            }
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** {@link #close(Duration)} with the transport's close timeout (default 5 s). Idempotent. */
    @Override
    public void close() {
        close(null);
    }

    /**
     * Graceful shutdown: stops accepting, ends every publication (its recording is closed properly and its
     * players get {@code NetStream.Play.UnpublishNotify}), then ends every connection with its status
     * (StreamEOF, {@code NetStream.Unpublish.Success} for a publisher), flushes, half-closes and waits at
     * most {@code timeout} for the peers to close before closing what is left. Idempotent.
     *
     * @param timeout how long the peers get to close their side, or null for the transport's close timeout
     */
    public void close(Duration timeout) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            if (sweeper != null) {
                sweeper.cancel(false);
            }
            hub.closeAll();
            if (timeout == null) {
                rtmp.close();
            } else {
                rtmp.close(timeout);
            }
        } finally {
            synchronized (done) {
                done.notifyAll();
            }
        }
    }
}
