package io.rtmp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import io.rtmp4j.message.StatusCode;
import io.rtmp4j.netty.RtmpConnection;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import io.rtmp4j.session.PlayRequest;
import io.rtmp4j.session.PublishRequest;
import io.rtmp4j.session.ServerSession;
import io.rtmp4j.session.ServerSessionListener;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects one RTMP connection to the {@link StreamHub}: its publishes become {@link Publication}s, its
 * plays {@link Subscription}s. Runs on the connection's event loop.
 */
final class HubListener implements ServerSessionListener, PublisherSink {

    private static final Logger LOG = LoggerFactory.getLogger(HubListener.class);

    private final StreamHub hub;
    private final RtmpConnection conn;
    private final Map<Integer, Publication> publications = new HashMap<>(2);
    private final Map<Integer, Subscription> subscriptions = new HashMap<>(2);
    private final Map<Integer, Sink> sinks = new HashMap<>(2);

    HubListener(StreamHub hub, RtmpConnection conn) {
        this.hub = hub;
        this.conn = conn;
    }

    private ServerSession session() {
        return conn.session();
    }

    @Override
    public void onPublish(PublishRequest request) {
        StreamKey key;
        try {
            key = StreamKey.of(session().app(), request.streamName());
        } catch (IllegalArgumentException e) {
            LOG.info("publish by {} refused: {}", conn.peer(), e.getMessage());
            request.reject(StatusCode.PUBLISH_BAD_NAME, e.getMessage());
            return;
        }
        if (publications.containsKey(request.streamId())) {
            request.rejectBadName("this stream is already publishing");
            return;
        }
        Publication p = hub.publish(key, this);
        if (p == null) {
            request.rejectBadName(key + " is already being published");
            return;
        }
        publications.put(request.streamId(), p);
        request.accept();
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
            p.end();
        }
    }

    @Override
    public void onPlay(PlayRequest request) {
        StreamKey key;
        try {
            key = StreamKey.of(session().app(), request.streamName());
        } catch (IllegalArgumentException e) {
            LOG.info("play by {} refused: {}", conn.peer(), e.getMessage());
            request.rejectNotFound(e.getMessage());
            return;
        }
        Subscription old = subscriptions.remove(request.streamId());
        if (old != null) {
            old.close();
        }
        Sink oldSink = sinks.remove(request.streamId());
        if (oldSink != null) {
            oldSink.stopped = true;
        }
        if (!request.accept()) {
            return;
        }
        ChunkLayout layout = new ChunkLayout(session().outboundChunkSize(), request.streamId(),
                ServerSession.AUDIO_CSID, ServerSession.VIDEO_CSID, ServerSession.DATA_CSID);
        Sink sink = new Sink(request.streamId(), layout);
        sinks.put(request.streamId(), sink);
        subscriptions.put(request.streamId(), hub.play(key, sink));
    }

    @Override
    public void onPlayStop(int streamId, String streamName) {
        Sink sink = sinks.remove(streamId);
        if (sink != null) {
            sink.stopped = true;
        }
        Subscription s = subscriptions.remove(streamId);
        if (s != null) {
            s.close();
        }
    }

    // the session calls these after changing its own state (rtmp-1.0.txt §7.2.2.2, §7.2.2.3, §7.2.2.8);
    // the sink keeps a copy so that the fan-out asks no map per frame per player

    @Override
    public void onReceiveAudio(int streamId, boolean receive) {
        Sink sink = sinks.get(streamId);
        if (sink != null) {
            sink.audio = receive;
        }
    }

    @Override
    public void onReceiveVideo(int streamId, boolean receive) {
        Sink sink = sinks.get(streamId);
        if (sink != null) {
            sink.video = receive;
        }
    }

    @Override
    public void onPause(int streamId, boolean pause, double milliseconds) {
        Sink sink = sinks.get(streamId);
        if (sink != null) {
            sink.paused = pause;
        }
    }

    @Override
    public void onClose(String reason) {
        publications.values().forEach(Publication::end);
        publications.clear();
        sinks.values().forEach(sink -> sink.stopped = true);
        sinks.clear();
        subscriptions.values().forEach(Subscription::close);
        subscriptions.clear();
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

    /** One played stream of this connection, as the hub writes to it. */
    private final class Sink implements PlayerSink {
        private final int streamId;
        private final ChunkLayout layout;
        // the session's receiveAudio / receiveVideo / pause state of the stream, kept by the callbacks
        // above; stopped once the play ended (the hub may still have frames queued for it)
        boolean audio;
        boolean video;
        boolean paused;
        boolean stopped;

        Sink(int streamId, ChunkLayout layout) {
            this.streamId = streamId;
            this.layout = layout;
            ServerSession s = session();
            this.audio = s.receivesAudio(streamId);
            this.video = s.receivesVideo(streamId);
            this.paused = s.isPaused(streamId);
        }

        @Override
        public EventExecutor executor() {
            return conn.executor();
        }

        @Override
        public ChunkLayout layout() {
            return layout;
        }

        @Override
        public boolean writable() {
            return conn.isWritable();
        }

        @Override
        public boolean accepts(int typeId) {
            if (paused || stopped) {
                return false;
            }
            return typeId == Frame.AUDIO ? audio : typeId != Frame.VIDEO || video;
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
            session().notifyPublish(streamId);
        }

        @Override
        public void publishEnded() {
            session().notifyUnpublish(streamId);
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
