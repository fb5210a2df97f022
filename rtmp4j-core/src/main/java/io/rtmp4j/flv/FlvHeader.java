package io.rtmp4j.flv;

import io.rtmp4j.RtmpProtocolException;

/**
 * The 9-byte header that starts every FLV file (flv-10.1.txt Annex E.2).
 *
 * <pre>
 *   'F' 'L' 'V'  Version(UI8)  Flags(UI8: 5 reserved, TypeFlagsAudio, 1 reserved, TypeFlagsVideo)  DataOffset(UI32)
 * </pre>
 *
 * <p>The audio and video flags only announce what the file holds; readers (FFmpeg's included) find
 * the streams from the tags themselves, so {@link FlvReader} does not enforce them. Reserved flag
 * bits are ignored on reading and written as 0.
 *
 * <p>Example: {@code FlvHeader.of(true, true).encode()} is {@code 46 4C 56 01 05 00 00 00 09}.
 *
 * @param version    file version, 0..255 (1 for every FLV written today)
 * @param hasAudio   TypeFlagsAudio: audio tags are present
 * @param hasVideo   TypeFlagsVideo: video tags are present
 * @param dataOffset DataOffset, the header length in bytes: at least {@value #LENGTH}, an unsigned 32-bit value;
 *                   bytes between 9 and DataOffset are skipped by the reader
 */
public record FlvHeader(int version, boolean hasAudio, boolean hasVideo, long dataOffset) {

    /** Length of the FLV version 1 header (Annex E.2: "usually has a value of 9"). */
    public static final int LENGTH = 9;

    private static final int FLAG_AUDIO = 0x04;
    private static final int FLAG_VIDEO = 0x01;

    /**
     * Checks that the version fits in one byte and that the data offset is at least the header length and
     * fits in 32 unsigned bits (flv-10.1.txt E.2).
     *
     * @param version file version, 0..255 (1 for every FLV written today)
     * @param hasAudio TypeFlagsAudio: audio tags are present
     * @param hasVideo TypeFlagsVideo: video tags are present
     * @param dataOffset DataOffset, the header length in bytes: at least {@value #LENGTH}, an unsigned
     *     32-bit value
     * @throws IllegalArgumentException if a value is out of its range
     */
    public FlvHeader {
        if (version < 0 || version > 0xFF) {
            throw new IllegalArgumentException("version out of range: " + version);
        }
        if (dataOffset < LENGTH || dataOffset > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("dataOffset out of range: " + dataOffset);
        }
    }

    /**
     * A version 1 header of {@value #LENGTH} bytes announcing the given streams.
     *
     * @param hasAudio whether the file has audio tags
     * @param hasVideo whether the file has video tags
     * @return the header
     */
    public static FlvHeader of(boolean hasAudio, boolean hasVideo) {
        return new FlvHeader(1, hasAudio, hasVideo, LENGTH);
    }

    /**
     * Decodes the first {@value #LENGTH} bytes of {@code bytes} from {@code offset}.
     *
     * @param bytes the bytes holding the header
     * @param offset where it starts
     * @return the header
     * @throws RtmpProtocolException if the signature is not "FLV", DataOffset is below 9, or fewer than 9 bytes remain
     */
    public static FlvHeader decode(byte[] bytes, int offset) {
        if (offset < 0 || bytes.length - offset < LENGTH) {
            throw new RtmpProtocolException("FLV header truncated: need " + LENGTH + " bytes");
        }
        if (bytes[offset] != 'F' || bytes[offset + 1] != 'L' || bytes[offset + 2] != 'V') {
            throw new RtmpProtocolException(String.format(
                    "not an FLV file: signature %02X %02X %02X, expected 46 4C 56 (\"FLV\", flv-10.1.txt E.2)",
                    bytes[offset] & 0xFF, bytes[offset + 1] & 0xFF, bytes[offset + 2] & 0xFF));
        }
        int version = bytes[offset + 3] & 0xFF;
        int flags = bytes[offset + 4] & 0xFF;
        long dataOffset = Bytes.u32(bytes, offset + 5);
        if (dataOffset < LENGTH) {
            throw new RtmpProtocolException("FLV header DataOffset " + dataOffset + " is below " + LENGTH
                    + " (flv-10.1.txt E.2)");
        }
        return new FlvHeader(version, (flags & FLAG_AUDIO) != 0, (flags & FLAG_VIDEO) != 0, dataOffset);
    }

    /**
     * The header's {@value #LENGTH} bytes. DataOffset is written as is; a writer that announces a
     * DataOffset above 9 must write that many header bytes itself ({@link FlvWriter} pads with zeros).
     *
     * @return the 9 header bytes
     */
    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        b[0] = 'F';
        b[1] = 'L';
        b[2] = 'V';
        b[3] = (byte) version;
        b[4] = (byte) ((hasAudio ? FLAG_AUDIO : 0) | (hasVideo ? FLAG_VIDEO : 0));
        Bytes.putU32(b, 5, dataOffset);
        return b;
    }
}
