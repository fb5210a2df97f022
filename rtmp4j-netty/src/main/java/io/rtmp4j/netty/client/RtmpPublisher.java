package io.rtmp4j.netty.client;

import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0String;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.ScriptTag;
import io.rtmp4j.message.DataMessage;
import io.rtmp4j.netty.client.RtmpClientException.Kind;
import io.rtmp4j.session.ReconnectRequest;
import io.rtmp4j.session.RtmpUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live publication on an {@link RtmpClientConnection}, available once the server said
 * {@code NetStream.Publish.Start}. The send methods may be called from any thread; messages go out in
 * call order. They do not block: a producer faster than the network should wait on
 * {@link #whenWritable()} (Netty then retries partial writes until every byte is out).
 *
 * <pre>{@code
 * try (RtmpClient client = RtmpClient.create()) {
 *     RtmpPublisher p = client.publish("rtmp://127.0.0.1/live/cam").get(10, SECONDS);
 *     p.sendMetadata(Amf0EcmaArray.builder().put("width", 320.0).build());
 *     p.sendVideo(0, avcSequenceHeader);         // FLV video tag bodies
 *     p.sendAudio(0, aacSequenceHeader);         // FLV audio tag bodies
 *     ...
 *     p.closeAsync().get(10, SECONDS);                // FCUnpublish, deleteStream, flush, half-close
 * }
 * }</pre>
 *
 * <p>Timestamps are milliseconds; RTMP carries them modulo 2³² (rtmp-1.0.txt §5.3.1.2.1), so larger
 * values wrap.
 *
 * <p><b>Reconnect Request</b> (enhanced-rtmp-v2.md "Reconnect Request"), followed when
 * {@link RtmpClient.Settings#followReconnect()} is on (the default) and no handler was set with
 * {@link RtmpClientConnection#onReconnectRequest}: the publisher connects to the tcUrl the server names
 * (or the current one), publishes the same stream name there, and moves to the new connection at the next
 * video key frame sent (at once for a stream without video), first sending it the last
 * {@code onMetaData} and audio / video sequence headers sent. The caller keeps calling the send methods with
 * its own, increasing timestamps and sees nothing but {@link #connection()} changing (and
 * {@link #onReconnected} listeners). The old connection is closed gracefully right after the move: this is
 * make-before-break, so no frame is lost. A server that refuses the second publication of a name still
 * published on the old connection (the same server behind the same tcUrl: nginx-rtmp and rtmp4j answer
 * NetStream.Publish.BadName) gets break-before-make instead: the old publication is closed first, then
 * the publish is retried, and the frames sent in between are dropped.
 */
public final class RtmpPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RtmpPublisher.class);

    private final String streamName;
    private final List<Consumer<RtmpPublisher>> reconnectListeners = new CopyOnWriteArrayList<>();
    private volatile RtmpClientConnection connection;
    private volatile int streamId;
    private volatile boolean reconnecting;

    // guarded by this: what a new connection needs first, and the connection waiting for a switch point
    private RtmpClientConnection next;
    private long nextReadyNanos;
    /** Completed with each new connection that publishes and waits for the switch (for tests). */
    private volatile CompletableFuture<RtmpClientConnection> nextReady = new CompletableFuture<>();
    private boolean videoSent;
    private byte[] videoHeader;
    private byte[] audioHeader;
    private Amf0Value[] metadata;
    private boolean closing;
    private int reconnects;
    private String reason = "";

    RtmpPublisher(RtmpClientConnection connection, String streamName, int streamId) {
        this.connection = connection;
        this.streamName = streamName;
        this.streamId = streamId;
    }

    /**
     * The stream name published.
     *
     * @return the stream name
     */
    public String streamName() {
        return streamName;
    }

    /**
     * The message stream id the server created for the publication (on the current connection).
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
     * How many times the publication moved to a new connection after a Reconnect Request.
     *
     * @return the number of moves so far
     */
    public synchronized int reconnects() {
        return reconnects;
    }

    /**
     * Calls {@code listener} (on the thread that sends the frame that completes the move) each time the
     * publication has moved to a new connection after a Reconnect Request; {@link #connection()} is the new
     * one.
     *
     * @param listener called with this publisher after each move
     */
    public void onReconnected(Consumer<RtmpPublisher> listener) {
        reconnectListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Sends an FLV video tag body (legacy or Enhanced RTMP). The array is sent as is: do not modify it after.
     *
     * @param timestamp the timestamp in milliseconds (RTMP carries it modulo 2³²)
     * @param payload the video tag body
     */
    public void sendVideo(long timestamp, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        long ts = timestamp & 0xFFFF_FFFFL;
        RtmpClientConnection c;
        synchronized (this) {
            boolean header = MediaBoundaries.isVideoHeader(payload);
            if (nextUsable() && (MediaBoundaries.isKeyFrame(payload) || !videoSent || switchOverdue())) {
                switchConnection(ts);
            }
            if (header) {
                videoHeader = payload;
            }
            videoSent = true;
            c = connection;
        }
        c.run(() -> {
            if (open(c)) {
                c.session().sendVideo(ts, payload);
            }
        });
    }

    /**
     * Sends an FLV audio tag body (legacy or Enhanced RTMP). The array is sent as is: do not modify it after.
     *
     * @param timestamp the timestamp in milliseconds (RTMP carries it modulo 2³²)
     * @param payload the audio tag body
     */
    public void sendAudio(long timestamp, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        long ts = timestamp & 0xFFFF_FFFFL;
        RtmpClientConnection c;
        synchronized (this) {
            if (nextUsable() && (!videoSent || switchOverdue())) {
                switchConnection(ts);
            }
            if (MediaBoundaries.isAudioHeader(payload)) {
                audioHeader = payload;
            }
            c = connection;
        }
        c.run(() -> {
            if (open(c)) {
                c.session().sendAudio(ts, payload);
            }
        });
    }

    /**
     * Sends stream metadata as {@code @setDataFrame onMetaData {...}} (what OBS and ffmpeg send after
     * publish; servers keep it for players), at timestamp 0, as an ECMA array.
     *
     * @param metadata the properties of {@code onMetaData} (e.g. width, height, codecs)
     */
    public void sendMetadata(Amf0Properties metadata) {
        Objects.requireNonNull(metadata, "metadata");
        Amf0Value v = metadata instanceof Amf0EcmaArray a ? a : Amf0EcmaArray.of(metadata.properties());
        sendData(0, Amf0String.of(DataMessage.SET_DATA_FRAME), Amf0String.of(DataMessage.ON_META_DATA), v);
    }

    /**
     * Sends a data message with these AMF0 values (e.g. {@code "onCuePoint", {...}}).
     *
     * @param timestamp the timestamp in milliseconds (RTMP carries it modulo 2³²)
     * @param values the handler name, then its arguments
     */
    public void sendData(long timestamp, Amf0Value... values) {
        List<Amf0Value> copy = List.of(values);
        long ts = timestamp & 0xFFFF_FFFFL;
        RtmpClientConnection c;
        synchronized (this) {
            if (isMetadata(copy)) {
                metadata = copy.toArray(Amf0Value[]::new);
            }
            c = connection;
        }
        c.run(() -> {
            if (open(c)) {
                c.session().sendData(ts, copy.toArray(Amf0Value[]::new));
            }
        });
    }

    private static boolean isMetadata(List<Amf0Value> values) {
        return values.size() >= 2 && values.get(0) instanceof Amf0String a && values.get(1) instanceof Amf0String b
                && a.value().equals(DataMessage.SET_DATA_FRAME) && b.value().equals(DataMessage.ON_META_DATA);
    }

    /**
     * Sends one FLV file tag: audio and video as they are; a script tag as a data message, an
     * {@code onMetaData} one wrapped in {@code @setDataFrame} (flv-10.1.txt E.5, as OBS sends it).
     *
     * @param tag a tag read from an FLV file
     * @throws io.rtmp4j.RtmpProtocolException if a script tag body is not valid AMF0
     * @throws IllegalArgumentException        for other tag types
     */
    public void send(FlvTag tag) {
        switch (tag.tagType()) {
            case FlvTag.TYPE_VIDEO -> sendVideo(tag.timestamp(), tag.body());
            case FlvTag.TYPE_AUDIO -> sendAudio(tag.timestamp(), tag.body());
            case FlvTag.TYPE_SCRIPT -> {
                ScriptTag s = ScriptTag.decode(tag.body());
                if (s.unwrapSetDataFrame().name().equals(ScriptTag.ON_META_DATA)) {
                    s = s.unwrapSetDataFrame().wrapSetDataFrame();
                }
                List<Amf0Value> values = new ArrayList<>(s.arguments().size() + 1);
                values.add(Amf0String.of(s.name()));
                values.addAll(s.arguments());
                sendData(s.isSetDataFrame() ? 0 : tag.timestamp(), values.toArray(Amf0Value[]::new));
            }
            default -> throw new IllegalArgumentException("cannot publish FLV tag type " + tag.tagType());
        }
    }

    /**
     * Whether the current connection's outbound buffer is below its high-water mark.
     *
     * @return true while more may be sent without passing the high-water mark
     */
    public boolean isWritable() {
        return connection.isWritable();
    }

    /**
     * Completes when the outbound buffer drained below the low-water mark, or the connection closed.
     *
     * @return a future that completes when sending may go on
     */
    public CompletableFuture<Void> whenWritable() {
        return connection.whenWritable();
    }

    /**
     * Whether the publication goes on: the current connection is open, or a followed Reconnect Request is
     * still moving it to a new one.
     *
     * @return true while the publication goes on
     */
    public boolean isOpen() {
        return connection.isOpen() || reconnecting;
    }

    /**
     * Unpublishes as {@link #closeAsync()} does, then waits until the connection has closed (at most the
     * client's close timeout and a second; then it is closed at once), for try-with-resources. Inside a
     * callback (on the connection's event loop) it only starts the close: a callback must not block.
     */
    @Override
    public void close() {
        CompletableFuture<String> closing = closeAsync();
        connection().awaitClosed(closing);
    }

    /**
     * Ends the publication gracefully: FCUnpublish, deleteStream, flush, half-close, then wait for the server
     * to close (bounded). Returns the connection's close future. A connection being opened for a Reconnect
     * Request is closed too.
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
        }
        if (pending != null) {
            pending.close("publication ended");
        }
        return connection.close("publication ended");
    }

    /**
     * Completes with the reason when the current connection has closed.
     *
     * @return the close reason, once the connection has closed
     */
    public CompletableFuture<String> closeFuture() {
        return connection.closeFuture();
    }

    private static boolean open(RtmpClientConnection c) {
        return c.session().state() == io.rtmp4j.session.ClientSession.State.CONNECTED;
    }

    // ------------------------------------------------------------------------------------------------
    // Reconnect Request (enhanced-rtmp-v2.md "Reconnect Request")

    /** Whether a new connection waits for the move; one that closed meanwhile is given up. */
    private boolean nextUsable() {
        if (next == null) {
            return false;
        }
        if (!next.isOpen()) {
            LOG.warn("{}: the new connection to {} closed before taking over: {}", this, next.url().tcUrl(),
                    next.closeFuture().getNow("closed"));
            next = null;
            reconnecting = false;
            return false;
        }
        return true;
    }

    /** A connection waiting for a key frame longer than the response timeout moves at the next frame. */
    private boolean switchOverdue() {
        return !connection.isOpen() || System.nanoTime() - nextReadyNanos
                > connection.settings().responseTimeout().toNanos();
    }

    /**
     * Moves to {@link #next} before the frame at {@code ts}: the new connection first gets the last
     * metadata (at 0, as {@link #sendMetadata}) and sequence headers (at {@code ts}), then the old one is
     * closed gracefully, after every frame already queued on it.
     */
    private void switchConnection(long ts) {
        RtmpClientConnection old = connection;
        RtmpClientConnection nw = next;
        next = null;
        Amf0Value[] meta = metadata;
        byte[] vh = videoHeader;
        byte[] ah = audioHeader;
        long vts = ts; // the new server's timeline starts here and only increases
        long ats = ts;
        nw.run(() -> {
            if (open(nw)) {
                if (meta != null) {
                    nw.session().sendData(0, meta.clone());
                }
                if (vh != null) {
                    nw.session().sendVideo(vts, vh);
                }
                if (ah != null) {
                    nw.session().sendAudio(ats, ah);
                }
            }
        });
        connection = nw;
        streamId = nw.session().streamId();
        reconnects++;
        reconnecting = false;
        LOG.info("{}: publishing '{}' on {} now, as the server asked (Reconnect Request{}); closing {}", this,
                streamName, nw.url().tcUrl(), reason, old.url().tcUrl());
        old.close("reconnected to " + nw.url().tcUrl());
        for (Consumer<RtmpPublisher> l : reconnectListeners) {
            try {
                l.accept(this);
            } catch (RuntimeException e) {
                LOG.warn("{}: reconnect listener failed", this, e);
            }
        }
    }

    /** Called on {@code from}'s event loop when it received a Reconnect Request. */
    void followReconnect(RtmpClientConnection from, ReconnectRequest request) {
        synchronized (this) {
            if (from != connection || reconnecting || next != null || closing) {
                LOG.debug("{}: ignoring a Reconnect Request on {} (already moving or closing)", this, from);
                return;
            }
            reconnecting = true;
        }
        RtmpUrl target;
        try {
            target = RtmpClient.reconnectTarget(request.tcUrl(), streamName);
        } catch (IllegalArgumentException e) {
            reconnecting = false;
            LOG.warn("{}: cannot follow the Reconnect Request to {}: {}", this, request.tcUrl(), e.getMessage());
            return;
        }
        LOG.debug("{}: the server asks to reconnect{} to {}; connecting", this,
                request.description().map(d -> " (" + d + ")").orElse(""), request.tcUrl());
        synchronized (this) {
            reason = request.description().map(d -> " (" + d + ")").orElse("");
        }
        publishOn(target, request.tcUrl(), true);
    }

    /**
     * Connects to {@code target} and publishes there. With {@code makeBeforeBreak}, a refused publish
     * (the old publication still holds the name) closes the old connection, waits for it to close, and
     * tries once more.
     */
    private void publishOn(RtmpUrl target, String tcUrl, boolean makeBeforeBreak) {
        RtmpClient client = connection.client();
        CompletableFuture<RtmpClientConnection> opening = client.connect(target, client.defaultConfig(target, tcUrl));
        opening.thenCompose(c -> c.publish(streamName, this).thenApply(p -> c).whenComplete((ok, err) -> {
            if (err != null) {
                c.close(err.getMessage());
            }
        })).whenComplete((c, err) -> {
            if (err == null) {
                boolean ready;
                synchronized (this) {
                    ready = !closing;
                    if (ready) {
                        next = c;
                        nextReadyNanos = System.nanoTime();
                        CompletableFuture<RtmpClientConnection> f = nextReady;
                        nextReady = new CompletableFuture<>();
                        f.complete(c);
                    }
                }
                if (!ready) {
                    c.close("publication ended");
                    reconnecting = false;
                } else {
                    LOG.debug("{}: publishing on {}; moving there at the next key frame", this, tcUrl);
                }
                return;
            }
            RtmpClientException e = RtmpClientException.unwrap(err);
            RtmpClientConnection old = connection;
            if (makeBeforeBreak && e.kind() == Kind.PUBLISH_REJECTED && old.isOpen()) {
                LOG.debug("{}: {} refused a second publication while this one runs ({}); closing this one first",
                        this, tcUrl, e.getMessage());
                old.close("reconnecting to " + tcUrl).whenComplete((r, x) -> publishOn(target, tcUrl, false));
                return;
            }
            reconnecting = false;
            LOG.warn("{}: cannot reconnect to {}: {}{}", this, tcUrl, e.getMessage(),
                    old.isOpen() ? "; staying on the current connection" : "");
        });
    }

    /**
     * Completes when the connection this publisher is moving to has started publishing and waits for the
     * switch (the next key frame). Package-private: tests use it to send their frames only once the
     * client itself knows the new server accepted, not merely when that server's side says so.
     */
    CompletableFuture<RtmpClientConnection> nextConnectionReady() {
        return nextReady;
    }

    @Override
    public String toString() {
        return "RtmpPublisher[" + connection.url().tcUrl() + "/" + streamName + "]";
    }
}
