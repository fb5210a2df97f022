package io.rtmp4j.server;

import io.rtmp4j.RtmpProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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
    private volatile long messages;
    private volatile long bytes;
    private final Instant startedAt;
    private long firstMediaTs = -1;
    private long lastMediaTs = -1;
    /** Payload storage; touched only on {@link #owner}, the publisher's thread. */
    private final PayloadSlabs slabs;
    private final Thread owner;

    Publication(Stream stream, StreamHub hub, PublisherSink sink, long now, long floor) {
        this.stream = stream;
        this.hub = hub;
        this.sink = sink;
        this.lastActivity = now;
        this.floor = floor;
        this.slabs = new PayloadSlabs(hub.alloc());
        this.owner = Thread.currentThread(); // the hub creates it on the publisher's thread
        this.startedAt = hub.wallClock().instant();
    }

    long messagesIn() {
        return messages;
    }

    long bytesIn() {
        return bytes;
    }

    Instant startedAt() {
        return startedAt;
    }

    /**
     * The stream this publication feeds.
     *
     * @return the stream's app and name
     */
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
     *
     * @param body the AMF0 body, starting with the string {@code onMetaData}
     */
    public void metadata(byte[] body) {
        if (ended) {
            slabs.release();
            return;
        }
        // at timestamp 0 for players, where FFmpeg's FLV demuxer skips it (see playerTimestamp)
        Frame f = new Frame(Frame.DATA, 0, slabs.copy(body), false, true, hub.nanoTime(), hub.alloc());
        try {
            stream.dispatch(this, f, null, true);
        } finally {
            f.release();
        }
        if (recorder != null) {
            record(() -> recorder.metadata(body));
        }
    }

    /**
     * Largest data message body that is never dropped for a congested player, like decoder
     * configuration. A cue point, a caption ({@code onTextData}, {@code onCaptionInfo}) or
     * {@code |RtmpSampleAccess} is a few hundred bytes at most, rare, and carries something the player
     * cannot get back later (an ad marker, a line of text), whereas a dropped media frame is repaired by
     * the next keyframe: so such messages are kept. A larger body (e.g. an image in {@code onImageData})
     * is dropped like an audio frame while the player's queue is full, so a publisher sending big data
     * messages cannot push a slow player's queue far past {@link HubConfig#playerQueueBytes()}. 64 KiB:
     * far above a cue point or a caption line, far below the 2 MiB default queue.
     */
    static final int MAX_UNDROPPABLE_DATA_BYTES = 64 * 1024;

    /**
     * A data message other than metadata (rtmp-1.0.txt §7.1.2; e.g. {@code onCuePoint},
     * {@code onTextData}, {@code onCaptionInfo}): {@code body} is its AMF0 body without a leading
     * {@code @setDataFrame}, forwarded as it is (never re-encoded) to the current players at
     * {@code timestamp} ms (the publisher's clock, mapped to the stream's timeline as media is; players get
     * some names at 0, see {@link #playerTimestamp}), in order with audio and video, and written to the
     * recording as a script tag at its timeline timestamp. It is not kept for late
     * joiners, and a player paused gets none (receiveAudio / receiveVideo do not apply to it). It does
     * not count as media for {@link HubConfig#publisherSilenceTimeout()}. An empty body is ignored.
     *
     * @param timestamp the message timestamp in ms, on the publisher's clock
     * @param body the AMF0 body (handler name, then its values)
     */
    public void data(long timestamp, byte[] body) {
        if (ended) {
            slabs.release();
            return;
        }
        if (body.length == 0) {
            return;
        }
        messages++;
        bytes += body.length;
        long ts = timeline(timestamp);
        // never waits for a keyframe (not video); small ones never dropped: see MAX_UNDROPPABLE_DATA_BYTES
        Frame f = new Frame(Frame.DATA, playerTimestamp(body, ts), slabs.copy(body), false,
                body.length <= MAX_UNDROPPABLE_DATA_BYTES, hub.nanoTime(), hub.alloc());
        try {
            stream.dispatch(this, f, null, false);
        } finally {
            f.release();
        }
        if (recorder != null) {
            record(() -> recorder.data(ts, body));
        }
    }

    /** AMF0 names (amf0-file-format-specification.pdf §2.4) of the data messages players get at timestamp 0. */
    private static final byte[][] AT_ZERO_FOR_PLAYERS = {ascii("onCuePoint"), ascii("onMetaData"),
            ascii("|RtmpSampleAccess")};

    /**
     * The timestamp at which players get a data message whose timeline timestamp is {@code ts}.
     *
     * <p>FFmpeg's FLV demuxer (libavformat/flvdec.c in 5.1 and 8.1, which its RTMP client feeds, and
     * which VLC uses for FLV too) skips a script tag named {@code onMetaData}, {@code onCuePoint} or
     * {@code |RtmpSampleAccess} only at timestamp 0 (after reading its properties); at any other timestamp
     * the tag becomes a packet of a text-subtitle stream, a stream of its own that never gets another
     * packet, which an {@code ffmpeg -map 0} player then waits for forever (issue 9). So those go to
     * players at timestamp 0, which is also what nginx-rtmp does with metadata. A cue point loses nothing
     * by it: its time is in its body ({@code time}, seconds), and the message still arrives in order with
     * the media. Metadata goes at 0 too ({@link #metadata}). GStreamer's flvdemux reads only
     * {@code onMetaData} of script tags, whatever its timestamp.
     *
     * <p>Everything else keeps {@code ts}: {@code onTextData}, {@code onCaption} and
     * {@code onCaptionInfo} are timed text, which FFmpeg makes a subtitle stream of at any timestamp (the
     * publisher's captions, not something the server adds), and a name FFmpeg does not know becomes a
     * data stream at any timestamp, so 0 would only put such a message out of order.
     */
    static long playerTimestamp(byte[] body, long ts) {
        for (byte[] name : AT_ZERO_FOR_PLAYERS) {
            if (isAmf0String(body, name)) {
                return 0;
            }
        }
        return ts;
    }

    /** Whether {@code body} starts with the AMF0 string {@code name} (marker 0x02, u16 length, bytes). */
    private static boolean isAmf0String(byte[] body, byte[] name) {
        if (body.length < 3 + name.length || body[0] != 0x02
                || ((body[1] & 0xFF) << 8 | body[2] & 0xFF) != name.length) {
            return false;
        }
        return Arrays.equals(body, 3, 3 + name.length, name, 0, name.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * An audio message (type 8) payload at {@code timestamp} ms (the publisher's clock).
     *
     * @param timestamp the message timestamp in ms, on the publisher's clock
     * @param payload the FLV audio tag body (flv-10.1.txt E.4.2; enhanced-rtmp-v2.md "Enhanced Audio")
     */
    public void audio(long timestamp, byte[] payload) {
        media(Frame.AUDIO, timestamp, payload);
    }

    /**
     * A video message (type 9) payload at {@code timestamp} ms (the publisher's clock).
     *
     * @param timestamp the message timestamp in ms, on the publisher's clock
     * @param payload the FLV video tag body (flv-10.1.txt E.4.3; enhanced-rtmp-v2.md "Enhanced Video")
     */
    public void video(long timestamp, byte[] payload) {
        media(Frame.VIDEO, timestamp, payload);
    }

    private void media(int type, long timestamp, byte[] payload) {
        long now = hub.nanoTime();
        lastActivity = now;
        if (ended) {
            slabs.release();
            return;
        }
        messages++;
        bytes += payload.length;
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
        if (firstMediaTs < 0) {
            firstMediaTs = ts;
        }
        lastMediaTs = ts;
        Frame f = new Frame(type, ts, slabs.copy(payload), key, configKey != null, now, hub.alloc());
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
        if (Thread.currentThread() == owner) {
            slabs.release(); // else the publisher's thread does it when it next delivers, or on its close
        }
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
            sink.recordDone(this, r.path(), Duration.ofMillis(firstMediaTs < 0 ? 0 : lastMediaTs - firstMediaTs));
        }
        hub.cleanup(stream);
    }

    /**
     * Whether {@link #end()} ran (or the hub dropped this publication).
     *
     * @return true once the publication has ended
     */
    public boolean isEnded() {
        return ended;
    }
}
