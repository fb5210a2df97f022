package io.rtmp4j.netty.client;

import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import io.rtmp4j.session.ReconnectRequest;
import io.rtmp4j.session.RtmpUrl;
import io.rtmp4j.session.StatusEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A playback on an {@link RtmpClientConnection}, available once the server said
 * {@code NetStream.Play.Start} (or sent the first media). Media goes to the {@link PlayListener} given
 * to {@link RtmpClientConnection#play}.
 *
 * <pre>{@code
 * RtmpPlayer player = client.play("rtmp://127.0.0.1/live/cam", new PlayListener() {
 *     public void onMedia(MediaKind kind, long ts, byte[] payload) { ... }
 *     public void onStreamEnd(String reason) { ... }
 * }).get(10, SECONDS);
 * ...
 * player.close();   // deleteStream, half-close
 * }</pre>
 *
 * <p><b>Reconnect Request</b> (enhanced-rtmp-v2.md "Reconnect Request"), followed when
 * {@link RtmpClient.Settings#followReconnect()} is on (the default) and no handler was set with
 * {@link RtmpClientConnection#onReconnectRequest}: the player connects to the tcUrl the server names (or
 * the current one) and plays the same stream name there while the old connection keeps delivering
 * (make-before-break: a server may play a stream to many connections, so nothing is lost). The listener
 * keeps receiving the old connection's media until the new one delivers a video key frame (or, for a
 * stream without video, an audio frame) later than the last one delivered; what the new server sends
 * before (its GOP cache replaying frames already delivered) is dropped. From that key frame on, the new
 * connection's frames are buffered (at most {@value #MAX_BUFFERED}) until the old connection reaches the
 * key frame's timestamp; then the new connection takes over: its sequence headers and metadata are
 * delivered first when they differ from the last ones, then the buffered frames, and the old connection is
 * closed. Both servers relaying one publisher, the listener thus gets every frame once. The move happens
 * without waiting once the old connection has ended its stream or closed, or after the response timeout
 * (a new server with another timeline). While a move
 * is under way, the end of the stream or the close of the old connection is held back, and delivered only
 * if the move fails. The listener sees one continuous stream; {@link #connection()} changes.
 */
public final class RtmpPlayer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RtmpPlayer.class);

    /**
     * Frames of the new connection buffered while the old one catches up (a bound, not a tuning knob: about
     * 8 s of 60 fps video with audio; a new server on another timeline reaches the response timeout first).
     */
    static final int MAX_BUFFERED = 1024;

    private final String streamName;
    private final PlayListener listener;
    private final List<Consumer<RtmpPlayer>> reconnectListeners = new CopyOnWriteArrayList<>();
    private volatile RtmpClientConnection connection;
    private volatile int streamId = -1;

    // guarded by this
    private boolean reconnecting;
    private RtmpClientConnection next;
    private long nextSinceNanos;
    private boolean closing;
    private int reconnects;
    private String reason = "";
    private long lastTs = -1;
    private boolean videoSeen;
    private byte[] lastVideoHeader;
    private byte[] lastAudioHeader;
    private Metadata lastMetadata;
    private byte[] nextVideoHeader;
    private byte[] nextAudioHeader;
    private Metadata nextMetadata;
    private final List<Held> buffer = new ArrayList<>();
    private final List<String> heldEnds = new ArrayList<>();
    private String heldClose;

    RtmpPlayer(RtmpClientConnection connection, String streamName, PlayListener listener) {
        this.connection = connection;
        this.streamName = streamName;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The stream name played.
     *
     * @return the stream name
     */
    public String streamName() {
        return streamName;
    }

    /**
     * The message stream id of the playback (on the current connection).
     *
     * @return the message stream id
     */
    public int streamId() {
        return streamId;
    }

    /**
     * The current connection (another one after a followed Reconnect Request).
     *
     * @return the connection in use now
     */
    public RtmpClientConnection connection() {
        return connection;
    }

    /**
     * How many times the playback moved to a new connection after a Reconnect Request.
     *
     * @return the number of moves so far
     */
    public synchronized int reconnects() {
        return reconnects;
    }

    /**
     * Calls {@code listener} (on the new connection's event loop; it must not block, see
     * {@link PlayListener}) each time the playback has moved to a new connection after a Reconnect
     * Request; {@link #connection()} is the new one.
     *
     * @param listener called with this player after each move
     */
    public void onReconnected(Consumer<RtmpPlayer> listener) {
        reconnectListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Whether the current connection is still open.
     *
     * @return true while the current connection is open
     */
    public boolean isOpen() {
        return connection.isOpen();
    }

    /**
     * Stops playing as {@link #closeAsync()} does, then waits until the connection has closed (at most the
     * client's close timeout and a second; then it is closed at once), for try-with-resources. Inside a
     * callback (on the connection's event loop) it only starts the close: a callback must not block.
     */
    @Override
    public void close() {
        CompletableFuture<String> closing = closeAsync();
        connection().awaitClosed(closing);
    }

    /**
     * Stops playing: deleteStream, flush, half-close; returns the connection's close future. A connection
     * being opened for a Reconnect Request is closed too. Any thread, a {@link PlayListener} callback
     * included; there, continue with {@code thenRun} / {@code thenAccept}: a blocking {@code get()} or
     * {@code join()} on the connection's event loop throws an {@link IllegalStateException} at once.
     *
     * @return the close reason, once the connection has closed
     */
    public CompletableFuture<String> closeAsync() {
        RtmpClientConnection pending;
        synchronized (this) {
            closing = true;
            pending = next;
            next = null;
            reconnecting = false;
            buffer.clear();
        }
        if (pending != null) {
            pending.close("playback ended");
        }
        return connection.close("playback ended");
    }

    /**
     * Completes with the reason when the current connection has closed.
     *
     * @return the close reason, once the connection has closed
     */
    public CompletableFuture<String> closeFuture() {
        return connection.closeFuture();
    }

    @Override
    public String toString() {
        return "RtmpPlayer[" + connection.url().tcUrl() + "/" + streamName + "]";
    }

    // ------------------------------------------------------------------------------------------------
    // connection side

    /** Called on {@code c}'s event loop when its play started. */
    void started(RtmpClientConnection c, int id) {
        if (c == connection) {
            streamId = id;
        }
    }

    /** What {@code c} delivers to: the listener while {@code c} is the current connection. */
    PlayListener listenerFor(RtmpClientConnection c) {
        return new Gate(c);
    }

    /** Called on {@code from}'s event loop when it received a Reconnect Request. */
    void followReconnect(RtmpClientConnection from, ReconnectRequest request) {
        synchronized (this) {
            if (from != connection || reconnecting || closing) {
                LOG.debug("{}: ignoring a Reconnect Request on {} (already moving or closing)", this, from);
                return;
            }
            reconnecting = true;
        }
        RtmpUrl target;
        try {
            target = RtmpClient.reconnectTarget(request.tcUrl(), streamName);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: cannot follow the Reconnect Request to {}: {}", this, request.tcUrl(), e.getMessage());
            moveFailed();
            return;
        }
        LOG.debug("{}: the server asks to reconnect{} to {}; connecting", this,
                request.description().map(d -> " (" + d + ")").orElse(""), request.tcUrl());
        synchronized (this) {
            reason = request.description().map(d -> " (" + d + ")").orElse("");
        }
        RtmpClient client = from.client();
        client.connect(target, client.defaultConfig(target, request.tcUrl())).thenCompose(c -> {
            synchronized (this) {
                if (closing) {
                    c.close("playback ended");
                    return CompletableFuture.failedFuture(new RtmpClientException(RtmpClientException.Kind.CLOSED,
                            "the player was closed"));
                }
                next = c;
                nextSinceNanos = System.nanoTime();
            }
            return c.play(streamName, null, this).whenComplete((ok, err) -> {
                if (err != null) {
                    c.close(err.getMessage());
                }
            });
        }).whenComplete((ok, err) -> {
            if (err != null) {
                LOG.warn("{}: cannot reconnect to {}: {}", this, request.tcUrl(),
                        RtmpClientException.unwrap(err).getMessage());
                moveFailed();
            }
        });
    }

    private synchronized void moveFailed() {
        reconnecting = false;
        next = null;
        buffer.clear();
        List<String> ends = new ArrayList<>(heldEnds);
        String close = heldClose;
        heldEnds.clear();
        heldClose = null;
        ends.forEach(listener::onStreamEnd);
        if (close != null) {
            listener.onClose(close);
        }
    }

    /** Records what the listener got from the current connection. */
    private void delivered(MediaKind kind, long ts, byte[] payload) {
        if (kind == MediaKind.VIDEO) {
            videoSeen = true;
            if (MediaBoundaries.isVideoHeader(payload)) {
                lastVideoHeader = payload;
            }
        } else if (kind == MediaKind.AUDIO && MediaBoundaries.isAudioHeader(payload)) {
            lastAudioHeader = payload;
        }
        if (kind != MediaKind.DATA) {
            lastTs = ts;
        }
    }

    /**
     * Media from {@link #next} before the move. Sequence headers are held; frames are dropped until a video
     * key frame (an audio frame for a stream without video) later than the last frame delivered; from there
     * on the new connection's frames are buffered until the old connection reaches that timestamp (its frame
     * there is not delivered: the new connection's copy is), ends, or the move is overdue; then the move.
     */
    private void fromNext(MediaKind kind, long ts, byte[] payload) {
        if (!buffer.isEmpty()) {
            buffer.add(new Held(kind, ts, payload));
            if (oldGone() || overdue() || buffer.size() >= MAX_BUFFERED) {
                move();
            }
            return;
        }
        if (kind == MediaKind.VIDEO && MediaBoundaries.isVideoHeader(payload)) {
            nextVideoHeader = payload;
            return;
        }
        if (kind == MediaKind.AUDIO && MediaBoundaries.isAudioHeader(payload)) {
            nextAudioHeader = payload;
            return;
        }
        boolean boundary = kind == MediaKind.VIDEO ? MediaBoundaries.isKeyFrame(payload)
                : kind == MediaKind.AUDIO && !videoSeen;
        if (!boundary) {
            return;
        }
        boolean later = lastTs < 0 || ts > lastTs;
        if (!(later || oldGone() || overdue())) {
            return; // the new server replays frames already delivered (its GOP cache)
        }
        buffer.add(new Held(kind, ts, payload));
        if (oldGone() || overdue() || lastTs < 0) {
            move();
        }
    }

    /** A frame of the current (old) connection while the new one is buffering: delivered, or the move. */
    private void fromOldWhileBuffering(MediaKind kind, long ts, byte[] payload) {
        if (kind != MediaKind.DATA && ts >= buffer.get(0).ts()) {
            move(); // the old connection reached the new one's first frame: from here on the new one delivers
        } else {
            delivered(kind, ts, payload);
            listener.onMedia(kind, ts, payload);
            if (overdue()) {
                move();
            }
        }
    }

    private boolean oldGone() {
        return !heldEnds.isEmpty() || heldClose != null || !connection.isOpen();
    }

    private boolean overdue() {
        return System.nanoTime() - nextSinceNanos > next.settings().responseTimeout().toNanos();
    }

    /** Makes {@link #next} the current connection, delivers what it held, and closes the old one. */
    private void move() {
        RtmpClientConnection c = next;
        RtmpClientConnection old = connection;
        connection = c;
        streamId = c.session().streamId();
        next = null;
        reconnecting = false;
        heldEnds.clear();
        heldClose = null;
        reconnects++;
        LOG.info("{}: playing '{}' from {} now, as the server asked (Reconnect Request{}); closing {}", this,
                streamName, c.url().tcUrl(), reason, old.url().tcUrl());
        long ts = buffer.isEmpty() ? Math.max(0, lastTs) : buffer.get(0).ts();
        if (nextMetadata != null && (lastMetadata == null
                || !Arrays.equals(nextMetadata.payload(), lastMetadata.payload()))) {
            lastMetadata = nextMetadata;
            listener.onMetadata(nextMetadata);
        }
        if (nextVideoHeader != null && !Arrays.equals(nextVideoHeader, lastVideoHeader)) {
            delivered(MediaKind.VIDEO, ts, nextVideoHeader);
            listener.onMedia(MediaKind.VIDEO, ts, nextVideoHeader);
        }
        if (nextAudioHeader != null && !Arrays.equals(nextAudioHeader, lastAudioHeader)) {
            delivered(MediaKind.AUDIO, ts, nextAudioHeader);
            listener.onMedia(MediaKind.AUDIO, ts, nextAudioHeader);
        }
        nextMetadata = null;
        nextVideoHeader = null;
        nextAudioHeader = null;
        List<Held> frames = new ArrayList<>(buffer);
        buffer.clear();
        for (Held h : frames) {
            delivered(h.kind(), h.ts(), h.payload());
            listener.onMedia(h.kind(), h.ts(), h.payload());
        }
        old.close("reconnected to " + c.url().tcUrl());
        for (Consumer<RtmpPlayer> l : reconnectListeners) {
            try {
                l.accept(this);
            } catch (RuntimeException e) {
                LOG.warn("{}: reconnect listener failed", this, e);
            }
        }
    }

    private record Held(MediaKind kind, long ts, byte[] payload) {
    }

    /**
     * The listener of one connection: passes everything on while it is the current connection, feeds the
     * move while it is the next one, and drops what an old connection still delivers.
     */
    private final class Gate implements PlayListener {

        private final RtmpClientConnection c;

        Gate(RtmpClientConnection c) {
            this.c = c;
        }

        @Override
        public void onMetadata(Metadata metadata) {
            synchronized (RtmpPlayer.this) {
                if (c == connection) {
                    lastMetadata = metadata;
                    listener.onMetadata(metadata);
                } else if (c == next) {
                    nextMetadata = metadata;
                }
            }
        }

        @Override
        public void onMedia(MediaKind kind, long timestamp, byte[] payload) {
            synchronized (RtmpPlayer.this) {
                if (c == connection && next != null && !buffer.isEmpty()) {
                    fromOldWhileBuffering(kind, timestamp, payload);
                } else if (c == connection) {
                    delivered(kind, timestamp, payload);
                    listener.onMedia(kind, timestamp, payload);
                } else if (c == next) {
                    fromNext(kind, timestamp, payload);
                }
            }
        }

        @Override
        public void onStatus(StatusEvent status) {
            synchronized (RtmpPlayer.this) {
                if (c == connection) {
                    listener.onStatus(status);
                }
            }
        }

        @Override
        public void onStreamEnd(String reason) {
            synchronized (RtmpPlayer.this) {
                if (c == connection) {
                    if (reconnecting) {
                        heldEnds.add(reason); // the stream may go on at the new server
                        if (next != null && !buffer.isEmpty()) {
                            move();
                        }
                    } else {
                        listener.onStreamEnd(reason);
                    }
                }
            }
        }

        @Override
        public void onClose(String reason) {
            synchronized (RtmpPlayer.this) {
                if (c == connection) {
                    if (reconnecting) {
                        heldClose = reason;
                        if (next != null && !buffer.isEmpty()) {
                            move();
                        }
                    } else {
                        listener.onClose(reason);
                    }
                } else if (c == next) {
                    LOG.warn("{}: the new connection to {} closed before taking over: {}", RtmpPlayer.this,
                            c.url().tcUrl(), reason);
                    moveFailed();
                }
            }
        }
    }
}
