package io.rtmp4j.server;

import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.FlvWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes one publication to {@code DIR/<app>/<stream>-<UTC time>.flv} (flv-10.1.txt Annex E) with
 * {@link FlvWriter}: metadata, sequence headers, frames and other data messages (cue points, captions)
 * in the order they were published, timestamps starting at 0. Thread-safe (the hub may end a
 * publication from another thread).
 */
final class Recorder {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path path;
    private final FlvWriter writer;
    private long base = -1;
    private long last;
    private boolean closed;

    private Recorder(Path path, FlvWriter writer) {
        this.path = path;
        this.writer = writer;
    }

    /**
     * The file for a publication of {@code key} starting at {@code start}, inside {@code dir}.
     *
     * @throws IllegalArgumentException if the name would resolve outside {@code dir} (never for a
     *                                  valid {@link StreamKey}; checked again here as a second wall)
     */
    static Path pathFor(Path dir, StreamKey key, Instant start) {
        Path root = dir.toAbsolutePath().normalize();
        Path appDir = root.resolve(key.app()).normalize();
        Path file = appDir.resolve(key.stream() + "-" + TIME.format(start) + ".flv").normalize();
        if (!appDir.getParent().equals(root) || !file.getParent().equals(appDir)) {
            throw new IllegalArgumentException("stream " + key + " would be recorded outside " + root);
        }
        return file;
    }

    /** Opens a new recording; a name collision (two in one second) gets a numeric suffix. */
    static Recorder open(Path dir, StreamKey key, Instant start) throws IOException {
        Path file = pathFor(dir, key, start);
        Files.createDirectories(file.getParent());
        OutputStream out = null;
        for (int i = 1; out == null; i++) {
            try {
                out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (i > 100) {
                    throw e;
                }
                String name = key.stream() + "-" + TIME.format(start) + "-" + i + ".flv";
                file = file.resolveSibling(name);
            }
        }
        return new Recorder(file, FlvWriter.open(new BufferedOutputStream(out, 1 << 16), true, true));
    }

    Path path() {
        return path;
    }

    /**
     * onMetaData: at 0 before any frame; an update mid-stream at the last timestamp written, where the
     * players get it too (the file's script tags then keep their order in time with the cue points).
     */
    synchronized void metadata(byte[] body) throws IOException {
        if (!closed) {
            writer.write(FlvTag.TYPE_SCRIPT, last, body);
        }
    }

    synchronized void media(int typeId, long timestamp, byte[] payload) throws IOException {
        if (closed) {
            return;
        }
        if (base < 0) {
            base = timestamp;
        }
        long t = Math.max(0, timestamp - base);
        last = t;
        writer.write(typeId == Frame.AUDIO ? FlvTag.TYPE_AUDIO
                : typeId == Frame.VIDEO ? FlvTag.TYPE_VIDEO : FlvTag.TYPE_SCRIPT, t, payload);
    }

    /**
     * A data message other than metadata (onCuePoint, onTextData...): a script tag (flv-10.1.txt E.4.4,
     * TagType 18) with the AMF0 body as it came, at its timestamp on the recording's timeline.
     */
    void data(long timestamp, byte[] body) throws IOException {
        media(Frame.DATA, timestamp, body);
    }

    synchronized void closeQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (IOException e) {
            // nothing more to do: the file keeps what was written
        }
    }
}
