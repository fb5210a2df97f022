package io.rtmp4j.netty.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.rtmp4j.netty.client.RtmpClientException.Kind;
import io.rtmp4j.session.ClientSessionConfig;
import io.rtmp4j.session.EnhancedCapabilities;
import io.rtmp4j.session.RtmpUrl;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An RTMP client on Netty NIO: connects to any RTMP server (nginx-rtmp, rtmp4j, {@code ffmpeg -listen},
 * a CDN ingest), then publishes or plays one stream per connection, driving a core
 * {@link io.rtmp4j.session.ClientSession}. Every operation returns a {@link CompletableFuture} that fails
 * with an {@link RtmpClientException} saying what went wrong (connection refused, connect rejected,
 * {@code NetStream.Publish.BadName}, {@code NetStream.Play.StreamNotFound}, timeout).
 *
 * <pre>{@code
 * try (RtmpClient client = RtmpClient.create()) {
 *     // publish
 *     RtmpPublisher pub = client.publish("rtmp://127.0.0.1:1935/live/cam").get(10, SECONDS);
 *     pub.sendVideo(0, videoTagBody);
 *     pub.closeAsync().get(10, SECONDS);
 *
 *     // play
 *     RtmpPlayer player = client.play("rtmp://127.0.0.1:1935/live/cam", new PlayListener() {
 *         public void onMedia(MediaKind kind, long timestamp, byte[] payload) { ... }
 *     }).get(10, SECONDS);
 *
 *     // or step by step, with a custom connect (e.g. Enhanced RTMP capabilities)
 *     RtmpUrl url = RtmpUrl.parse("rtmp://127.0.0.1/live/cam");
 *     RtmpClientConnection c = client.connect(url, ClientSessionConfig.forUrl(url)
 *             .enhanced(EnhancedCapabilities.NONE.withFourCcList(List.of("hvc1"))).build()).get(10, SECONDS);
 *     RtmpPublisher p = c.publish().get(10, SECONDS);
 * }
 * }</pre>
 *
 * <p>The client speaks what real servers expect (docs/INTEROP.md): a plain handshake that does not insist on
 * a digest S1 (YouTube), tcUrl always sent (SRS), Set Chunk Size (4096) right after the connect
 * {@code _result}, Set Chunk Size from the server applied before the next chunk (Twitch), media accepted as
 * soon as play was asked, and a graceful close (flush, half-close, read until the server closes).
 *
 * <p>Enhanced RTMP Reconnect Requests (enhanced-rtmp-v2.md "Reconnect Request") are followed by default
 * ({@link Settings#followReconnect()}): the publisher or player moves to the server named, keeping its
 * stream; see {@link RtmpPublisher} and {@link RtmpPlayer}.
 */
public final class RtmpClient implements AutoCloseable {

    /**
     * Transport settings.
     *
     * @param connectTimeout     TCP connect timeout. Default 10 s (ffmpeg's rtmp default waits for the OS;
     *                           10 s is what a person waits for a refused/unreachable host)
     * @param responseTimeout    how long the server may take to answer each step: handshake + connect,
     *                           publish (Publish.Start), play (Play.Start or the first media). Default 10 s,
     *                           like the server's handshake timeout
     * @param closeTimeout       after a graceful close, how long to wait for the server to close. Default 5 s
     * @param writeLowWaterMark  outbound bytes below which the connection is writable again. Default 1 MiB
     * @param writeHighWaterMark outbound bytes above which it is not writable. Default 4 MiB (a few seconds
     *                           of a high-bitrate stream)
     * @param followReconnect    follow Enhanced RTMP Reconnect Requests (enhanced-rtmp-v2.md "Reconnect
     *                           Request"): {@code connect} then announces {@code capsEx} Reconnect, and a
     *                           publisher or player moves to the server the request names, keeping its
     *                           stream (see {@link RtmpPublisher} and {@link RtmpPlayer}). Default true: a
     *                           server asks only when it must go away or move the client
     */
    public record Settings(Duration connectTimeout, Duration responseTimeout, Duration closeTimeout,
                           int writeLowWaterMark, int writeHighWaterMark, boolean followReconnect,
                           boolean trustAnyCertificate) {

        /**
         * Settings that check the RTMPS server's certificate (the earlier six-part form).
         *
         * @param connectTimeout TCP connect timeout
         * @param responseTimeout how long the server may take to answer each step
         * @param closeTimeout after a graceful close, how long to wait for the server to close
         * @param writeLowWaterMark outbound bytes below which the connection is writable again
         * @param writeHighWaterMark outbound bytes above which it is not writable
         * @param followReconnect follow Enhanced RTMP Reconnect Requests
         */
        public Settings(Duration connectTimeout, Duration responseTimeout, Duration closeTimeout,
                        int writeLowWaterMark, int writeHighWaterMark, boolean followReconnect) {
            this(connectTimeout, responseTimeout, closeTimeout, writeLowWaterMark, writeHighWaterMark,
                    followReconnect, false);
        }

        /**
         * These settings, but accepting any RTMPS server certificate and host name (self-signed test
         * servers; never for a real service: it gives up what TLS is for).
         *
         * @param trust whether to accept any certificate
         * @return the new settings
         */
        public Settings withTrustAnyCertificate(boolean trust) {
            return new Settings(connectTimeout, responseTimeout, closeTimeout, writeLowWaterMark, writeHighWaterMark,
                    followReconnect, trust);
        }

        /**
         * Checks the settings: the timeouts are present, connect and response timeouts at least 1 ms,
         * the close timeout not negative, and {@code 0 <= writeLowWaterMark <= writeHighWaterMark}.
         *
         * @param connectTimeout TCP connect timeout
         * @param responseTimeout how long the server may take to answer each step: handshake + connect,
         *     publish (Publish.Start), play (Play.Start or the first media)
         * @param closeTimeout after a graceful close, how long to wait for the server to close
         * @param writeLowWaterMark outbound bytes below which the connection is writable again
         * @param writeHighWaterMark outbound bytes above which it is not writable
         * @param followReconnect follow Enhanced RTMP Reconnect Requests (enhanced-rtmp-v2.md "Reconnect
         *     Request"): {@code connect} then announces {@code capsEx} Reconnect, and a publisher or player
         *     moves to the server the request names, keeping its stream (see {@link RtmpPublisher} and
         *     {@link RtmpPlayer})
         * @param trustAnyCertificate for {@code rtmps://}: accept any server certificate and host name
         *     (default false: the JDK's trust store and a host name check, as HTTPS does)
         * @throws IllegalArgumentException if a value is out of its range
         * @throws NullPointerException if a timeout is null
         */
        public Settings {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(responseTimeout, "responseTimeout");
            Objects.requireNonNull(closeTimeout, "closeTimeout");
            if (connectTimeout.toMillis() < 1 || responseTimeout.toMillis() < 1 || closeTimeout.isNegative()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            if (writeLowWaterMark < 0 || writeHighWaterMark < writeLowWaterMark) {
                throw new IllegalArgumentException("water marks must satisfy 0 <= low <= high");
            }
        }

        /**
         * Settings that follow Reconnect Requests (the earlier five-part form).
         *
         * @param connectTimeout TCP connect timeout
         * @param responseTimeout how long the server may take to answer each step: handshake + connect,
         *     publish (Publish.Start), play (Play.Start or the first media)
         * @param closeTimeout after a graceful close, how long to wait for the server to close
         * @param writeLowWaterMark outbound bytes below which the connection is writable again
         * @param writeHighWaterMark outbound bytes above which it is not writable
         */
        public Settings(Duration connectTimeout, Duration responseTimeout, Duration closeTimeout,
                        int writeLowWaterMark, int writeHighWaterMark) {
            this(connectTimeout, responseTimeout, closeTimeout, writeLowWaterMark, writeHighWaterMark, true);
        }

        /**
         * The documented defaults.
         *
         * @return 10 s connect and response timeouts, 5 s close timeout, 1 MiB / 4 MiB water marks,
         *     Reconnect Requests followed
         */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(5), 1 << 20,
                    4 << 20, true);
        }

        /**
         * These settings with another response timeout.
         *
         * @param d the new response timeout
         * @return the new settings
         */
        public Settings withResponseTimeout(Duration d) {
            return new Settings(connectTimeout, d, closeTimeout, writeLowWaterMark, writeHighWaterMark,
                    followReconnect, trustAnyCertificate);
        }

        /**
         * These settings with another close timeout.
         *
         * @param d the new close timeout
         * @return the new settings
         */
        public Settings withCloseTimeout(Duration d) {
            return new Settings(connectTimeout, responseTimeout, d, writeLowWaterMark, writeHighWaterMark,
                    followReconnect, trustAnyCertificate);
        }

        /**
         * These settings, following Reconnect Requests or not.
         *
         * @param follow whether to follow Reconnect Requests
         * @return the new settings
         */
        public Settings withFollowReconnect(boolean follow) {
            return new Settings(connectTimeout, responseTimeout, closeTimeout, writeLowWaterMark,
                    writeHighWaterMark, follow, trustAnyCertificate);
        }
    }

    private final Settings settings;
    private final EventLoopGroup group;
    private final boolean ownsGroup;

    private RtmpClient(Settings settings, EventLoopGroup group) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ownsGroup = group == null;
        this.group = group != null ? group : new NioEventLoopGroup(1, new DefaultThreadFactory("rtmp4j-client", true));
    }

    /**
     * A client with the default settings and its own event loop thread (a daemon).
     *
     * @return a new client
     */
    public static RtmpClient create() {
        return new RtmpClient(Settings.defaults(), null);
    }

    /**
     * A client with these settings and its own event loop thread (a daemon).
     *
     * @param settings the client settings
     * @return a new client
     */
    public static RtmpClient create(Settings settings) {
        return new RtmpClient(settings, null);
    }

    /**
     * A client running its connections on {@code group} (not shut down by {@link #close()}).
     *
     * @param settings the client settings
     * @param group the event loops to run on, owned by the caller
     * @return a new client
     */
    public static RtmpClient create(Settings settings, EventLoopGroup group) {
        return new RtmpClient(settings, Objects.requireNonNull(group, "group"));
    }

    /**
     * The settings in use.
     *
     * @return the client settings
     */
    public Settings settings() {
        return settings;
    }

    /**
     * Connects to {@code url} ({@code rtmp://host[:port]/app[/stream]}); see {@link #connect(RtmpUrl, ClientSessionConfig)}.
     *
     * @param url the server and app (a stream name may follow; it is used by publish and play)
     * @return a future of the connection, completed on the connect {@code _result}
     */
    public CompletableFuture<RtmpClientConnection> connect(String url) {
        return connect(RtmpUrl.parse(url));
    }

    /**
     * Connects with the default session settings for {@code url} ({@link ClientSessionConfig#forUrl}); with
     * {@link Settings#followReconnect()}, {@code connect} announces {@code capsEx} Reconnect
     * (enhanced-rtmp-v2.md "Enhancing NetConnection connect Command").
     *
     * @param url the parsed URL
     * @return a future of the connection, completed on the connect {@code _result}
     */
    public CompletableFuture<RtmpClientConnection> connect(RtmpUrl url) {
        return connect(url, defaultConfig(url, url.tcUrl()));
    }

    /** The session settings of {@link #connect(RtmpUrl)}, with this tcUrl. */
    ClientSessionConfig defaultConfig(RtmpUrl url, String tcUrl) {
        ClientSessionConfig.Builder b = ClientSessionConfig.builder(url.app(), tcUrl);
        if (settings.followReconnect()) {
            b.enhanced(EnhancedCapabilities.NONE.withCapsEx(EnhancedCapabilities.CAPS_RECONNECT));
        }
        return b.build();
    }

    /**
     * Where a Reconnect Request sends {@code streamName}: the host, port and app of {@code tcUrl} (already
     * resolved against the current one, {@link io.rtmp4j.session.ReconnectRequest#tcUrl()}), the app being
     * the whole path after the authority (it may hold an instance, as {@code live/inst}).
     *
     * @throws IllegalArgumentException if {@code tcUrl} is not an {@code rtmp://} URL
     */
    static RtmpUrl reconnectTarget(String tcUrl, String streamName) {
        RtmpUrl base = RtmpUrl.parse(tcUrl);
        String rest = tcUrl.substring(tcUrl.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        String app = slash < 0 ? "" : rest.substring(slash + 1);
        return new RtmpUrl(base.host(), base.port(), app, streamName, base.tls());
    }

    /**
     * The TLS handler of an {@code rtmps://} connection: SNI with the URL's host, and (unless
     * {@link Settings#trustAnyCertificate()}) the JDK's trust store and the host name checked against the
     * certificate as HTTPS does (RFC 2818), which Netty's handler leaves to the caller.
     */
    private SslHandler tlsHandler(SocketChannel ch, RtmpUrl url) {
        try {
            SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
            if (settings.trustAnyCertificate()) {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE);
            }
            SslHandler h = b.build().newHandler(ch.alloc(), url.host(), url.port());
            if (!settings.trustAnyCertificate()) {
                SSLParameters p = h.engine().getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                h.engine().setSSLParameters(p);
            }
            h.setHandshakeTimeoutMillis(settings.connectTimeout().toMillis());
            return h;
        } catch (SSLException e) {
            throw new IllegalStateException("the JDK's TLS cannot be set up: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a TCP connection to the URL's host and port, does the handshake and {@code connect} (with the
     * app and tcUrl of {@code config}). Completes when the connect {@code _result} arrives; fails with
     * {@link Kind#CONNECTION_FAILED} (refused, unreachable, connect timeout), {@link Kind#CONNECT_REJECTED}
     * ({@code _error}), {@link Kind#TIMEOUT}, {@link Kind#PROTOCOL_ERROR} or {@link Kind#CLOSED}.
     *
     * @param url the server to connect to
     * @param config the connect command's contents (app, tcUrl, flashVer, Enhanced RTMP capabilities)
     * @return a future of the connection, completed on the connect {@code _result}
     */
    public CompletableFuture<RtmpClientConnection> connect(RtmpUrl url, ClientSessionConfig config) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(config, "config");
        if (url.port() == 0) {
            throw new IllegalArgumentException("port 0 in " + url.tcUrl() + ": a client must name the server's port "
                    + "(0, any free port, is only for a listening address)");
        }
        CompletableFuture<RtmpClientConnection> result = new EventLoopFuture<>(group);
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        settings.connectTimeout().toMillis()))
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(settings.writeLowWaterMark(), settings.writeHighWaterMark()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (url.tls()) {
                            ch.pipeline().addLast("tls", tlsHandler(ch, url));
                        }
                        RtmpClientConnection c = new RtmpClientConnection(RtmpClient.this, ch, settings, url, config);
                        ch.pipeline().addLast("rtmp", c.driver());
                        c.connectedFuture().whenComplete((ok, err) -> {
                            if (err != null) {
                                result.completeExceptionally(err);
                            } else {
                                result.complete(ok);
                            }
                        });
                    }
                });
        ChannelFuture cf = b.connect(url.host(), url.port());
        cf.addListener(f -> {
            if (!f.isSuccess()) {
                Throwable cause = f.cause();
                String why = cause instanceof ConnectException ? "connection refused"
                        : cause == null ? "cancelled" : cause.getMessage();
                result.completeExceptionally(new RtmpClientException(Kind.CONNECTION_FAILED, null,
                        "cannot connect to " + url.host() + ":" + url.port() + ": " + why, cause));
            }
        });
        return result;
    }

    /**
     * Connects and publishes the URL's stream ({@code rtmp://host[:port]/app/stream}); completes on
     * {@code NetStream.Publish.Start}. On failure the connection is closed.
     *
     * @param url {@code rtmp://host[:port]/app/stream}
     * @return a future of the publisher
     */
    public CompletableFuture<RtmpPublisher> publish(String url) {
        return connect(url).thenCompose(c -> closeOnFailure(c, c.publish()));
    }

    /**
     * Connects and plays the URL's stream; completes on {@code NetStream.Play.Start} or the first media.
     * On failure the connection is closed.
     *
     * @param url {@code rtmp://host[:port]/app/stream}
     * @param listener receives the media, status events and the end of the stream
     * @return a future of the player
     */
    public CompletableFuture<RtmpPlayer> play(String url, PlayListener listener) {
        Objects.requireNonNull(listener, "listener");
        return connect(url).thenCompose(c -> closeOnFailure(c, c.play(listener)));
    }

    private static <T> CompletableFuture<T> closeOnFailure(RtmpClientConnection c, CompletableFuture<T> f) {
        return f.whenComplete((ok, err) -> {
            if (err != null) {
                c.close(err.getMessage());
            }
        });
    }

    /**
     * Shuts down the client's own event loop (connections still open are dropped; close them first for a
     * graceful end). Does nothing to a group given to {@link #create(Settings, EventLoopGroup)}.
     */
    @Override
    public void close() {
        if (ownsGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
