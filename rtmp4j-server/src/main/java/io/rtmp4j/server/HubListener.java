package io.rtmp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import io.rtmp4j.message.StatusCode;
import io.rtmp4j.netty.RtmpConnection;
import io.rtmp4j.session.ChunkLayout;
import io.rtmp4j.session.ConnectRequest;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import io.rtmp4j.session.PlayRequest;
import io.rtmp4j.session.Playback;
import io.rtmp4j.session.PublishRequest;
import io.rtmp4j.session.ServerSession;
import io.rtmp4j.session.ServerSessionListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects one RTMP connection of a {@link LiveServer} to its {@link StreamHub}: the connection's connect,
 * publishes and plays are decided by the server's {@link AccessControl} (asynchronously; nothing flows
 * before the decision), its publishes become {@link Publication}s, its plays {@link Subscription}s, and
 * every start and stop goes to the server's {@link ServerEvents}. Runs on the connection's event loop; the
 * maps that the server's registry reads from other threads are concurrent.
 */
final class HubListener implements ServerSessionListener, PublisherSink {

    private static final Logger LOG = LoggerFactory.getLogger(HubListener.class);

    private final StreamHub hub;
    private final RtmpConnection conn;
    private final LiveServer server;
    private final Map<Integer, Publication> publications = new HashMap<>(2);
    private final Map<Integer, Subscription> subscriptions = new HashMap<>(2);
    private final Map<Integer, Sink> sinks = new HashMap<>(2);
    /** What each publication and playback of this connection was asked as (read by the registry). */
    private final Map<Publication, StreamRequestInfo> publishing = new ConcurrentHashMap<>(2);
    private final Map<Integer, StreamRequestInfo> playing = new ConcurrentHashMap<>(2);
    private volatile ClientInfo info;
    private boolean closed;

    HubListener(StreamHub hub, RtmpConnection conn, LiveServer server, long id) {
        this.hub = hub;
        this.conn = conn;
        this.server = server;
        this.info = new ClientInfo(id, conn.peer(), "", "", "", hub.wallClock().instant());
        server.opened(this);
        emit("connect", () -> server.events().onConnect(info));
    }

    private ServerSession session() {
        return conn.session();
    }

    ClientInfo info() {
        return info;
    }

    List<String> publishing() {
        return publishing.values().stream().map(r -> r.app() + "/" + r.stream()).toList();
    }

    List<String> playing() {
        return playing.values().stream().map(r -> r.app() + "/" + r.stream()).toList();
    }

    /** Runs an application callback; what it throws is logged and changes nothing for the stream. */
    private void emit(String event, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("ServerEvents {} for {} failed", event, conn.peer(), e);
        }
    }

    /**
     * Asks the access control and applies its decision on this connection's event loop: at once when the
     * stage is already complete on it (no extra turn of a paced loop), else when the stage completes.
     * A failed stage or a throwing access control denies.
     */
    private void decide(String what, Supplier<CompletionStage<Decision>> ask, Consumer<Decision> apply) {
        CompletionStage<Decision> stage;
        try {
            stage = Objects.requireNonNull(ask.get(), "AccessControl returned null");
        } catch (RuntimeException e) {
            LOG.warn("{} by {}: access control failed", what, conn.peer(), e);
            apply.accept(Decision.deny("access control failed"));
            return;
        }
        stage.whenComplete((decision, error) -> {
            Runnable run = () -> {
                if (closed) {
                    return; // the connection closed while the decision was pending
                }
                if (error != null || decision == null) {
                    LOG.warn("{} by {}: access control failed: {}", what, conn.peer(),
                            error == null ? "no decision" : error.toString());
                    apply.accept(Decision.deny("access control failed"));
                } else {
                    apply.accept(decision);
                }
            };
            if (conn.executor().inEventLoop()) {
                run.run();
            } else {
                conn.execute(run);
            }
        });
    }

    @Override
    public void onConnect(ConnectRequest request) {
        ClientInfo c = new ClientInfo(info.id(), info.address(), request.app(), request.tcUrl().orElse(""),
                request.flashVer().orElse(""), info.connectedAt());
        info = c;
        decide("connect", () -> server.access().connect(c), d -> {
            if (d instanceof Decision.Deny deny) {
                LOG.info("connect to {} by {} denied: {}", c.app(), conn.peer(), deny.reason());
                if (deny.status() == null) {
                    request.reject(deny.reason());
                } else {
                    request.reject(deny.status(), deny.reason());
                }
            } else if (request.accept()) {
                emit("connected", () -> server.events().onConnected(c));
            }
        });
    }

    /** The hub's key of {@code r}, or null after rejecting with {@code reject} (an unusable name). */
    private StreamKey key(StreamRequestInfo r, String what, Consumer<String> reject) {
        try {
            return StreamKey.of(r.app(), r.stream());
        } catch (IllegalArgumentException e) {
            LOG.info("{} by {} refused: {}", what, conn.peer(), e.getMessage());
            reject.accept(e.getMessage());
            return null;
        }
    }

    /**
     * What a publish or play decision allows: the request as asked or renamed, or null after rejecting it
     * with the decision's status ({@code byDefault} when it names none).
     */
    private StreamRequestInfo allowed(Decision d, String what, StreamRequestInfo asked, StatusCode byDefault,
                                      BiConsumer<StatusCode, String> reject) {
        if (d instanceof Decision.Deny deny) {
            LOG.info("{} {}/{} by {} denied: {}", what, asked.app(), asked.stream(), conn.peer(), deny.reason());
            reject.accept(deny.status() != null ? deny.status() : byDefault, deny.reason());
            return null;
        }
        return d instanceof Decision.Rename rn ? asked.renamed(rn.streamName()) : asked;
    }

    @Override
    public void onPublish(PublishRequest request) {
        // a query string after the name (cam?key=...) is for the access control (nginx-rtmp does the same)
        StreamRequestInfo asked = StreamRequestInfo.of(info, session().app(), request.streamName());
        if (key(asked, "publish", m -> request.reject(StatusCode.PUBLISH_BAD_NAME, m)) == null) {
            return;
        }
        if (publications.containsKey(request.streamId())) {
            request.rejectBadName("this stream is already publishing");
            return;
        }
        decide("publish", () -> server.access().publish(asked), d -> {
            StreamRequestInfo r = allowed(d, "publish", asked, StatusCode.PUBLISH_UNAUTHORIZED, request::reject);
            if (r == null) {
                return;
            }
            StreamKey key = key(r, "publish", m -> request.reject(StatusCode.PUBLISH_BAD_NAME, m));
            if (key == null) {
                return;
            }
            Publication p = hub.publish(key, this);
            if (p == null) {
                request.rejectBadName(key + " is already being published");
                return;
            }
            // in the map before accept(): accept() delivers the media the session held meanwhile
            publications.put(request.streamId(), p);
            publishing.put(p, r);
            if (!request.accept()) {
                publications.remove(request.streamId());
                publishing.remove(p);
                p.end();
                return;
            }
            emit("publish start", () -> server.events().onPublishStart(r));
        });
    }

    @Override
    public void onMedia(MediaKind kind, int streamId, long timestamp, byte[] payload) {
        Publication p = publications.get(streamId);
        if (p == null) {
            return;
        }
        switch (kind) {
            case AUDIO -> p.audio(timestamp, payload);
            case VIDEO -> p.video(timestamp, payload);
            // onCuePoint, onTextData, onCaptionInfo, |RtmpSampleAccess, ... (onMetaData comes to onMetadata);
            // the session has removed a leading @setDataFrame and gives the AMF0 body (rtmp-1.0.txt §7.1.2)
            case DATA -> p.data(timestamp, payload);
        }
    }

    @Override
    public void onMetadata(Metadata metadata) {
        Publication p = publications.get(metadata.streamId());
        if (p != null) {
            p.metadata(metadata.payload());
        }
    }

    @Override
    public void onUnpublish(int streamId, String streamName) {
        Publication p = publications.remove(streamId);
        if (p != null) {
            end(p);
        }
    }

    private void end(Publication p) {
        StreamRequestInfo r = publishing.get(p);
        if (r != null) {
            emit("publish stop", () -> server.events().onPublishStop(r));
        }
        p.end(); // may report the recording (recordDone) with r still known
        publishing.remove(p);
    }

    @Override
    public void recordDone(Publication publication, Path file, Duration duration) {
        StreamRequestInfo r = publishing.get(publication); // still known: end() removes it after p.end()
        if (r != null) {
            emit("record done", () -> server.events().onRecordDone(r, file, duration));
        }
    }

    @Override
    public void onPlay(PlayRequest request) {
        StreamRequestInfo asked = StreamRequestInfo.of(info, session().app(), request.streamName());
        if (key(asked, "play", request::rejectNotFound) == null) {
            return;
        }
        stopPlaying(request.streamId());
        decide("play", () -> server.access().play(asked), d -> {
            StreamRequestInfo r = allowed(d, "play", asked, StatusCode.PLAY_FAILED, request::reject);
            if (r == null) {
                return;
            }
            StreamKey key = key(r, "play", request::rejectNotFound);
            if (key == null || !request.accept()) {
                return;
            }
            Sink sink = new Sink(request.playback());
            sinks.put(request.streamId(), sink);
            subscriptions.put(request.streamId(), hub.play(key, sink));
            playing.put(request.streamId(), r);
            emit("play start", () -> server.events().onPlayStart(r));
        });
    }

    /** Ends the playback of {@code streamId}, if any, reporting its stop. */
    private void stopPlaying(int streamId) {
        Sink sink = sinks.remove(streamId);
        if (sink != null) {
            sink.stopped = true;
        }
        Subscription s = subscriptions.remove(streamId);
        if (s != null) {
            s.close();
        }
        StreamRequestInfo r = playing.remove(streamId);
        if (r != null) {
            emit("play stop", () -> server.events().onPlayStop(r));
        }
    }

    @Override
    public void onPlayStop(int streamId, String streamName) {
        stopPlaying(streamId);
    }

    @Override
    public void onClose(String reason) {
        closed = true;
        List<Publication> ending = new ArrayList<>(publications.values());
        publications.clear();
        ending.forEach(this::end);
        for (Integer streamId : new ArrayList<>(sinks.keySet())) {
            stopPlaying(streamId);
        }
        server.closed(this);
        emit("disconnect", () -> server.events().onDisconnect(info, reason));
    }

    // ---- PublisherSink (the hub may call close from another thread) ----

    @Override
    public void close(String reason) {
        conn.execute(() -> conn.close(reason));
    }

    @Override
    public String peer() {
        return conn.peer();
    }

    /**
     * One played stream of this connection, as the hub writes to it: the session's {@link Playback} (its
     * layout, and the player's receiveAudio / receiveVideo / pause read from the session's own state, no
     * map per frame per player), stopped once the play ended (the hub may still have frames queued for it).
     */
    private final class Sink implements PlayerSink {
        private final Playback playback;
        boolean stopped;

        Sink(Playback playback) {
            this.playback = playback;
        }

        @Override
        public EventExecutor executor() {
            return conn.executor();
        }

        @Override
        public ChunkLayout layout() {
            return playback.layout();
        }

        @Override
        public boolean writable() {
            return conn.isWritable();
        }

        @Override
        public boolean accepts(int typeId) {
            return !stopped && playback.accepts(typeId);
        }

        @Override
        public void write(ByteBuf chunks) {
            conn.writeChunks(chunks);
        }

        @Override
        public void flush() {
            conn.flush();
        }

        @Override
        public void publishStarted() {
            playback.notifyPublish();
        }

        @Override
        public void publishEnded() {
            playback.notifyUnpublish();
        }

        @Override
        public void close(String reason) {
            conn.close(reason);
        }

        @Override
        public String peer() {
            return conn.peer();
        }
    }
}
