package io.rtmp4j.flv;

import io.rtmp4j.RtmpProtocolException;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads an FLV file (flv-10.1.txt Annex E.2, E.3) tag by tag from an {@link InputStream}.
 *
 * <p>{@link #open} reads and checks the 9-byte header (and skips to DataOffset); each {@link #next()}
 * returns one tag, or {@code null} at the end of the file. The reader checks:
 * <ul>
 *   <li>PreviousTagSize0 is 0 and every later PreviousTagSize is {@code 11 + DataSize} of the tag before it (E.3);
 *   <li>DataSize is within {@link Limits#maxDataSize()}: larger tags are skipped without being buffered;
 *   <li>Filter = 1 (an encrypted body, Annex F) is refused;
 *   <li>a file that ends inside a tag, or without the PreviousTagSize after its last tag, is truncated.
 * </ul>
 * Bad input is reported as {@link FlvFormatException} (an {@link RtmpProtocolException}); after a
 * {@linkplain FlvFormatException#resumable() resumable} one, {@link #next()} goes on with the following
 * tag. Tag types other than 8, 9 and 18 are returned as they are.
 *
 * <pre>{@code
 * try (FlvReader reader = FlvReader.open(Files.newInputStream(path))) {
 *     for (FlvTag tag; (tag = reader.next()) != null; ) { ... }
 * }
 * }</pre>
 *
 * <p>Not thread-safe. Closing the reader closes the stream.
 */
public final class FlvReader implements Closeable {

    /**
     * The reader's limits.
     *
     * @param maxDataSize largest tag body accepted, in bytes, 0..{@value FlvTag#MAX_DATA_SIZE}+1; a larger tag is
     *                    skipped and reported. Default {@link #DEFAULT_MAX_DATA_SIZE}.
     */
    public record Limits(int maxDataSize) {

        /**
         * 16 MiB (issue 3's per-tag cap). DataSize is a UI24, so every tag the format can express fits:
         * lower it where a tag that large is not plausible (a server's recorder reading its own files needs
         * no more than its RTMP maximum message size).
         */
        public static final int DEFAULT_MAX_DATA_SIZE = 16 * 1024 * 1024;

        /** The defaults. */
        public static final Limits DEFAULT = new Limits(DEFAULT_MAX_DATA_SIZE);

        /**
         * Checks that the largest tag body is not negative.
         *
         * @param maxDataSize largest tag body accepted, in bytes, 0..{@value FlvTag#MAX_DATA_SIZE}+1
         * @throws IllegalArgumentException if a value is out of its range
         */
        public Limits {
            if (maxDataSize < 0) {
                throw new IllegalArgumentException("maxDataSize must not be negative: " + maxDataSize);
            }
        }
    }

    private final InputStream in;
    private final Limits limits;
    private final FlvHeader header;
    private final byte[] scratch = new byte[FlvTagHeader.LENGTH];

    private long position;
    private long tagIndex;
    private boolean firstBackPointerRead;
    private FlvFormatException fatal;

    private FlvReader(InputStream in, Limits limits, FlvHeader header, long position) {
        this.in = in;
        this.limits = limits;
        this.header = header;
        this.position = position;
    }

    /**
     * Opens a reader with the default limits; reads and checks the file header.
     *
     * @param in the file, read from its start
     * @return the reader, positioned at the first tag
     * @throws FlvFormatException if the file header is not valid
     * @throws IOException if reading fails
     */
    public static FlvReader open(InputStream in) throws IOException {
        return open(in, Limits.DEFAULT);
    }

    /**
     * Opens a reader: reads and checks the 9-byte file header and skips to its DataOffset.
     *
     * @param in the file, read from its start
     * @param limits the largest tag body accepted
     * @return the reader, positioned at the first tag
     * @throws IOException if reading fails
     * @throws FlvFormatException if the header is not an FLV header or the file ends inside it
     */
    public static FlvReader open(InputStream in, Limits limits) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(limits, "limits");
        byte[] h = new byte[FlvHeader.LENGTH];
        int n = in.readNBytes(h, 0, h.length);
        if (n < h.length) {
            throw new FlvFormatException("FLV file truncated: " + n + " of " + FlvHeader.LENGTH
                    + " header bytes (flv-10.1.txt E.2)", 0, -1, false, null, null);
        }
        FlvHeader header;
        try {
            header = FlvHeader.decode(h, 0);
        } catch (FlvFormatException e) {
            throw e;
        } catch (RtmpProtocolException e) {
            throw new FlvFormatException(e.getMessage(), 0, -1, false, null, null);
        }
        long extra = header.dataOffset() - FlvHeader.LENGTH;
        if (extra > 0) {
            try {
                in.skipNBytes(extra);
            } catch (EOFException e) {
                throw new FlvFormatException("FLV file truncated: ends before its DataOffset " + header.dataOffset()
                        + " (flv-10.1.txt E.2)", 0, -1, false, null, null);
            }
        }
        return new FlvReader(in, limits, header, header.dataOffset());
    }

    /**
     * A reader over bytes in memory (from the buffer's position to its limit; the buffer is not modified).
     *
     * @param bytes the file's bytes
     * @param limits the largest tag body accepted
     * @return the reader, positioned at the first tag
     * @throws FlvFormatException if the file header is not valid
     * @throws IOException not for bytes in memory; declared because the stream form reads with it
     */
    public static FlvReader open(ByteBuffer bytes, Limits limits) throws IOException {
        ByteBuffer b = bytes.duplicate();
        byte[] copy = new byte[b.remaining()];
        b.get(copy);
        return open(new ByteArrayInputStream(copy), limits);
    }

    /**
     * The file header.
     *
     * @return the header
     */
    public FlvHeader header() {
        return header;
    }

    /**
     * Bytes consumed so far: the file offset at which the next read starts.
     *
     * @return the byte offset of the next read
     */
    public long position() {
        return position;
    }

    /**
     * How many tags (good or bad) have been read so far: the index the next tag will have.
     *
     * @return the number of tags read
     */
    public long tagCount() {
        return tagIndex;
    }

    /**
     * Reads the next tag.
     *
     * @return the tag, or {@code null} at the end of the file (a clean end: right after a PreviousTagSize)
     * @throws FlvFormatException  if the file is malformed; see {@link FlvFormatException#resumable()}
     * @throws IOException         if the stream fails
     */
    public FlvTag next() throws IOException {
        if (fatal != null) {
            throw fatal;
        }
        if (!firstBackPointerRead) {
            firstBackPointerRead = true;
            long at = position;
            int n = read(scratch, 4);
            if (n == 0) {
                return null; // header only: an empty file
            }
            if (n < 4) {
                throw fail("FLV file truncated: ends inside PreviousTagSize0", at, null, null);
            }
            long pts0 = Bytes.u32(scratch, 0);
            if (pts0 != 0) {
                throw new FlvFormatException("PreviousTagSize0 is " + pts0 + ", expected 0 (flv-10.1.txt E.3)",
                        at, -1, true, null, null);
            }
        }
        long at = position;
        long index = tagIndex;
        int n = read(scratch, FlvTagHeader.LENGTH);
        if (n == 0) {
            return null;
        }
        tagIndex++;
        if (n < FlvTagHeader.LENGTH) {
            throw fail("FLV file truncated: tag " + index + " ends inside its header (" + n + " of 11 bytes)",
                    at, null, null, index);
        }
        FlvTagHeader th = FlvTagHeader.decode(scratch, 0);
        String what = "tag " + index + " (" + FlvTag.typeName(th.tagType()) + ", timestamp " + th.timestamp()
                + ", DataSize " + th.dataSize() + ")";
        if (th.dataSize() > limits.maxDataSize()) {
            skip(th.dataSize() + 4L, at, th, index, what);
            throw new FlvFormatException(what + ": DataSize exceeds the limit of " + limits.maxDataSize()
                    + " bytes; tag skipped", at, index, true, th, null);
        }
        byte[] body = in.readNBytes(th.dataSize());
        position += body.length;
        if (body.length < th.dataSize()) {
            throw fail("FLV file truncated: " + what + " ends after " + body.length + " body bytes", at, th, null,
                    index);
        }
        FlvTag tag = th.filter() ? null : new FlvTag(th.tagType(), th.timestamp(), th.streamId(), body);
        int m = read(scratch, 4);
        if (m < 4) {
            // The tag is whole; the file lacks its trailing back-pointer (a recording cut short).
            fatal = new FlvFormatException("FLV file truncated: no PreviousTagSize after " + what
                    + " (flv-10.1.txt E.3)", position - m, index, false, th, tag);
        }
        if (th.filter()) {
            throw new FlvFormatException(what + ": Filter = 1 (an encrypted body, flv-10.1.txt E.4.1, Annex F)"
                    + " is not supported", at, index, fatal == null, th, null);
        }
        if (m == 4) {
            long previousTagSize = Bytes.u32(scratch, 0);
            if (previousTagSize != th.tagSize()) {
                throw new FlvFormatException(what + ": PreviousTagSize is " + previousTagSize + ", expected 11 + "
                        + th.dataSize() + " = " + th.tagSize() + " (flv-10.1.txt E.3)", at, index, true, th, tag);
            }
        }
        return tag;
    }

    private void skip(long count, long at, FlvTagHeader th, long index, String what) throws IOException {
        try {
            in.skipNBytes(count);
            position += count;
        } catch (EOFException e) {
            throw fail("FLV file truncated: " + what + " ends before its declared size", at, th, null, index);
        }
    }

    private int read(byte[] into, int count) throws IOException {
        int n = in.readNBytes(into, 0, count);
        position += n;
        return n;
    }

    private FlvFormatException fail(String message, long at, FlvTagHeader th, FlvTag tag) {
        return fail(message, at, th, tag, -1);
    }

    private FlvFormatException fail(String message, long at, FlvTagHeader th, FlvTag tag, long index) {
        fatal = new FlvFormatException(message, at, index, false, th, tag);
        return fatal;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
