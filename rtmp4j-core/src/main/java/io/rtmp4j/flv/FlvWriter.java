package io.rtmp4j.flv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes an FLV file (flv-10.1.txt Annex E.2, E.3) to an {@link OutputStream}: the header and
 * PreviousTagSize0 when opened, then each tag followed by its PreviousTagSize ({@code 11 + DataSize}).
 *
 * <p>The writer writes what it is given; a valid file for players and tools (ffprobe, ffmpeg,
 * {@code flvmeta --check}) also needs, from the caller:
 * <ul>
 *   <li>the onMetaData script tag first, at timestamp 0, in its file form: without the RTMP
 *       {@code @setDataFrame} wrapper ({@code ScriptTag.unwrapSetDataFrame()} removes it);
 *   <li>timestamps starting at 0 ("relative to the first tag", E.4.1) and never decreasing within
 *       a stream ({@link TimestampPolicy#NON_DECREASING} enforces the latter per tag type);
 *   <li>the codec sequence headers (AVC/HEVC/AV1/VP9 configuration, AAC/Opus/FLAC configuration)
 *       before the first frame of their track.
 * </ul>
 * {@link #write(int, long, byte[])} takes exactly what an RTMP audio (8), video (9) or data (18)
 * message carries: its type id, its millisecond timestamp and its body.
 *
 * <pre>{@code
 * try (FlvWriter w = FlvWriter.open(Files.newOutputStream(path), FlvHeader.of(true, true))) {
 *     w.write(FlvTag.script(0, metadata.encode()));
 *     w.write(FlvTag.TYPE_VIDEO, 0, avcSequenceHeader);
 * }
 * }</pre>
 *
 * <p>Not thread-safe. Closing the writer flushes and closes the stream. The writer does not buffer:
 * give it a {@link java.io.BufferedOutputStream} for many small tags.
 */
public final class FlvWriter implements Closeable, Flushable {

    /** What the writer does with a timestamp lower than the previous one of the same tag type. */
    public enum TimestampPolicy {
        /** Write every timestamp as given. */
        AS_GIVEN,
        /**
         * Raise a timestamp that is lower than the last one written for the same tag type to that one,
         * so that audio, video and script timestamps each never decrease: {@code flvmeta --check} reports
         * "video tag timestamps are decreasing" as an error, and FFmpeg's muxers refuse non-monotonic
         * dts. For a recorder, whose publisher's clock it cannot vouch for.
         */
        NON_DECREASING
    }

    private final OutputStream out;
    private final FlvHeader header;
    private final TimestampPolicy policy;
    private final byte[] scratch = new byte[FlvTagHeader.LENGTH];
    private final long[] lastTimestamp = new long[32];
    private long bytesWritten;
    private long tagCount;
    private long adjusted;

    private FlvWriter(OutputStream out, FlvHeader header, TimestampPolicy policy) {
        this.out = out;
        this.header = header;
        this.policy = policy;
    }

    /**
     * Opens a writer and writes the file header and PreviousTagSize0. Header bytes between 9 and a
     * larger DataOffset are written as zeros.
     *
     * @param out where the file goes
     * @param header the file header
     * @return the writer
     * @throws IOException if writing fails
     */
    public static FlvWriter open(OutputStream out, FlvHeader header) throws IOException {
        return open(out, header, TimestampPolicy.AS_GIVEN);
    }

    /**
     * Opens a writer with a timestamp policy; see {@link #open(OutputStream, FlvHeader)}.
     *
     * @param out where the file goes
     * @param header the file header
     * @param policy what to do with a timestamp lower than the last one
     * @return the writer
     * @throws IOException if writing fails
     */
    public static FlvWriter open(OutputStream out, FlvHeader header, TimestampPolicy policy) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(policy, "policy");
        FlvWriter w = new FlvWriter(out, header, policy);
        out.write(header.encode());
        for (long i = FlvHeader.LENGTH; i < header.dataOffset(); i++) {
            out.write(0);
        }
        w.bytesWritten = header.dataOffset();
        w.writeU32(0); // PreviousTagSize0, "always 0" (E.3)
        return w;
    }

    /**
     * Opens a writer with a version 1 header announcing the given streams.
     *
     * @param out where the file goes
     * @param hasAudio whether the file has audio tags
     * @param hasVideo whether the file has video tags
     * @return the writer
     * @throws IOException if writing fails
     */
    public static FlvWriter open(OutputStream out, boolean hasAudio, boolean hasVideo) throws IOException {
        return open(out, FlvHeader.of(hasAudio, hasVideo));
    }

    /**
     * The header written.
     *
     * @return the header
     */
    public FlvHeader header() {
        return header;
    }

    /**
     * Writes a tag and its PreviousTagSize (with its timestamp raised if the policy says so).
     *
     * @param tag the tag
     * @throws IOException if writing fails
     */
    public void write(FlvTag tag) throws IOException {
        if (policy == TimestampPolicy.NON_DECREASING) {
            long last = lastTimestamp[tag.tagType()];
            if (tag.timestamp() < last) {
                tag = tag.withTimestamp(last);
                adjusted++;
            }
            lastTimestamp[tag.tagType()] = tag.timestamp();
        }
        tag.header().encodeInto(scratch, 0);
        out.write(scratch, 0, FlvTagHeader.LENGTH);
        out.write(tag.body());
        bytesWritten += FlvTagHeader.LENGTH + (long) tag.body().length;
        writeU32(tag.tagSize());
        tagCount++;
    }

    /**
     * Writes a tag from an RTMP message's parts (stream id 0).
     *
     * @param tagType   TagType: 8 audio, 9 video, 18 script data (the RTMP message type ids)
     * @param timestamp milliseconds, 0..2³²−1
     * @param body      the message payload, at most {@value FlvTag#MAX_DATA_SIZE} bytes (not copied)
     * @throws IOException if writing fails
     */
    public void write(int tagType, long timestamp, byte[] body) throws IOException {
        write(FlvTag.of(tagType, timestamp, body));
    }

    /**
     * Bytes written so far: the file's length once flushed.
     *
     * @return the byte count
     */
    public long bytesWritten() {
        return bytesWritten;
    }

    /**
     * Tags written so far.
     *
     * @return the tag count
     */
    public long tagCount() {
        return tagCount;
    }

    /**
     * Tags whose timestamp {@link TimestampPolicy#NON_DECREASING} raised.
     *
     * @return the number of raised timestamps
     */
    public long adjustedTimestamps() {
        return adjusted;
    }

    private void writeU32(long v) throws IOException {
        Bytes.putU32(scratch, 0, v);
        out.write(scratch, 0, 4);
        bytesWritten += 4;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            out.flush();
        } finally {
            out.close();
        }
    }
}
