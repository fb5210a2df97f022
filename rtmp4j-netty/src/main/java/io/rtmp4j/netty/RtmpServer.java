package io.rtmp4j.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ThreadPerTaskExecutor;
import io.rtmp4j.session.ConnectRequest;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.PlayRequest;
import io.rtmp4j.session.PublishRequest;
import io.rtmp4j.session.ServerSessionConfig;
import io.rtmp4j.session.ServerSessionListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLException;
import java.nio.channels.spi.SelectorProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An RTMP server on Netty NIO: accepts TCP connections and drives one
 * {@link io.rtmp4j.session.ServerSession} per connection on its event loop. The application sees each
 * connection as an {@link RtmpConnection} and decides through an ordinary
 * {@link ServerSessionListener} that it creates per connection (accept / reject, possibly later).
 * Every callback ({@code on...}, the listener) runs on the connection's event loop and must not block;
 * decisions may be made later from any thread.
 *
 * <pre>{@code
 * RtmpServer server = RtmpServer.builder()
 *         .bind("127.0.0.1").port(1935)
 *         .onPublish((conn, r) -> {
 *             if (r.streamName().equals("cam")) r.accept(); else r.rejectBadName("unknown stream");
 *         })
 *         .onMedia((conn, kind, streamId, timestamp, payload) -> { ... })
 *         .build()
 *         .start();
 * // asynchronous decision: r.accept() from any thread once the answer is known (it runs on the
 * // connection's event loop), e.g. authorize(r.streamName()).thenAccept(ok -> { if (ok) r.accept(); else ... })
 * // every session event: .listener(conn -> new ServerSessionListener() { ... }) instead
 * ...
 * server.close();   // graceful: every peer gets its status and a clean end (bounded, close(Duration))
 * }</pre>
 *
 * <p>Per connection: a handshake timeout (handshake and {@code connect} must arrive within it), an idle
 * timeout (a PingRequest goes out when the peer has been silent for a third of it; the connection is
 * closed when it stays silent for all of it), a bound on buffered input (the chunk decoder's
 * {@link io.rtmp4j.chunk.ChunkLimits#maxBufferedBytes()} and the session's held-message limits: every
 * byte read is consumed at once), write-buffer water marks (backpressure for the application: see
 * {@link RtmpConnection#isWritable()}). A protocol error closes that connection only, with one log line.
 */
public final class RtmpServer implements AutoCloseable {

    /**
     * Transport settings.
     *
     * @param host             address to bind. Default {@code 0.0.0.0} (every interface)
     * @param port             TCP port; 0 picks a free one. Default 1935 (rtmp-1.0.txt §1: the RTMP port)
     * @param session          session settings (chunk size 4096, windows, decoder limits)
     * @param handshakeTimeout time allowed for the handshake and connect. Default 10 s (nginx-rtmp's
     *                         {@code timeout} is 60 s for everything; an RTMP handshake takes one RTT)
     * @param idleTimeout      a connection from which nothing arrives for this long (despite pings)
     *                         is closed. Default 60 s, nginx-rtmp's {@code timeout}
     * @param closeTimeout     after a graceful close, how long to wait for the peer to close. Default 5 s
     * @param writeLowWaterMark  outbound bytes below which a connection is writable again. Default 1 MiB
     * @param writeHighWaterMark outbound bytes above which it is not writable. Default 2 MiB
     * @param maxConnections   connections beyond this are closed at once. Default 10000
     * @param ioThreads        event loop threads; 0 means one per available core (nginx's advice for its
     *                         workers; with {@code ioPeriod}, fewer loops each find more work per
     *                         wake-up: one per core cost 10 % less CPU per byte than Netty's two per
     *                         core with 1000 players, BENCHMARKS.md)
     * @param ioPeriod         while an event loop is busy, it polls its sockets at most once per this
     *                         period, so that one wake-up serves many connections and one read carries
     *                         several messages (fewer system calls per byte); an idle loop answers at
     *                         once. Zero polls as soon as anything is ready (Netty's default). Default
     *                         {@value #DEFAULT_IO_PERIOD_MS} ms: it adds at most that much latency per
     *                         hop (a player's lag behind the publisher grew from ~50 to ~120 ms at the
     *                         99th percentile), and it cut the server's CPU time per byte by 40 % with
     *                         1000 players and by 45 % with 200 publishers (BENCHMARKS.md). At most 1 s
     */
    public record Settings(String host, int port, ServerSessionConfig session, Duration handshakeTimeout,
                           Duration idleTimeout, Duration closeTimeout, int writeLowWaterMark,
                           int writeHighWaterMark, int maxConnections, int ioThreads, Duration ioPeriod) {

        /** Default of {@link #maxConnections()}. */
        public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

        /** Default of {@link #ioPeriod()} in milliseconds. */
        public static final int DEFAULT_IO_PERIOD_MS = 40;

        /**
         * Checks the settings: host, session settings and durations are present, {@code ioPeriod} is
         * 0..1000 ms, the port 0..65535, {@code 0 <= writeLowWaterMark <= writeHighWaterMark},
         * {@code maxConnections} at least 1, {@code ioThreads} not negative, the handshake timeout at
         * least 1 ms, the idle timeout at least 3 ms (a third of it is the ping interval) and the close
         * timeout not negative.
         *
         * @param host address to bind
         * @param port TCP port; 0 picks a free one
         * @param session session settings (chunk size 4096, windows, decoder limits)
         * @param handshakeTimeout time allowed for the handshake and connect
         * @param idleTimeout a connection from which nothing arrives for this long (despite pings) is
         *     closed
         * @param closeTimeout after a graceful close, how long to wait for the peer to close
         * @param writeLowWaterMark outbound bytes below which a connection is writable again
         * @param writeHighWaterMark outbound bytes above which it is not writable
         * @param maxConnections connections beyond this are closed at once
         * @param ioThreads event loop threads; 0 means one per available core
         * @param ioPeriod while an event loop is busy, it polls its sockets at most once per this period,
         *     so that one wake-up serves many connections and one read carries several messages (fewer
         *     system calls per byte)
         * @throws IllegalArgumentException if a value is out of its range
         * @throws NullPointerException if a required value is null
         */
        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(closeTimeout, "closeTimeout");
            Objects.requireNonNull(ioPeriod, "ioPeriod");
            if (ioPeriod.isNegative() || ioPeriod.toMillis() > 1000) {
                throw new IllegalArgumentException("ioPeriod must be 0..1000 ms: " + ioPeriod);
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            if (writeLowWaterMark < 0 || writeHighWaterMark < writeLowWaterMark) {
                throw new IllegalArgumentException("water marks must satisfy 0 <= low <= high");
            }
            if (maxConnections < 1 || ioThreads < 0) {
                throw new IllegalArgumentException("maxConnections must be >= 1 and ioThreads >= 0");
            }
            if (handshakeTimeout.toMillis() < 1 || idleTimeout.toMillis() < 3 || closeTimeout.isNegative()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }

        /**
         * The settings with the default {@link #ioPeriod()}.
         *
         * @param host address to bind
         * @param port TCP port; 0 picks a free one
         * @param session session settings (chunk size 4096, windows, decoder limits)
         * @param handshakeTimeout time allowed for the handshake and connect
         * @param idleTimeout a connection from which nothing arrives for this long (despite pings) is
         *     closed
         * @param closeTimeout after a graceful close, how long to wait for the peer to close
         * @param writeLowWaterMark outbound bytes below which a connection is writable again
         * @param writeHighWaterMark outbound bytes above which it is not writable
         * @param maxConnections connections beyond this are closed at once
         * @param ioThreads event loop threads; 0 means one per available core
         */
        public Settings(String host, int port, ServerSessionConfig session, Duration handshakeTimeout,
                        Duration idleTimeout, Duration closeTimeout, int writeLowWaterMark,
                        int writeHighWaterMark, int maxConnections, int ioThreads) {
            this(host, port, session, handshakeTimeout, idleTimeout, closeTimeout, writeLowWaterMark,
                    writeHighWaterMark, maxConnections, ioThreads, Duration.ofMillis(DEFAULT_IO_PERIOD_MS));
        }

        /**
         * The documented defaults.
         *
         * @return bind 0.0.0.0:1935, 10 s handshake, 60 s idle and 5 s close timeouts, 1 MiB / 2 MiB water
         *     marks, 10000 connections, one event loop per core, 40 ms I/O period
         */
        public static Settings defaults() {
            return new Settings("0.0.0.0", 1935, ServerSessionConfig.defaults(), Duration.ofSeconds(10),
                    Duration.ofSeconds(60), Duration.ofSeconds(5), 1 << 20, 2 << 20, DEFAULT_MAX_CONNECTIONS, 0);
        }

        /**
         * These settings with another {@link #host()}.
         *
         * @param host the address to bind ({@code 0.0.0.0} for every IPv4 address, {@code ::} for every one)
         * @return the new settings
         */
        public Settings withHost(String host) {
            return new Settings(host, port, session, handshakeTimeout, idleTimeout, closeTimeout,
                    writeLowWaterMark, writeHighWaterMark, maxConnections, ioThreads, ioPeriod);
        }

        /**
         * These settings with another {@link #port()}.
         *
         * @param port the TCP port, 0 for any free one ({@link RtmpServer#port()} then tells which)
         * @return the new settings
         */
        public Settings withPort(int port) {
            return new Settings(host, port, session, handshakeTimeout, idleTimeout, closeTimeout,
                    writeLowWaterMark, writeHighWaterMark, maxConnections, ioThreads, ioPeriod);
        }

        /**
         * These settings with other write water marks (the player queue: see {@link #writeHighWaterMark()}).
         *
         * @param low  the low-water mark in bytes
         * @param high the high-water mark in bytes
         * @return the new settings
         */
        public Settings withWaterMarks(int low, int high) {
            return new Settings(host, port, session, handshakeTimeout, idleTimeout, closeTimeout, low, high,
                    maxConnections, ioThreads, ioPeriod);
        }

        /**
         * These settings with another {@link #ioPeriod()}.
         *
         * @param period the new I/O period, 0..1000 ms
         * @return the new settings
         */
        public Settings withIoPeriod(Duration period) {
            return new Settings(host, port, session, handshakeTimeout, idleTimeout, closeTimeout,
                    writeLowWaterMark, writeHighWaterMark, maxConnections, ioThreads, period);
        }
    }

    /**
     * Media from an accepted publisher ({@link ServerSessionListener#onMedia} with its connection). Runs on
     * the connection's event loop, like every callback of the server: it must not block (the loop serves
     * many connections); hand slow work to another thread.
     */
    @FunctionalInterface
    public interface MediaHandler {
        /**
         * See {@link ServerSessionListener#onMedia}; runs on the connection's event loop.
         *
         * @param connection the publisher's connection
         * @param kind audio, video or data
         * @param streamId the message stream id of the publication
         * @param timestamp the message timestamp in ms
         * @param payload the message body (an FLV tag body, or an AMF0 body for data)
         */
        void onMedia(RtmpConnection connection, MediaKind kind, int streamId, long timestamp, byte[] payload);
    }

    /**
     * RTMPS: RTMP inside TLS on a port of its own (rtmps://, default port 443 in clients; servers often
     * use 1936 or 443).
     *
     * @param port    the TCP port, 0 for any free one ({@link RtmpServer#tlsPort()} tells which)
     * @param context the server's TLS context (certificate chain and key), e.g. from {@link #fromPem}
     */
    public record Tls(int port, SslContext context) {
        /**
         * RTMPS settings.
         *
         * @param port    the TCP port, 0..65535
         * @param context the server's TLS context
         */
        public Tls {
            Objects.requireNonNull(context, "context");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range 0..65535: " + port);
            }
            if (!context.isServer()) {
                throw new IllegalArgumentException("a client TLS context cannot serve RTMPS");
            }
        }

        /**
         * RTMPS with a certificate chain and a private key in PEM files (the key in PKCS#8,
         * {@code -----BEGIN PRIVATE KEY-----}, as {@code openssl req -newkey ... -nodes} writes it;
         * Let's Encrypt's {@code fullchain.pem} and {@code privkey.pem} work as they are).
         *
         * @param port      the TCP port, 0 for any free one
         * @param certChain the certificate chain, PEM
         * @param key       the private key, PEM (PKCS#8, unencrypted)
         * @return the settings
         * @throws IllegalArgumentException if a file is missing or not a usable certificate or key (the
         *                                  message names the file)
         */
        public static Tls fromPem(int port, Path certChain, Path key) {
            for (Path f : new Path[] {certChain, key}) {
                if (!Files.isReadable(f)) {
                    throw new IllegalArgumentException("cannot read " + f);
                }
            }
            try {
                return new Tls(port, SslContextBuilder.forServer(certChain.toFile(), key.toFile())
                        .sslProvider(SslProvider.JDK).build());
            } catch (SSLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("not a usable certificate " + certChain + " and key " + key + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Builder of an {@link RtmpServer}. */
    public static final class Builder {
        private Settings s = Settings.defaults();
        private Function<RtmpConnection, ServerSessionListener> listener;
        private BiConsumer<RtmpConnection, ConnectRequest> onConnect = (c, r) -> r.accept();
        private BiConsumer<RtmpConnection, PublishRequest> onPublish = (c, r) -> r.accept();
        private BiConsumer<RtmpConnection, PlayRequest> onPlay = (c, r) -> r.accept();
        private MediaHandler onMedia = (c, k, id, ts, p) -> { };
        private boolean callbacks;
        private EventLoopGroup group;
        private Tls tls;

        /**
         * Also listens for RTMPS (RTMP inside TLS, as OBS, ffmpeg and the big platforms' ingest speak it)
         * on {@code tls.port()}, next to plain RTMP on {@link Settings#port()}.
         *
         * @param tls the RTMPS port and the server's certificate and key
         * @return this builder
         */
        public Builder tls(Tls tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * Decides each {@code connect} (default: accept). The request may be decided later, from any
         * thread (the decision runs on the connection's event loop).
         *
         * @param handler called with the connection and the request, on the connection's event loop
         * @return this builder
         */
        public Builder onConnect(BiConsumer<RtmpConnection, ConnectRequest> handler) {
            onConnect = Objects.requireNonNull(handler, "handler");
            callbacks = true;
            return this;
        }

        /**
         * Decides each {@code publish} (default: accept): {@code r.accept()}, {@code r.rejectBadName(...)},
         * now or later, from any thread (the decision runs on the connection's event loop).
         *
         * @param handler called with the connection and the request, on the connection's event loop
         * @return this builder
         */
        public Builder onPublish(BiConsumer<RtmpConnection, PublishRequest> handler) {
            onPublish = Objects.requireNonNull(handler, "handler");
            callbacks = true;
            return this;
        }

        /**
         * Decides each {@code play} (default: accept), now or later, from any thread.
         *
         * @param handler called with the connection and the request, on the connection's event loop
         * @return this builder
         */
        public Builder onPlay(BiConsumer<RtmpConnection, PlayRequest> handler) {
            onPlay = Objects.requireNonNull(handler, "handler");
            callbacks = true;
            return this;
        }

        /**
         * Receives the audio, video and data of accepted publishers.
         *
         * @param handler called for each audio, video or data message
         * @return this builder
         */
        public Builder onMedia(MediaHandler handler) {
            onMedia = Objects.requireNonNull(handler, "handler");
            callbacks = true;
            return this;
        }

        private Builder() {
        }

        /**
         * Address to bind (default 0.0.0.0).
         *
         * @param host an address or host name
         * @return this builder
         */
        public Builder bind(String host) {
            s = new Settings(host, s.port(), s.session(), s.handshakeTimeout(), s.idleTimeout(), s.closeTimeout(),
                    s.writeLowWaterMark(), s.writeHighWaterMark(), s.maxConnections(), s.ioThreads(), s.ioPeriod());
            return this;
        }

        /**
         * Port (default 1935; 0 for any free port, see {@link RtmpServer#port()}).
         *
         * @param port the TCP port
         * @return this builder
         */
        public Builder port(int port) {
            s = new Settings(s.host(), port, s.session(), s.handshakeTimeout(), s.idleTimeout(), s.closeTimeout(),
                    s.writeLowWaterMark(), s.writeHighWaterMark(), s.maxConnections(), s.ioThreads(), s.ioPeriod());
            return this;
        }

        /**
         * All settings at once.
         *
         * @param settings the transport settings
         * @return this builder
         */
        public Builder settings(Settings settings) {
            s = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Creates the session listener of each new connection (called on the connection's event loop,
         * before its first byte), for applications that need every session event. The listener's methods
         * run on that event loop too and must not block: an authorization that takes time runs elsewhere
         * and decides the request from its own thread when it completes. Default: a listener
         * made of the {@code on...} callbacks (which accept everything unless set).
         *
         * @param factory makes the listener of a connection
         * @return this builder
         */
        public Builder listener(Function<RtmpConnection, ServerSessionListener> factory) {
            listener = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Runs the connections on this group instead of a new one (which the server then does not shut down).
         *
         * @param group the event loops to run the connections on, owned by the caller
         * @return this builder
         */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.group = group;
            return this;
        }

        /**
         * The server.
         *
         * @return the server, not yet started
         * @throws IllegalStateException if both {@link #listener} and the {@code on...} callbacks were set
         */
        public RtmpServer build() {
            if (listener != null && callbacks) {
                throw new IllegalStateException("use either listener(...) or the on...(...) callbacks, not both");
            }
            Function<RtmpConnection, ServerSessionListener> factory = listener;
            if (factory == null) {
                BiConsumer<RtmpConnection, ConnectRequest> connect = onConnect;
                BiConsumer<RtmpConnection, PublishRequest> publish = onPublish;
                BiConsumer<RtmpConnection, PlayRequest> play = onPlay;
                MediaHandler media = onMedia;
                factory = conn -> new ServerSessionListener() {
                    @Override
                    public void onConnect(ConnectRequest request) {
                        connect.accept(conn, request);
                    }

                    @Override
                    public void onPublish(PublishRequest request) {
                        publish.accept(conn, request);
                    }

                    @Override
                    public void onPlay(PlayRequest request) {
                        play.accept(conn, request);
                    }

                    @Override
                    public void onMedia(MediaKind kind, int streamId, long timestamp, byte[] payload) {
                        media.onMedia(conn, kind, streamId, timestamp, payload);
                    }
                };
            }
            return new RtmpServer(s, factory, group, tls);
        }
    }

    /**
     * A builder with the default settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private final Settings settings;
    private final Function<RtmpConnection, ServerSessionListener> listener;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final boolean ownsWorkers;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<RtmpConnection> open = ConcurrentHashMap.newKeySet();
    private final Tls tls;
    private Channel serverChannel;
    private Channel tlsChannel;
    private boolean closed;

    private RtmpServer(Settings settings, Function<RtmpConnection, ServerSessionListener> listener,
                       EventLoopGroup group, Tls tls) {
        this.settings = settings;
        this.tls = tls;
        this.listener = listener;
        this.bossGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("rtmp4j-accept"));
        this.ownsWorkers = group == null;
        this.workerGroup = group != null ? group
                : newEventLoops(settings);
    }

    private static EventLoopGroup newEventLoops(Settings settings) {
        DefaultThreadFactory threads = new DefaultThreadFactory("rtmp4j-io");
        int n = settings.ioThreads() > 0 ? settings.ioThreads() : Runtime.getRuntime().availableProcessors();
        if (settings.ioPeriod().isZero()) {
            return new NioEventLoopGroup(n, threads);
        }
        return new NioEventLoopGroup(n, new ThreadPerTaskExecutor(threads),
                SelectorProvider.provider(), PacedSelectStrategy.factory(settings.ioPeriod().toNanos()));
    }

    /**
     * Binds and starts accepting; returns this. When it fails, every thread and resource of this server
     * is released again before the exception leaves (its own event loops are shut down, so the JVM can
     * exit), and the server cannot be started again.
     *
     * <pre>{@code
     * try {
     *     server.start();
     * } catch (UncheckedIOException e) {      // e.getCause(): java.net.BindException when the port is in use
     *     ...
     * }
     * }</pre>
     *
     * @return this server
     * @throws java.io.UncheckedIOException wrapping the {@link java.io.IOException} of the bind (a
     *                                      {@link java.net.BindException} when the address is in use or
     *                                      cannot be assigned); the message names the address
     * @throws IllegalStateException        if the calling thread is interrupted while binding (its interrupt
     *                                      status is set again)
     */
    public RtmpServer start() {
        boolean bound = false;
        try {
            serverChannel = bind(settings.port(), null);
            if (tls != null) {
                tlsChannel = bind(tls.port(), tls.context());
            }
            bound = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + settings.host() + ":" + settings.port(), e);
        } catch (Exception e) {
            // sync() rethrows the bind's cause as is, checked or not (a BindException is an IOException)
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                        + io.getMessage(), io);
            }
            throw e;
        } finally {
            if (!bound) {
                shutdownGroups();
            }
        }
        org.slf4j.LoggerFactory.getLogger(RtmpServer.class).info("listening on rtmp://{}:{}{}", settings.host(), port(),
                tls == null ? "" : " and rtmps://" + settings.host() + ":" + tlsPort());
        return this;
    }

    /** Binds one listener: plain RTMP ({@code ssl} null) or RTMPS. */
    private Channel bind(int port, SslContext ssl) throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(settings.writeLowWaterMark(), settings.writeHighWaterMark()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
                        }
                        // the driver runs the handshake and idle timers itself (no IdleStateHandler in the path)
                        ch.pipeline().addLast("rtmp", ServerSide.driver(RtmpServer.this));
                    }
                });
        if (ssl == null) {
            // the reused read buffer's contract is that the RTMP handler consumes each read before the next;
            // TLS keeps undecrypted bytes of a read for the next one, so RTMPS reads into buffers of its own
            b.childOption(ChannelOption.RCVBUF_ALLOCATOR, new ReusedReadBuffer());
        }
        return b.bind(settings.host(), port).sync().channel();
    }

    /**
     * The RTMPS port bound.
     *
     * @return the TCP port of the RTMPS listener
     * @throws IllegalStateException if the server has no RTMPS listener
     */
    public int tlsPort() {
        if (tlsChannel == null) {
            throw new IllegalStateException("no RTMPS listener (RtmpServer.Builder#tls) or not started");
        }
        return ((InetSocketAddress) tlsChannel.localAddress()).getPort();
    }

    /**
     * The port bound (useful with port 0).
     *
     * @return the TCP port
     */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * The settings in use.
     *
     * @return the transport settings
     */
    public Settings settings() {
        return settings;
    }

    /**
     * The event loops that run the connections (e.g. for periodic application tasks).
     *
     * @return the worker event loop group
     */
    public EventLoopGroup eventLoopGroup() {
        return workerGroup;
    }

    /**
     * Number of open connections.
     *
     * @return the number of open connections
     */
    public int connectionCount() {
        return connections.get();
    }

    Function<RtmpConnection, ServerSessionListener> listenerFactory() {
        return listener;
    }

    AtomicInteger connections() {
        return connections;
    }

    /** A connection with a session began (its event loop). */
    void opened(RtmpConnection conn) {
        open.add(conn);
    }

    /** That connection has closed (its event loop). */
    void closed(RtmpConnection conn) {
        open.remove(conn);
    }

    /** {@link #close(Duration)} with {@link Settings#closeTimeout()} (default 5 s). */
    @Override
    public void close() {
        close(settings.closeTimeout());
    }

    /**
     * Graceful shutdown: stops accepting, then ends every connection the way {@link RtmpConnection#close}
     * does (INTEROP-NOTES "Closing"): a publisher gets StreamEOF then {@code NetStream.Unpublish.Success}, a
     * player StreamEOF then {@code NetStream.Play.UnpublishNotify}; every byte is flushed, the write side
     * is shut down, and the server keeps reading until the peer closes. It waits at most {@code timeout}
     * for the peers to close, closes the connections still open, then shuts down the event loops it owns
     * and waits for them. Idempotent; call it from any thread but the server's event loops (it waits for
     * them).
     *
     * @param timeout how long the peers get to close their side (zero: the goodbye is sent, then every
     *                connection is closed at once)
     */
    public synchronized void close(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (serverChannel != null) {
                serverChannel.close().syncUninterruptibly();
            }
            if (tlsChannel != null) {
                tlsChannel.close().syncUninterruptibly();
            }
            long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
            List<RtmpConnection> ending = new ArrayList<>(open);
            for (RtmpConnection c : ending) {
                try {
                    c.executor().execute(() -> c.close("server closed", timeout));
                } catch (RejectedExecutionException e) {
                    // its event loop (an application's group) is already shut down: nothing left to end
                }
            }
            for (RtmpConnection c : ending) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !c.channel().closeFuture().awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
                    c.abort("server closed: the peer did not close within " + timeout.toMillis() + " ms");
                }
            }
        } finally {
            shutdownGroups();
        }
    }

    private void shutdownGroups() {
        bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (ownsWorkers) {
            workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
