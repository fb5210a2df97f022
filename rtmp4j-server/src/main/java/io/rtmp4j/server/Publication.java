package io.rtmp4j.server;

import io.rtmp4j.RtmpProtocolException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted publisher of one stream: the transport feeds it the publisher's metadata and media,
 * from the publisher's thread only, and ends it when the publisher unpublishes or disconnects.
 *
 * <p>Timestamps: a stream keeps one timeline for its players across publications. The first frame of
 * a republication is placed just after the last timestamp the stream sent, so each player's
 * timestamps stay monotonic through unpublish / republish (an encoder restarts at 0).
 */
public final class Publication {

    private static final Logger LOG = LoggerFactory.getLogger(Publication.class);

    private final Stream stream;
    private final StreamHub hub;
    final PublisherSink sink;
    private final long floor;
    private volatile long lastActivity;
    private volatile boolean ended;
    private Recorder recorder;
    private boolean started;
    private long offset;
    private long messages;

    Publication(Stream stream, StreamHub hub, PublisherSink sink, long now, long floor) {
        this.stream = stream;
        this.hub = hub;
        this.sink = sink;
        this.lastActivity = now;
        this.floor = floor;
    }

    /** The stream this publication feeds. */
    public StreamKey key() {
        return stream.key;
    }

    void recorder(Recorder r) {
        this.recorder = r;
    }

    long lastActivity() {
        return lastActivity;
    }

    /**
     * Stream metadata: the body of an AMF0 data message {@code onMetaData} (the {@code @setDataFrame}
     * prefix already removed), kept for late joiners and passed to players and the recording.
     */
    public void metadata(byte[] body) {
        if (ended) {
            return;
        }
        Frame f = new Frame(Frame.DATA, Math.max(stream.lastTimestamp(), 0), body, false, true, hub.alloc());
        try {
            stream.dispatch(this, f, null, true);
        } finally {
            f.release();
        }
        if (recorder != null) {
            record(() -> recorder.metadata(body));
        }
    }

    /** An audio message (type 8) payload at {@code timestamp} ms (the publisher's clock). */
    public void audio(long timestamp, byte[] payload) {
        media(Frame.AUDIO, timestamp, payload);
    }

    /** A video message (type 9) payload at {@code timestamp} ms (the publisher's clock). */
    public void video(long timestamp, byte[] payload) {
        media(Frame.VIDEO, timestamp, payload);
    }

    private void media(int type, long timestamp, byte[] payload) {
        lastActivity = hub.nanoTime();
        if (ended) {
            return;
        }
        messages++;
        boolean key = false;
        String configKey = null;
        if (payload.length > 0) {
            try {
                configKey = hub.classifier().configKey(type, payload);
                key = configKey == null && type == Frame.VIDEO && hub.classifier().isKeyframe(payload);
            } catch (RtmpProtocolException e) {
                // a header we cannot read: forward it as an ordinary droppable frame
            }
        }
        long ts = timeline(timestamp);
        Frame f = new Frame(type, ts, payload, key, configKey != null, hub.alloc());
        try {
            stream.dispatch(this, f, configKey, false);
        } finally {
            f.release();
        }
        if (recorder != null) {
            record(() -> recorder.media(type, ts, payload));
        }
    }

    private long timeline(long timestamp) {
        if (!started) {
            started = true;
            offset = floor - timestamp; // first frame lands on the floor (0 for a new stream)
            if (floor == 0) {
                offset = 0;
            }
        }
        long t = timestamp + offset;
        return t < floor ? floor : t & 0xFFFF_FFFFL;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void record(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            LOG.warn("recording of {} stopped: {}", stream.key, e.toString());
            recorder.closeQuietly();
            recorder = null;
        }
    }

    /** Ends the publication (unpublish or disconnect); idempotent. */
    public void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (stream.end(this)) {
            LOG.info("unpublish {} by {} ({} messages)", stream.key, sink.peer(), messages);
        }
        Recorder r = recorder;
        if (r != null) {
            r.closeQuietly();
        }
        hub.cleanup(stream);
    }

    /** Whether {@link #end()} ran (or the hub dropped this publication). */
    public boolean isEnded() {
        return ended;
    }
}
