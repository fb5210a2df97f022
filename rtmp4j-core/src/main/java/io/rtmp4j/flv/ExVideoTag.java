package io.rtmp4j.flv;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An enhanced video tag body with one FourCC (enhanced-rtmp-v2.md "Enhanced Video",
 * ExVideoTagHeader + ExVideoTagBody): {@code IsExHeader 1 | FrameType UB[3] | PacketType UB[4]},
 * the optional {@link ModEx} chain, {@code FOURCC}, then for CodedFrames of avc1/hvc1/vvc1 a SI24
 * composition time, then the data.
 *
 * <p>Example, an AV1 key frame: {@code 91 61 76 30 31} + OBUs
 * ({@code 0x91} = IsExHeader, KEY, CodedFrames; {@code av01}) is
 * {@code ExVideoTag.of(KEY, CODED_FRAMES, AV1, 0, obus)}.
 *
 * <p>For {@link VideoPacketType#METADATA} the data is the AMF0 metadata, validated at parse time;
 * {@link #metadata()} and {@link #colorInfo()} read it, {@link #ofColorInfo} builds it.
 *
 * @param frameType       the frame type; COMMAND only with Metadata (other command frames are {@link VideoCommandTag})
 * @param modEx           the ModEx chain in wire order, empty if none
 * @param packetType      the real packet type (after the ModEx chain): not Multitrack or ModEx
 * @param fourCc          the codec
 * @param compositionTime the SI24 composition time offset in ms; only for CodedFrames of avc1/hvc1/vvc1, else 0
 * @param data            the rest of the body (owned by this value; do not modify)
 */
public record ExVideoTag(VideoFrameType frameType, List<ModEx> modEx, VideoPacketType packetType,
                         VideoFourCc fourCc, int compositionTime, byte[] data) implements VideoTag {

    /**
     * Checks that frame type, packet type, FourCC and data are present, that the packet type is one of a
     * single-track body (not Multitrack, not ModEx), that a command frame type goes only with Metadata
     * (other command frames are {@link VideoCommandTag}), and that a composition time is given only where
     * the codec and packet type carry one; copies the ModEx list.
     *
     * @param frameType the frame type
     * @param modEx the ModEx chain in wire order, empty if none
     * @param packetType the real packet type (after the ModEx chain): not Multitrack or ModEx
     * @param fourCc the codec
     * @param compositionTime the SI24 composition time offset in ms
     * @param data the rest of the body (owned by this value
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public ExVideoTag {
        Objects.requireNonNull(frameType, "frameType");
        Objects.requireNonNull(packetType, "packetType");
        Objects.requireNonNull(fourCc, "fourCc");
        Objects.requireNonNull(data, "data");
        modEx = List.copyOf(modEx);
        if (packetType == VideoPacketType.MULTITRACK || packetType == VideoPacketType.MOD_EX) {
            throw new IllegalArgumentException("packet type " + packetType + " is not a single-track body");
        }
        if (frameType == VideoFrameType.COMMAND && packetType != VideoPacketType.METADATA) {
            throw new IllegalArgumentException("command frames are VideoCommandTag");
        }
        VideoTagCodec.checkCompositionTime(packetType, fourCc, compositionTime);
    }

    /**
     * A tag without ModEx.
     *
     * @param frameType the frame type
     * @param packetType the packet type (not Multitrack or ModEx)
     * @param fourCc the codec
     * @param compositionTime the SI24 composition time offset in ms (only where the codec carries one, else
     *     0)
     * @param data the packet data
     * @return the tag
     */
    public static ExVideoTag of(VideoFrameType frameType, VideoPacketType packetType, VideoFourCc fourCc,
                                int compositionTime, byte[] data) {
        return new ExVideoTag(frameType, List.of(), packetType, fourCc, compositionTime, data);
    }

    /**
     * The outbound Metadata tag carrying {@code colorInfo} (use {@link ColorInfo#RESET} to reset).
     * The frame type is written as COMMAND (5), as FFmpeg's FLV muxer does; receivers ignore it.
     *
     * @param fourCc the codec of the stream
     * @param colorInfo the color information
     * @return the tag
     */
    public static ExVideoTag ofColorInfo(VideoFourCc fourCc, ColorInfo colorInfo) {
        return of(VideoFrameType.COMMAND, VideoPacketType.METADATA, fourCc, 0, VideoMetadata.of(colorInfo).toBytes());
    }

    /**
     * For a Metadata packet, its pairs; empty for other packet types.
     *
     * @return the pairs, or empty
     */
    public java.util.Optional<VideoMetadata> metadata() {
        return packetType == VideoPacketType.METADATA ? java.util.Optional.of(VideoMetadata.parse(data))
                : java.util.Optional.empty();
    }

    /**
     * For a Metadata packet with a {@code colorInfo} pair, the typed value; else empty.
     *
     * @return the color information, or empty
     */
    public java.util.Optional<ColorInfo> colorInfo() {
        return metadata().flatMap(VideoMetadata::colorInfo);
    }

    /**
     * This tag with another ModEx chain.
     *
     * @param chain the ModEx entries
     * @return the tag with that chain
     */
    public ExVideoTag withModEx(List<ModEx> chain) {
        return new ExVideoTag(frameType, chain, packetType, fourCc, compositionTime, data);
    }

    @Override
    public boolean enhanced() {
        return true;
    }

    @Override
    public boolean isKeyframe() {
        return VideoTagCodec.isKeyFrameType(frameType) && VideoTagCodec.isCoded(packetType);
    }

    @Override
    public boolean isSequenceHeader() {
        return VideoTagCodec.isSequenceStart(packetType);
    }

    @Override
    public byte[] toBytes() {
        boolean ct = packetType == VideoPacketType.CODED_FRAMES && fourCc.hasCompositionTime();
        TagBodyWriter w = new TagBodyWriter(1 + ModEx.chainLength(modEx) + 4 + (ct ? 3 : 0) + data.length);
        VideoTagCodec.writeExHeader(w, frameType, modEx, packetType.value());
        w.u32(fourCc.code());
        if (ct) {
            w.u24(compositionTime);
        }
        return w.bytes(data).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExVideoTag t && frameType == t.frameType && modEx.equals(t.modEx)
                && packetType == t.packetType && fourCc == t.fourCc && compositionTime == t.compositionTime
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(frameType, modEx, packetType, fourCc, compositionTime) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ExVideoTag[" + frameType + ", " + packetType + ", " + fourCc.specName()
                + (compositionTime != 0 ? ", ct=" + compositionTime : "") + (modEx.isEmpty() ? "" : ", " + modEx)
                + ", data=" + data.length + " bytes]";
    }
}
