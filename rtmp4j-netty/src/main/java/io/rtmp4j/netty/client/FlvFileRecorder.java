package io.rtmp4j.netty.client;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.flv.FlvHeader;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.FlvWriter;
import io.rtmp4j.flv.ScriptTag;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/**
 * A {@link PlayListener} that writes what a player receives to an FLV file (flv-10.1.txt Annex E) that
 * players and checkers accept ({@code ffprobe}, {@code flvmeta --check}):
 * <ul>
 *   <li>{@code onMetaData} first, at timestamp 0, its properties as an ECMA array (E.5; nginx-rtmp sends an
 *       object, which {@code flvmeta --check} rejects): tags that arrive before it are held back (up to
 *       {@value #MAX_HELD_TAGS} tags) and written after it;</li>
 *   <li>timestamps rebased so the first tag is at 0 ("relative to the first tag", E.4.1), unwrapped past
 *       2³² ms, and never decreasing: a backward jump (a republished stream restarting at 0) continues
 *       from the last timestamp written;</li>
 *   <li>video starts at a key frame: inter frames before the first key frame are dropped (sequence
 *       headers and command frames are kept), since a decoder cannot use them;</li>
 *   <li>server-side data such as {@code |RtmpSampleAccess} is not written; other data messages
 *       ({@code onCuePoint}, ...) become script tags, at their timestamp or, when that lies before the
 *       last one written (a cue point sent at 0 mid-stream), at the last one;</li>
 *   <li>on {@link #close()}, the header's audio / video flags (E.2) are set to what the file holds.</li>
 * </ul>
 * The writes happen on the calling thread (the connection's event loop). Failures to write are kept and
 * rethrown by {@link #close()}.
 */
public final class FlvFileRecorder implements PlayListener, Closeable {

    /** Tags held while waiting for onMetaData: about 2 s of a 25 fps stream with audio. */
    public static final int MAX_HELD_TAGS = 128;

    private final Path path;
    private final FlvWriter writer;
    private final List<FlvTag> held = new ArrayList<>();
    private boolean metadataWritten;
    private boolean keyFrameSeen;
    private boolean hasAudio;
    private boolean hasVideo;
    private long videoFrames;
    private long audioFrames;
    private long base = -1;
    private long lastRaw = -1;
    private long unwrapped;
    private long shift;
    private long lastWritten;
    private IOException failure;
    private boolean closed;
    private final CompletableFuture<String> ended = new CompletableFuture<>();

    private FlvFileRecorder(Path path, FlvWriter writer) {
        this.path = path;
        this.writer = writer;
    }

    /**
     * Creates (or truncates) {@code path} and writes the FLV header.
     *
     * @param path the FLV file to write
     * @return the recorder, with the FLV header written
     * @throws IOException if the file cannot be created or written
     */
    public static FlvFileRecorder create(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        FlvWriter w = FlvWriter.open(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16),
                FlvHeader.of(true, true));
        return new FlvFileRecorder(path, w);
    }

    /**
     * Completes with the reason when the playback it records has ended: the stream ended (the publisher
     * left) or the connection closed, whichever comes first. The file is complete once {@link #close()}
     * has run: {@code recorder.ended().thenRun(recorder::closeQuietly)} or, off the event loop,
     * {@code recorder.ended().get(); recorder.close();}.
     *
     * @return the end of the playback
     */
    public CompletableFuture<String> ended() {
        return ended;
    }

    @Override
    public void onStreamEnd(String reason) {
        ended.complete(reason);
    }

    @Override
    public void onClose(String reason) {
        ended.complete(reason);
    }

    /** {@link #close()} for a callback: a failure to write is logged instead of thrown. */
    public void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            LoggerFactory.getLogger(FlvFileRecorder.class).warn("recording {} failed: {}", path, e.toString());
        }
    }

    /**
     * The file.
     *
     * @return the path written to
     */
    public Path path() {
        return path;
    }

    /**
     * Timestamp (ms, from 0) of the last tag written.
     *
     * @return the last tag's timestamp in ms
     */
    public synchronized long lastTimestamp() {
        return lastWritten;
    }

    /**
     * Video tags written.
     *
     * @return the number of video tags written
     */
    public synchronized long videoTags() {
        return videoFrames;
    }

    /**
     * Audio tags written.
     *
     * @return the number of audio tags written
     */
    public synchronized long audioTags() {
        return audioFrames;
    }

    @Override
    public synchronized void onMetadata(Metadata metadata) {
        if (closed || failure != null) {
            return;
        }
        // flv-10.1.txt E.5: onMetaData's argument is an ECMA array; nginx-rtmp and others send an object
        byte[] body = ScriptTag.onMetaData(metadata.properties()).encode();
        if (!metadataWritten) {
            metadataWritten = true;
            write(FlvTag.script(0, body));
            List<FlvTag> h = new ArrayList<>(held);
            held.clear();
            h.forEach(this::write);
        } else {
            write(FlvTag.script(lastWritten, body)); // an update mid-stream
        }
    }

    @Override
    public synchronized void onMedia(MediaKind kind, long timestamp, byte[] payload) {
        if (closed || failure != null) {
            return;
        }
        int type;
        switch (kind) {
            case AUDIO -> type = FlvTag.TYPE_AUDIO;
            case VIDEO -> {
                type = FlvTag.TYPE_VIDEO;
                if (!keyFrameSeen) {
                    int frameType = payload.length == 0 ? 0 : (payload[0] >> 4) & 0x07; // E.4.3.1 / enhanced-rtmp
                    if (frameType == 1) {
                        keyFrameSeen = true;
                    } else if (frameType == 2 || frameType == 3 || frameType == 4) {
                        return; // inter / disposable inter / generated key frame before the first key frame
                    }
                }
            }
            default -> {
                type = FlvTag.TYPE_SCRIPT;
                if (isServerData(payload)) {
                    return;
                }
            }
        }
        // a data message does not move the media timeline: servers send cue points at timestamp 0
        // (rtmp4j, see docs/INTEROP.md "Media"), which rebase() would take for a restart
        long ts = type == FlvTag.TYPE_SCRIPT ? scriptTimestamp(timestamp) : rebase(timestamp);
        FlvTag tag = FlvTag.of(type, ts, payload);
        if (!metadataWritten && held.size() < MAX_HELD_TAGS) {
            held.add(tag);
            return;
        }
        if (!metadataWritten) {
            metadataWritten = true; // no metadata came: write without it
            List<FlvTag> h = new ArrayList<>(held);
            held.clear();
            h.forEach(this::write);
        }
        write(tag);
    }

    private static boolean isServerData(byte[] payload) {
        try {
            String name = ScriptTag.decode(payload).name();
            return name.startsWith("|") || name.equals("onStatus");
        } catch (RtmpProtocolException e) {
            return true; // not a valid script tag body: keep it out of the file
        }
    }

    /**
     * Where a script tag at {@code ts32} goes on the file's timeline, without changing it: its own
     * timestamp mapped as {@link #rebase} would, or the last timestamp written when that lies before it
     * (a cue point at 0 in the middle of a stream stays where it arrived).
     */
    private long scriptTimestamp(long ts32) {
        if (lastRaw < 0) {
            return 0;
        }
        long delta = ((ts32 & 0xFFFF_FFFFL) - lastRaw) & 0xFFFF_FFFFL;
        if (delta >= 0x8000_0000L) {
            delta -= 0x1_0000_0000L;
        }
        return Math.max(unwrapped + delta - base + shift, lastWritten);
    }

    /** 32-bit wrap-around unwrapping, rebasing to 0 and forcing a non-decreasing timeline. */
    private long rebase(long ts32) {
        long t = ts32 & 0xFFFF_FFFFL;
        if (lastRaw < 0) {
            lastRaw = t;
            unwrapped = t;
            base = t;
        } else {
            long delta = (t - lastRaw) & 0xFFFF_FFFFL;
            if (delta >= 0x8000_0000L) {
                delta -= 0x1_0000_0000L; // a small step backwards, not a 2^32 wrap
            }
            unwrapped += delta;
            lastRaw = t;
        }
        long out = unwrapped - base + shift;
        if (out < lastWritten) {
            if (lastWritten - out > 1000) {
                shift += lastWritten - out; // a restart (republish): continue from here
            }
            out = lastWritten;
        }
        return out;
    }

    private void write(FlvTag tag) {
        if (failure != null) {
            return;
        }
        try {
            long ts = Math.max(tag.timestamp(), lastWritten);
            writer.write(ts == tag.timestamp() ? tag : tag.withTimestamp(ts));
            lastWritten = ts;
            if (tag.isVideo()) {
                hasVideo = true;
                videoFrames++;
            } else if (tag.isAudio()) {
                hasAudio = true;
                audioFrames++;
            }
        } catch (IOException e) {
            failure = e;
        } catch (IllegalArgumentException e) {
            failure = new IOException("cannot write tag " + tag + ": " + e.getMessage(), e);
        }
    }

    /** Writes what is held, closes the file and fixes the header flags. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        List<FlvTag> h = new ArrayList<>(held);
        held.clear();
        h.forEach(this::write);
        try {
            writer.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
        if (failure == null) {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
                byte flags = FlvHeader.of(hasAudio, hasVideo).encode()[4];
                ch.write(ByteBuffer.wrap(new byte[] {flags}), 4);
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * The write failure so far, or null.
     *
     * @return the write error, or null if none
     */
    public synchronized IOException failure() {
        return failure;
    }
}
