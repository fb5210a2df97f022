package io.rtmp4j.flv;

import io.rtmp4j.RtmpProtocolException;
import java.util.Optional;

/**
 * A malformed FLV file, as {@link FlvReader} finds it: the {@link RtmpProtocolException} of the FLV
 * file layer, with where the problem is and whether reading can go on.
 *
 * <p>Some problems spoil one tag only, and the file's structure still says where the next tag
 * starts: an encrypted tag (Filter = 1), a tag larger than the reader's limit, a PreviousTagSize that
 * does not match. Those are {@linkplain #resumable() resumable}: the reader has moved past the tag and
 * the next {@link FlvReader#next()} reads the one after it, which is how {@code rtmp4j inspect} reports
 * a bad tag and goes on. Others (a bad signature, a truncated file) end the reading.
 */
public final class FlvFormatException extends RtmpProtocolException {

    private static final long serialVersionUID = 1L;

    /** @serial byte offset in the file where the problem was found; see {@link #offset()} */
    private final long offset;
    /** @serial index of the tag concerned; see {@link #tagIndex()} */
    private final long tagIndex;
    /** @serial whether reading can go on with the next tag; see {@link #resumable()} */
    private final boolean resumable;
    private final transient FlvTagHeader header;
    private final transient FlvTag tag;

    FlvFormatException(String message, long offset, long tagIndex, boolean resumable, FlvTagHeader header,
            FlvTag tag) {
        super(message);
        this.offset = offset;
        this.tagIndex = tagIndex;
        this.resumable = resumable;
        this.header = header;
        this.tag = tag;
    }

    /**
     * Byte offset in the file of the tag (or field) at fault.
     *
     * @return the byte offset
     */
    public long offset() {
        return offset;
    }

    /**
     * Index (0-based, in file order) of the tag at fault, or −1 when the fault is in the file header.
     *
     * @return the tag index, or −1
     */
    public long tagIndex() {
        return tagIndex;
    }

    /**
     * Whether the reader has skipped past the bad tag, so that {@link FlvReader#next()} can go on.
     *
     * @return true if reading may go on
     */
    public boolean resumable() {
        return resumable;
    }

    /**
     * The bad tag's header, when its 11 bytes were read.
     *
     * @return the header, or empty
     */
    public Optional<FlvTagHeader> header() {
        return Optional.ofNullable(header);
    }

    /**
     * The tag itself, when it was read whole and only what follows it is wrong (a PreviousTagSize
     * mismatch, or a file that ends without the last PreviousTagSize).
     *
     * @return the tag, or empty
     */
    public Optional<FlvTag> tag() {
        return Optional.ofNullable(tag);
    }
}
