package io.rtmp4j.flv;

import io.rtmp4j.RtmpProtocolException;

/**
 * The 11-byte header of an FLV tag (flv-10.1.txt Annex E.4.1):
 *
 * <pre>
 *   Reserved(UB[2]) Filter(UB[1]) TagType(UB[5])  DataSize(UI24)  Timestamp(UI24)  TimestampExtended(UI8)  StreamID(UI24)
 * </pre>
 *
 * <p>The timestamp is 32 bits: TimestampExtended holds its upper 8 bits, Timestamp the lower 24. It is
 * kept unsigned (0..2³²−1), as RTMP message timestamps are, and as FFmpeg reads it. The reserved bits
 * ("Reserved for FMS, should be 0") are ignored on reading and written as 0.
 *
 * @param filter    the Filter bit: 1 means the body is encrypted (Annex F), which rtmp4j does not support
 * @param tagType   TagType, 0..31: 8 audio, 9 video, 18 script data; other values are carried opaquely
 * @param dataSize  DataSize, the body length, 0..{@value FlvTag#MAX_DATA_SIZE}
 * @param timestamp milliseconds, 0..2³²−1
 * @param streamId  StreamID, 0..2²⁴−1 ("always 0")
 */
public record FlvTagHeader(boolean filter, int tagType, int dataSize, long timestamp, int streamId) {

    /** Length of a tag header in bytes (E.4.1: DataSize is "the length of the tag – 11"). */
    public static final int LENGTH = 11;

    /**
     * Checks the fields against their sizes in the tag header (flv-10.1.txt E.4.1): tag type 0..31, data
     * size UI24, timestamp 32 bits, stream id 24 bits.
     *
     * @param filter the Filter bit: 1 means the body is encrypted (Annex F), which rtmp4j does not support
     * @param tagType TagType, 0..31: 8 audio, 9 video, 18 script data
     * @param dataSize DataSize, the body length, 0..{@value FlvTag#MAX_DATA_SIZE}
     * @param timestamp milliseconds, 0..2³²−1
     * @param streamId StreamID, 0..2²⁴−1 ("always 0")
     * @throws IllegalArgumentException if a value is out of its range
     */
    public FlvTagHeader {
        if (tagType < 0 || tagType > 0x1F) {
            throw new IllegalArgumentException("tagType out of range 0..31: " + tagType);
        }
        if (dataSize < 0 || dataSize > FlvTag.MAX_DATA_SIZE) {
            throw new IllegalArgumentException("dataSize out of range: " + dataSize);
        }
        if (timestamp < 0 || timestamp > FlvTag.MAX_TIMESTAMP) {
            throw new IllegalArgumentException("timestamp out of 32-bit range: " + timestamp);
        }
        if (streamId < 0 || streamId > 0xFF_FFFF) {
            throw new IllegalArgumentException("streamId out of 24-bit range: " + streamId);
        }
    }

    /**
     * Decodes {@value #LENGTH} bytes at {@code offset}.
     *
     * @param b the bytes holding the header
     * @param offset where it starts
     * @return the header
     * @throws RtmpProtocolException if fewer than 11 bytes remain
     */
    public static FlvTagHeader decode(byte[] b, int offset) {
        if (offset < 0 || b.length - offset < LENGTH) {
            throw new RtmpProtocolException("FLV tag header truncated: need " + LENGTH + " bytes");
        }
        int first = b[offset] & 0xFF;
        int dataSize = Bytes.u24(b, offset + 1);
        long timestamp = ((long) (b[offset + 7] & 0xFF) << 24) | Bytes.u24(b, offset + 4);
        int streamId = Bytes.u24(b, offset + 8);
        return new FlvTagHeader((first & 0x20) != 0, first & 0x1F, dataSize, timestamp, streamId);
    }

    /**
     * Writes the {@value #LENGTH} header bytes into {@code b} at {@code offset}.
     *
     * @param b the array to write into
     * @param offset where to write
     */
    public void encodeInto(byte[] b, int offset) {
        b[offset] = (byte) ((filter ? 0x20 : 0) | tagType);
        Bytes.putU24(b, offset + 1, dataSize);
        Bytes.putU24(b, offset + 4, (int) (timestamp & 0xFF_FFFF));
        b[offset + 7] = (byte) (timestamp >>> 24);
        Bytes.putU24(b, offset + 8, streamId);
    }

    /**
     * The {@value #LENGTH} header bytes.
     *
     * @return the 11 header bytes
     */
    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        encodeInto(b, 0);
        return b;
    }

    /**
     * The tag's whole length, {@code 11 + DataSize}: the value of the PreviousTagSize that follows it (E.3).
     *
     * @return 11 plus the data size
     */
    public long tagSize() {
        return LENGTH + (long) dataSize;
    }
}
