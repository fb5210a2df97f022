package io.rtmp4j.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.rtmp4j.server.LiveServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP control listener of a {@link LiveServer}: a JSON API to look at and act on its streams and
 * connections, and its Prometheus metrics, on a port of its own (HTTP/1.1 with keep-alive, no TLS).
 *
 * <pre>{@code
 * ServerMetrics metrics = new ServerMetrics();
 * LiveServer server = LiveServer.builder().port(1935).events(metrics).start();
 * try (HttpApiServer api = HttpApiServer.builder(server).port(8080).bearerToken(token).metrics(metrics)
 *         .version("0.1.0").start()) {
 *     server.awaitClose();
 * }
 * }</pre>
 *
 * <p>The endpoints ({@code {app}}, {@code {name}} and {@code {id}} are one path segment each,
 * percent-decoded; a name holding {@code /} is sent as {@code %2F}):
 * <ul>
 * <li>{@code GET /api/v1/streams}: every stream known, by app and name: {@code app}, {@code name},
 *     {@code live}, {@code publisher} ({@code {"id", "address"}} or null), {@code players},
 *     {@code messagesIn}, {@code bytesIn}, {@code publishedAt} (ISO-8601 or null);</li>
 * <li>{@code GET /api/v1/streams/{app}/{name}}: one of those, 404 if unknown;
 *     {@code DELETE} the same path: ends the publication by closing its publisher's connection, 204, or
 *     404 if the stream has no publisher;</li>
 * <li>{@code GET /api/v1/connections}: every connection, oldest first: {@code id}, {@code address},
 *     {@code app}, {@code tcUrl}, {@code flashVer}, {@code connectedAt}, {@code publishing} and
 *     {@code playing} ({@code app/name} lists); {@code GET /api/v1/connections/{id}}: one of those (404);
 *     {@code DELETE} the same path closes it (204, or 404; 400 if {@code id} is not a number);</li>
 * <li>{@code GET /api/v1/server}: {@code version}, {@code startedAt}, {@code uptimeSeconds},
 *     {@code ports} ({@code rtmp}, {@code http}), {@code connections}, {@code streams}, {@code live},
 *     {@code players};</li>
 * <li>{@code GET /metrics}: the {@link ServerMetrics} in the Prometheus text format, with the Content-Type
 *     of the Prometheus client (404 without {@link Builder#metrics metrics}).</li>
 * </ul>
 * Every {@code GET} route answers {@code HEAD} too. A bad request (one Netty cannot parse, a bad
 * percent-escape) gets 400, an unknown path 404, a known path with another method 405 with
 * {@code Allow}, a request larger than {@link Builder#maxRequestBytes} 413; errors have a JSON body
 * {@code {"error": "..."}}. With a {@link Builder#bearerToken bearer token}, every path under
 * {@code /api/} wants {@code Authorization: Bearer <token>} and answers 401 (with
 * {@code WWW-Authenticate: Bearer}) without it, before it looks at the path; {@code /metrics} is not
 * protected (bind to a private address if it must not be seen). Every response has a
 * {@code Content-Length}, except 204, which by RFC 9110 §8.6 has none. A connection idle for
 * {@link Builder#idleTimeout} is closed.
 *
 * <p>Threading: the listener runs on an event loop group of its own (one NIO thread), not on the RTMP
 * server's loops. A request reads the server's registry and writes JSON on that thread; doing it on an
 * RTMP loop would delay the media of that loop's connections by as much, and {@link LiveServer}'s methods
 * must not be called from its own loops at all. A slow scrape or a burst of API calls thus never holds up a
 * frame.
 */
public final class HttpApiServer implements AutoCloseable {

    private final Builder settings;
    private final EventLoopGroup group;
    private final ChannelGroup channels;
    private final ApiHandler.Shared shared;
    private Channel listener;
    private boolean closed;

    private HttpApiServer(Builder b) {
        this.settings = b;
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("rtmp4j-http", true));
        this.channels = new DefaultChannelGroup("rtmp4j-http", GlobalEventExecutor.INSTANCE);
        this.shared = new ApiHandler.Shared(b.server, b.metrics, b.token, b.version, b.clock, this::port, b.reload);
        if (b.metrics != null) {
            b.metrics.observe(b.server);
        }
    }

    /**
     * A builder for the listener of {@code server}.
     *
     * @param server the server to show and control (started before requests come)
     * @return a builder with the defaults: {@code 0.0.0.0:8080}, no token, no metrics
     */
    public static Builder builder(LiveServer server) {
        return new Builder(server);
    }

    /** Settings of an {@link HttpApiServer}; each has a default. */
    public static final class Builder {
        /** The default port. */
        public static final int DEFAULT_PORT = 8080;
        /**
         * The default largest request, head and body: 16 KiB. No endpoint takes a body yet; the head of
         * a browser's or curl's request is well under 8 KiB (Netty's own header limit).
         */
        public static final int DEFAULT_MAX_REQUEST_BYTES = 16 * 1024;
        /**
         * The default limit of open HTTP connections: 64, plenty for a few scrapers, dashboards and
         * scripts, and a bound on what a flood of connections can hold.
         */
        public static final int DEFAULT_MAX_CONNECTIONS = 64;
        /** The default idle time after which a keep-alive connection is closed. */
        public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

        private final LiveServer server;
        private String host = "0.0.0.0";
        private int port = DEFAULT_PORT;
        private String token;
        private ServerMetrics metrics;
        private java.util.concurrent.Callable<String> reload;
        private String version = Optional.ofNullable(HttpApiServer.class.getPackage().getImplementationVersion())
                .orElse("unknown");
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Clock clock = Clock.systemUTC();

        private Builder(LiveServer server) {
            this.server = Objects.requireNonNull(server, "server");
        }

        /**
         * The address to listen on (default {@code 0.0.0.0}).
         *
         * @param address an address of this machine ({@code 127.0.0.1} to keep the API local), {@code 0.0.0.0}
         *                or {@code ::} for all
         * @return this builder
         */
        public Builder bind(String address) {
            host = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * The port (default {@value #DEFAULT_PORT}); 0 picks a free one, which {@link HttpApiServer#port()}
         * tells.
         *
         * @param port 0..65535
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * A token every {@code /api/} request must bring as {@code Authorization: Bearer <token>}.
         *
         * @param token the token, or null for none (the default: the API is open)
         * @return this builder
         * @throws IllegalArgumentException if {@code token} is empty or holds whitespace
         */
        public Builder bearerToken(String token) {
            if (token != null && (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace))) {
                throw new IllegalArgumentException("a bearer token must be non-empty and without whitespace");
            }
            this.token = token;
            return this;
        }

        /**
         * What {@code POST /api/v1/reload} does (e.g. read the configuration file again); without it that
         * path is 404. It runs on the HTTP thread; what it returns is the reply's {@code reloaded} text, and
         * an exception it throws is a 409 with its message (the configuration in force stays).
         *
         * @param action the reload
         * @return this builder
         */
        public Builder onReload(java.util.concurrent.Callable<String> action) {
            this.reload = action;
            return this;
        }

        /**
         * The metrics {@code GET /metrics} shows. The same object must be the server's events listener, or
         * one of them ({@link io.rtmp4j.server.ServerEvents#all}), for the counters to count; the listener
         * calls {@link ServerMetrics#observe} with its server when it starts, for the gauges.
         *
         * @param metrics the metrics, or null for no {@code /metrics} (the default)
         * @return this builder
         */
        public Builder metrics(ServerMetrics metrics) {
            this.metrics = metrics;
            return this;
        }

        /**
         * The version {@code GET /api/v1/server} reports (default: the jar's Implementation-Version, or
         * {@code unknown}).
         *
         * @param version the program's version
         * @return this builder
         */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * The largest request accepted, head and body (default {@value #DEFAULT_MAX_REQUEST_BYTES}); a
         * larger body gets 413.
         *
         * @param bytes at least 1024
         * @return this builder
         * @throws IllegalArgumentException if less than 1024
         */
        public Builder maxRequestBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxRequestBytes must be >= 1024: " + bytes);
            }
            maxRequestBytes = bytes;
            return this;
        }

        /**
         * How long a connection may stay without a request or response before it is closed (default 60 s).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder idleTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive: " + timeout);
            }
            idleTimeout = timeout;
            return this;
        }

        /**
         * How many HTTP connections may be open at once (default {@value #DEFAULT_MAX_CONNECTIONS}); one
         * more is closed as soon as it is accepted.
         *
         * @param connections at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("maxConnections must be >= 1: " + connections);
            }
            maxConnections = connections;
            return this;
        }

        /**
         * The clock for the uptime (default the system's).
         *
         * @param clock a clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the listener and binds its port.
         *
         * @return the started listener
         * @throws UncheckedIOException if the address cannot be bound (its thread is released again)
         */
        public HttpApiServer start() {
            return new HttpApiServer(this).bind();
        }
    }

    private HttpApiServer bind() {
        int maxRequest = settings.maxRequestBytes;
        long idleMillis = settings.idleTimeout.toMillis();
        int maxOpen = settings.maxConnections;
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        // one event loop accepts and initializes: the count cannot change meanwhile
                        if (channels.size() >= maxOpen) {
                            ch.close();
                            return;
                        }
                        channels.add(ch);
                        ch.pipeline()
                                .addLast(new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS))
                                // initial line 4 KiB, headers 8 KiB (Netty's defaults), then the aggregate
                                .addLast(new HttpServerCodec(4096, 8192, 8192))
                                .addLast(new HttpObjectAggregator(maxRequest, true))
                                .addLast(new ApiHandler(shared));
                    }
                });
        try {
            listener = b.bind(settings.host, settings.port).syncUninterruptibly().channel();
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            IOException io = e instanceof IOException i ? i
                    : new IOException("cannot listen on " + settings.host + ":" + settings.port, e);
            throw new UncheckedIOException(io.getMessage(), io);
        }
        return this;
    }

    /**
     * The port bound.
     *
     * @return the TCP port (the one picked when the builder asked for 0)
     */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /**
     * The address bound.
     *
     * @return the local address and port
     */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /**
     * Stops listening, closes every HTTP connection and releases the thread; waits at most a few seconds.
     * Does not close the {@link LiveServer}. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        listener.close().syncUninterruptibly();
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
