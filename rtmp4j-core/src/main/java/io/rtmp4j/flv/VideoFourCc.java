package io.rtmp4j.flv;

import java.util.Optional;

/**
 * Enhanced video codec FourCC: {@code VideoFourCc} of enhanced-rtmp-v2.md "Enhanced Video". Any
 * other FourCC is rejected ("if any critical signaling ... VideoFourCc ... not recognized, the
 * system MUST fail in a controlled and predictable manner").
 */
public enum VideoFourCc implements FlvCodec {
    /** {@code vp08}: VP8. */
    VP8("vp08"),
    /** {@code vp09}: VP9. */
    VP9("vp09"),
    /** {@code av01}: AV1. */
    AV1("av01"),
    /** {@code avc1}: H.264 / AVC; CodedFrames carry a SI24 composition time. */
    AVC("avc1"),
    /** {@code hvc1}: H.265 / HEVC; CodedFrames carry a SI24 composition time. */
    HEVC("hvc1"),
    /** {@code vvc1}: H.266 / VVC; CodedFrames carry a SI24 composition time. */
    VVC("vvc1");

    private static final FourCc.Table<VideoFourCc> BY_CODE =
            new FourCc.Table<>(values(), VideoFourCc::code, "video FourCC", "enhanced-rtmp-v2.md VideoFourCc");

    private final String text;
    private final int code;

    VideoFourCc(String text) {
        this.text = text;
        this.code = FourCc.of(text);
    }

    /**
     * The FOURCC as its UI32 wire value.
     *
     * @return the four characters as a big-endian UI32
     */
    public int code() {
        return code;
    }

    /** The four characters, e.g. {@code "hvc1"}; also the name {@code rtmp4j inspect} prints. */
    @Override
    public String specName() {
        return text;
    }

    @Override
    public boolean isVideo() {
        return true;
    }

    @Override
    public boolean isEnhanced() {
        return true;
    }

    /**
     * Whether {@link VideoPacketType#CODED_FRAMES} carries a SI24 composition time offset before
     * the data: true for avc1, hvc1 and vvc1 (enhanced-rtmp-v2.md "ExVideoTagBody").
     *
     * @return true for avc1, hvc1 and vvc1
     */
    public boolean hasCompositionTime() {
        return this == AVC || this == HEVC || this == VVC;
    }

    /**
     * Reverse lookup by UI32 code; empty for unknown FourCCs.
     *
     * @param code the UI32 value
     * @return the FourCC, or empty
     */
    public static Optional<VideoFourCc> fromCode(int code) {
        return BY_CODE.find(code);
    }

    /**
     * Reverse lookup by text ({@code "av01"}); empty for unknown FourCCs.
     *
     * @param text the four characters
     * @return the FourCC, or empty
     */
    public static Optional<VideoFourCc> fromText(String text) {
        return BY_CODE.find(text);
    }

    static VideoFourCc require(int code) {
        return BY_CODE.require(code);
    }
}
