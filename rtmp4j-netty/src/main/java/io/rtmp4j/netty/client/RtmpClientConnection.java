package io.rtmp4j.netty.client;

import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.netty.SessionDriver;
import io.rtmp4j.netty.client.RtmpClientException.Kind;
import io.rtmp4j.session.ClientSession;
import io.rtmp4j.session.ClientSessionConfig;
import io.rtmp4j.session.ConnectResult;
import io.rtmp4j.session.ReconnectRequest;
import io.rtmp4j.session.RtmpUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection to an RTMP server, made by {@link RtmpClient#connect}: a Netty channel driving a
 * {@link ClientSession} (handshake, connect, then one publish or one play). All session work happens on the
 * channel's event loop; the public methods may be called from any thread.
 *
 * <pre>{@code
 * RtmpClientConnection c = client.connect("rtmp://127.0.0.1/live/cam").join();  // connect _result received
 * RtmpPublisher p = c.publish().join();                                          // NetStream.Publish.Start
 * }</pre>
 *
 * <p>Closing ({@link #close()}): the session ends its stream (FCUnpublish and deleteStream for a
 * publication, deleteStream for a playback), every queued byte is flushed, the write side is shut down
 * and the connection is closed when the server closes its side, or after
 * {@link RtmpClient.Settings#closeTimeout()} (docs/INTEROP.md "Closing").
 *
 * <p>This class is the facade; the channel's handler is the transport's {@link SessionDriver}, shared
 * with the server, and the session's events go to {@code ClientConnectionEvents}.
 */
public final class RtmpClientConnection {

    static final Logger LOG = LoggerFactory.getLogger(RtmpClientConnection.class);

    private final RtmpClient client;
    private final Channel channel;
    private final RtmpClient.Settings settings;
    private final RtmpUrl url;
    private final ClientSession session;
    private final SessionDriver driver;
    final CompletableFuture<RtmpClientConnection> connected;
    final CompletableFuture<String> closed;
    private final List<CompletableFuture<Void>> writableWaiters = new ArrayList<>();

    // what this connection publishes or plays; the session listener (ClientConnectionEvents) moves it on
    ConnectResult connectResult;
    CompletableFuture<RtmpPublisher> publishFuture;
    RtmpPublisher publisher;
    private RtmpPublisher adoptingPublisher;
    private RtmpPlayer playHandle;
    CompletableFuture<RtmpPlayer> playFuture;
    RtmpPlayer player;
    PlayListener playListener;
    String streamName;
    volatile Consumer<ReconnectRequest> reconnectHandler;

    RtmpClientConnection(RtmpClient client, Channel channel, RtmpClient.Settings settings, RtmpUrl url,
                         ClientSessionConfig config) {
        this.client = client;
        this.channel = channel;
        this.settings = settings;
        this.url = url;
        ClientConnectionEvents events = new ClientConnectionEvents(this);
        this.session = new ClientSession(config, events);
        // no idle check on the client (the server pings; the client answers), as before the shared driver
        this.driver = new SessionDriver(events, new SessionDriver.Settings(settings.responseTimeout(), Duration.ZERO,
                settings.closeTimeout(), "closed by the server", "closed by the session"));
        this.connected = newFuture();
        this.closed = newFuture();
    }

    /** The channel handler of this connection: the transport's shared {@link SessionDriver}. */
    SessionDriver driver() {
        return driver;
    }

    /** A future completed on this connection's event loop, which refuses a blocking wait there ({@link EventLoopFuture}). */
    <T> CompletableFuture<T> newFuture() {
        return new EventLoopFuture<>(channel.eventLoop());
    }

    // ------------------------------------------------------------------------------------------------
    // public API

    /**
     * The URL connected to.
     *
     * @return the URL
     */
    public RtmpUrl url() {
        return url;
    }

    /**
     * The server's connect {@code _result} (null until {@link RtmpClient#connect}'s future completes).
     *
     * @return the connect result, or null before it arrived
     */
    public ConnectResult connectResult() {
        return connectResult;
    }

    /**
     * The Netty channel.
     *
     * @return the channel
     */
    public Channel channel() {
        return channel;
    }

    /**
     * The event loop that owns this connection and its session.
     *
     * @return the connection's event loop
     */
    public EventExecutor executor() {
        return channel.eventLoop();
    }

    /**
     * Publishes the URL's stream name live; see {@link #publish(String)}.
     *
     * @return a future of the publisher
     */
    public CompletableFuture<RtmpPublisher> publish() {
        return publish(url.streamName());
    }

    /**
     * Publishes {@code name} live: releaseStream, FCPublish, createStream, publish (as OBS and ffmpeg do).
     * The future completes with the publisher on {@code NetStream.Publish.Start}, and fails with an
     * {@link RtmpClientException} of kind {@link Kind#PUBLISH_REJECTED} on an error status (e.g.
     * {@code NetStream.Publish.BadName}) or a refused createStream, {@link Kind#TIMEOUT} when the server
     * does not answer createStream within {@link RtmpClient.Settings#responseTimeout()}, {@link Kind#CLOSED}
     * when the connection ends first. On failure the connection is closed. A server that answered
     * createStream but sends neither Publish.Start nor an error within the response timeout is taken to
     * accept (docs/INTEROP.md "Commands": some never send Publish.Start promptly), with a logged warning.
     *
     * @param name the stream name to publish
     * @return a future of the publisher
     * @throws IllegalStateException (through the future) if this connection already publishes or plays
     */
    public CompletableFuture<RtmpPublisher> publish(String name) {
        return publish(name, null);
    }

    /** {@link #publish(String)} for {@code adopt} (a publisher moving here after a Reconnect Request), or a new one. */
    CompletableFuture<RtmpPublisher> publish(String name, RtmpPublisher adopt) {
        Objects.requireNonNull(name, "name");
        CompletableFuture<RtmpPublisher> f = newFuture();
        run(() -> {
            if (publishFuture != null || playFuture != null) {
                f.completeExceptionally(new IllegalStateException("this connection already publishes or plays"));
                return;
            }
            if (name.isEmpty()) {
                f.completeExceptionally(new IllegalArgumentException("no stream name to publish (the URL names "
                        + "none: rtmp://host[:port]/app/stream)"));
                return;
            }
            publishFuture = f;
            adoptingPublisher = adopt;
            streamName = name;
            if (failIfClosed(f)) {
                return;
            }
            session.publish(name);
            long ms = settings.responseTimeout().toMillis();
            channel.eventLoop().schedule(() -> {
                if (f.isDone()) {
                    return;
                }
                if (session.streamId() >= 0 && session.state() == ClientSession.State.CONNECTED) {
                    // docs/INTEROP.md "Commands": some servers never send NetStream.Publish.Start promptly.
                    // publish went out and nothing refused it: publish anyway, as encoders do.
                    LOG.warn("{}: no NetStream.Publish.Start within {} ms; publishing anyway", this, ms);
                    publisher = newPublisher();
                    f.complete(publisher);
                } else {
                    fail(new RtmpClientException(Kind.TIMEOUT, "no answer to createStream for '" + name + "' from "
                            + url.host() + ":" + url.port() + " within " + ms + " ms"));
                }
            }, ms, TimeUnit.MILLISECONDS);
        });
        return f;
    }

    /**
     * Plays the URL's stream name; see {@link #play(String, PlayListener)}.
     *
     * @param listener receives the media, status events and the end of the stream
     * @return a future of the player
     */
    public CompletableFuture<RtmpPlayer> play(PlayListener listener) {
        return play(url.streamName(), listener);
    }

    /**
     * Plays {@code name}: createStream, SetBufferLength, play. The listener receives media as soon as play
     * was sent. The future completes with the player on {@code NetStream.Play.Start} or on the first media
     * message, whichever comes first; it fails with {@link Kind#STREAM_NOT_FOUND} on
     * {@code NetStream.Play.StreamNotFound}, {@link Kind#PLAY_REJECTED} on another error status,
     * {@link Kind#TIMEOUT} or {@link Kind#CLOSED}. On failure the connection is closed.
     *
     * @param name the stream name to play
     * @param listener receives the media, status events and the end of the stream
     * @return a future of the player
     */
    public CompletableFuture<RtmpPlayer> play(String name, PlayListener listener) {
        Objects.requireNonNull(listener, "listener");
        return play(name, listener, null);
    }

    /**
     * {@link #play(String, PlayListener)} for {@code adopt} (a player moving here after a Reconnect
     * Request, whose own listener then receives what this connection delivers once it takes over), or for a
     * new player with {@code listener}.
     */
    CompletableFuture<RtmpPlayer> play(String name, PlayListener listener, RtmpPlayer adopt) {
        Objects.requireNonNull(name, "name");
        CompletableFuture<RtmpPlayer> f = newFuture();
        run(() -> {
            if (publishFuture != null || playFuture != null) {
                f.completeExceptionally(new IllegalStateException("this connection already publishes or plays"));
                return;
            }
            if (name.isEmpty()) {
                f.completeExceptionally(new IllegalArgumentException("no stream name to play (the URL names "
                        + "none: rtmp://host[:port]/app/stream)"));
                return;
            }
            playFuture = f;
            playHandle = adopt != null ? adopt : new RtmpPlayer(this, name, listener);
            playListener = playHandle.listenerFor(this);
            streamName = name;
            if (failIfClosed(f)) {
                return;
            }
            session.play(name);
            scheduleTimeout(f, "NetStream.Play.Start for '" + name + "'");
        });
        return f;
    }

    /**
     * Graceful close (see the class comment). Returns {@link #closeFuture()}. Idempotent; any thread. The
     * futures of a connection refuse a blocking wait on its event loop (where every callback runs): their
     * {@code get()} and {@code join()} throw an {@link IllegalStateException} there instead of never
     * returning; use {@code thenRun} / {@code thenAccept}.
     *
     * @return the close reason, once the connection has closed
     */
    public CompletableFuture<String> close() {
        return close("closed by the client");
    }

    /**
     * The same as {@link #close()}, under the name the players and publishers use for it.
     *
     * @return the close reason, once the connection has closed
     */
    public CompletableFuture<String> closeAsync() {
        return close();
    }

    /**
     * Waits for {@code closing} off the event loop, at most the close timeout and a second (then the
     * connection is closed at once); on the event loop it does not wait (a callback must not block).
     */
    void awaitClosed(CompletableFuture<String> closing) {
        if (channel().eventLoop().inEventLoop()) {
            return;
        }
        try {
            closing.get(settings.closeTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            channel().close();
        }
    }

    /**
     * {@link #close()} with a reason for the logs and {@link #closeFuture()}.
     *
     * @param reason why the connection is closed
     * @return the close reason, once the connection has closed
     */
    public CompletableFuture<String> close(String reason) {
        run(() -> closeGracefully(reason));
        return closed;
    }

    /**
     * Handles Enhanced RTMP Reconnect Requests (enhanced-rtmp-v2.md "Reconnect Request"), called on the event
     * loop (it must not block, see {@link PlayListener}) with the new tcUrl already resolved against the
     * current one. Nothing is torn down: the handler
     * decides (e.g. connect to {@link ReconnectRequest#tcUrl()}, move the stream, then close this connection).
     * Without a handler, a publisher or player on this connection follows the request when
     * {@link RtmpClient.Settings#followReconnect()} is on (see {@link RtmpPublisher}, {@link RtmpPlayer});
     * otherwise the request is logged.
     *
     * @param handler called with each request; replaces the built-in handling
     */
    public void onReconnectRequest(Consumer<ReconnectRequest> handler) {
        reconnectHandler = handler;
    }

    /** The player being started here (a new one, or one moving here after a Reconnect Request). */
    RtmpPlayer playHandle() {
        return playHandle;
    }

    /** The client that made this connection. */
    RtmpClient client() {
        return client;
    }

    /** The transport settings. */
    RtmpClient.Settings settings() {
        return settings;
    }

    RtmpPublisher newPublisher() {
        return adoptingPublisher != null ? adoptingPublisher
                : new RtmpPublisher(this, streamName, session.streamId());
    }

    /**
     * Closes the TCP connection at once, without a goodbye. Any thread.
     *
     * @param reason why, for the logs and {@link #closeFuture()}
     */
    public void abort(String reason) {
        run(() -> driver.abort(reason));
    }

    /**
     * Completes with the close reason when the TCP connection has closed.
     *
     * @return the close reason, once the connection has closed
     */
    public CompletableFuture<String> closeFuture() {
        return closed;
    }

    /**
     * Whether the TCP connection is open.
     *
     * @return true while the connection is open
     */
    public boolean isOpen() {
        return channel.isActive() && !closed.isDone();
    }

    /**
     * Whether Netty's outbound buffer is below its high-water mark ({@link RtmpClient.Settings#writeHighWaterMark()}).
     *
     * @return true while more may be sent without passing the high-water mark
     */
    public boolean isWritable() {
        return channel.isWritable();
    }

    /**
     * Completes once everything sent before this call has reached Netty's outbound buffer and that buffer
     * is below the high-water mark (else when it drains below the low-water mark), or when the connection
     * closes: the backpressure signal for a producer. Sends from other threads travel through the event
     * loop's task queue; this future goes through it too, so sends queued there are counted.
     *
     * @return a future that completes when sending may go on
     */
    public CompletableFuture<Void> whenWritable() {
        if (!channel.isActive()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> f = newFuture();
        run(() -> {
            if (channel.isWritable() || !channel.isActive()) {
                f.complete(null);
            } else {
                writableWaiters.add(f);
            }
        });
        return f;
    }

    /**
     * Runs {@code task} with the session on the event loop, then writes and flushes what it queued: the
     * escape hatch for everything the session offers ({@link ClientSession#call},
     * {@link ClientSession#sendPingRequest}, {@link ClientSession#receiveAudio}, ...).
     *
     * @param task what to do with the session
     */
    public void execute(Consumer<ClientSession> task) {
        Objects.requireNonNull(task, "task");
        run(() -> task.accept(session));
    }

    @Override
    public String toString() {
        return "RtmpClientConnection[" + url.tcUrl() + "/" + url.streamName() + "]";
    }

    // ------------------------------------------------------------------------------------------------
    // event-loop side

    /** Runs on the event loop (now if already there), then writes what the session queued. */
    void run(Runnable task) {
        if (channel.eventLoop().inEventLoop()) {
            runNow(task);
        } else {
            channel.eventLoop().execute(() -> runNow(task));
        }
    }

    private void runNow(Runnable task) {
        try {
            task.run();
        } catch (RtmpProtocolException e) {
            fail(new RtmpClientException(Kind.PROTOCOL_ERROR, null, "protocol error: " + e.getMessage(), e));
            return;
        }
        flush();
    }

    ClientSession session() {
        return session;
    }

    CompletableFuture<RtmpClientConnection> connectedFuture() {
        return connected;
    }

    /** Writes what the session queued and flushes; starts the half-close if the session asked for it. */
    void flush() {
        driver.flush();
    }

    private boolean failIfClosed(CompletableFuture<?> f) {
        if (session.state() == ClientSession.State.CLOSED || closed.isDone()) {
            f.completeExceptionally(new RtmpClientException(Kind.CLOSED, "the connection to " + url.host() + ":"
                    + url.port() + " is closed" + (driver.closeReason() == null ? "" : ": " + driver.closeReason())));
            return true;
        }
        return false;
    }

    private void scheduleTimeout(CompletableFuture<?> f, String what) {
        long ms = settings.responseTimeout().toMillis();
        channel.eventLoop().schedule(() -> {
            if (!f.isDone()) {
                fail(new RtmpClientException(Kind.TIMEOUT, "no " + what + " from " + url.host() + ":" + url.port()
                        + " within " + ms + " ms"));
            }
        }, ms, TimeUnit.MILLISECONDS);
    }

    /** Graceful close through the driver (see the class comment). */
    void closeGracefully(String reason) {
        driver.close(reason);
    }

    /** Fails every pending future with {@code e}, then closes (gracefully unless it is a protocol error). */
    void fail(RtmpClientException e) {
        failPending(e);
        if (e.kind() == Kind.PROTOCOL_ERROR) {
            driver.abort(e.getMessage());
        } else {
            closeGracefully(e.getMessage());
        }
    }

    void failPending(Throwable e) {
        connected.completeExceptionally(e);
        if (publishFuture != null) {
            publishFuture.completeExceptionally(e);
        }
        if (playFuture != null) {
            playFuture.completeExceptionally(e);
        }
    }

    void completeWaiters() {
        List<CompletableFuture<Void>> w = new ArrayList<>(writableWaiters);
        writableWaiters.clear();
        w.forEach(f -> f.complete(null));
    }
}
