package io.rtmp4j.flv;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An enhanced audio tag body with one FourCC (enhanced-rtmp-v2.md "Enhanced Audio",
 * ExAudioTagHeader + ExAudioTagBody): {@code SoundFormat 9 | AudioPacketType UB[4]}, the optional
 * {@link ModEx} chain, {@code FOURCC}, then the data.
 *
 * <p>Example, an Opus frame: {@code 91 4F 70 75 73} + packet ({@code 0x91} = ExHeader, CodedFrames;
 * {@code Opus}) is {@code ExAudioTag.of(CODED_FRAMES, OPUS, packet)}.
 *
 * <p>For {@link AudioPacketType#MULTICHANNEL_CONFIG} the data is the channel configuration, validated
 * at parse time; {@link #multichannelConfig()} reads it and {@link #ofMultichannelConfig} builds it.
 *
 * @param modEx      the ModEx chain in wire order, empty if none
 * @param packetType SequenceStart, CodedFrames, SequenceEnd or MultichannelConfig (the real type after ModEx)
 * @param fourCc     the codec
 * @param data       the rest of the body (owned by this value; do not modify)
 */
public record ExAudioTag(List<ModEx> modEx, AudioPacketType packetType, AudioFourCc fourCc, byte[] data)
        implements AudioTag {

    /**
     * Checks that packet type, FourCC and data are present and that the packet type is one of a
     * single-track body (not Multitrack, not ModEx: those are other records); copies the ModEx list.
     *
     * @param modEx the ModEx chain in wire order, empty if none
     * @param packetType SequenceStart, CodedFrames, SequenceEnd or MultichannelConfig (the real type after
     *     ModEx)
     * @param fourCc the codec
     * @param data the rest of the body (owned by this value
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public ExAudioTag {
        Objects.requireNonNull(packetType, "packetType");
        Objects.requireNonNull(fourCc, "fourCc");
        Objects.requireNonNull(data, "data");
        modEx = List.copyOf(modEx);
        if (packetType == AudioPacketType.MULTITRACK || packetType == AudioPacketType.MOD_EX) {
            throw new IllegalArgumentException("packet type " + packetType + " is not a single-track body");
        }
    }

    /**
     * A tag without ModEx.
     *
     * @param packetType the packet type (not Multitrack or ModEx)
     * @param fourCc the codec
     * @param data the packet data
     * @return the tag
     */
    public static ExAudioTag of(AudioPacketType packetType, AudioFourCc fourCc, byte[] data) {
        return new ExAudioTag(List.of(), packetType, fourCc, data);
    }

    /**
     * A MultichannelConfig tag.
     *
     * @param fourCc the codec
     * @param config the channel configuration
     * @return the tag
     */
    public static ExAudioTag ofMultichannelConfig(AudioFourCc fourCc, MultichannelConfig config) {
        return of(AudioPacketType.MULTICHANNEL_CONFIG, fourCc, config.toBytes());
    }

    /**
     * This tag with another ModEx chain.
     *
     * @param chain the ModEx entries
     * @return the tag with that chain
     */
    public ExAudioTag withModEx(List<ModEx> chain) {
        return new ExAudioTag(chain, packetType, fourCc, data);
    }

    /**
     * For a MultichannelConfig packet, the typed configuration; else empty.
     *
     * @return the configuration, or empty
     */
    public Optional<MultichannelConfig> multichannelConfig() {
        return packetType == AudioPacketType.MULTICHANNEL_CONFIG ? Optional.of(MultichannelConfig.parse(data))
                : Optional.empty();
    }

    @Override
    public boolean enhanced() {
        return true;
    }

    @Override
    public boolean isSequenceHeader() {
        return packetType == AudioPacketType.SEQUENCE_START;
    }

    @Override
    public byte[] toBytes() {
        TagBodyWriter w = new TagBodyWriter(1 + ModEx.chainLength(modEx) + 4 + data.length);
        AudioTagCodec.writeExHeader(w, modEx, packetType.value());
        return w.u32(fourCc.code()).bytes(data).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExAudioTag t && modEx.equals(t.modEx) && packetType == t.packetType
                && fourCc == t.fourCc && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(modEx, packetType, fourCc) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ExAudioTag[" + packetType + ", " + fourCc.specName() + (modEx.isEmpty() ? "" : ", " + modEx)
                + ", data=" + data.length + " bytes]";
    }
}
