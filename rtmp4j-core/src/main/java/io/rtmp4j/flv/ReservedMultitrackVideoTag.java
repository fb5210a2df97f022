package io.rtmp4j.flv;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An enhanced video Multitrack tag whose {@code AvMultitrackType} is reserved (3..15). Its layout is
 * not defined yet, so everything after the {@code multitrackType | packetType} byte is kept verbatim
 * and a forwarding server can pass the tag on unchanged (enhanced-rtmp-v2.md AvMultitrackType).
 *
 * @param frameType      the frame type
 * @param modEx          the ModEx chain in wire order, empty if none
 * @param multitrackType the reserved type, 3..15
 * @param packetType     the packet type nibble, 0..15, uninterpreted
 * @param rest           the bytes after the multitrack byte (owned by this value; do not modify)
 */
public record ReservedMultitrackVideoTag(VideoFrameType frameType, List<ModEx> modEx, int multitrackType,
                                         int packetType, byte[] rest) implements VideoTag {

    /**
     * Checks that frame type and remaining bytes are present, that the multitrack type is one of the
     * reserved values 3..15, the packet type a nibble, and the frame type not a command; copies the ModEx
     * list.
     *
     * @param frameType the frame type
     * @param modEx the ModEx chain in wire order, empty if none
     * @param multitrackType the reserved type, 3..15
     * @param packetType the packet type nibble, 0..15, uninterpreted
     * @param rest the bytes after the multitrack byte (owned by this value
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public ReservedMultitrackVideoTag {
        Objects.requireNonNull(frameType, "frameType");
        Objects.requireNonNull(rest, "rest");
        modEx = List.copyOf(modEx);
        if (multitrackType < 3 || multitrackType > 15) {
            throw new IllegalArgumentException("reserved multitrack types are 3..15: " + multitrackType);
        }
        if (packetType < 0 || packetType > 15) {
            throw new IllegalArgumentException("packet type nibble must be 0..15: " + packetType);
        }
        if (frameType == VideoFrameType.COMMAND) {
            throw new IllegalArgumentException("command frames are VideoCommandTag");
        }
    }

    @Override
    public boolean enhanced() {
        return true;
    }

    /** Always false: the content is not understood. */
    @Override
    public boolean isKeyframe() {
        return false;
    }

    /** Always false: the content is not understood. */
    @Override
    public boolean isSequenceHeader() {
        return false;
    }

    @Override
    public byte[] toBytes() {
        TagBodyWriter w = new TagBodyWriter(2 + ModEx.chainLength(modEx) + rest.length);
        VideoTagCodec.writeExHeader(w, frameType, modEx, VideoPacketType.MULTITRACK.value());
        return w.u8(multitrackType << 4 | packetType).bytes(rest).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReservedMultitrackVideoTag t && frameType == t.frameType && modEx.equals(t.modEx)
                && multitrackType == t.multitrackType && packetType == t.packetType && Arrays.equals(rest, t.rest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(frameType, modEx, multitrackType, packetType) * 31 + Arrays.hashCode(rest);
    }

    @Override
    public String toString() {
        return "ReservedMultitrackVideoTag[" + frameType + ", type=" + multitrackType + ", packetType=" + packetType
                + ", rest=" + rest.length + " bytes]";
    }
}
