package io.rtmp4j.flv;

import java.util.Optional;

/**
 * Legacy video codec id: {@code CodecID} UB[4] of flv-10.1.txt Annex E.4.3.1 (enhanced-rtmp-v2.md
 * {@code VideoCodecId}). Values 0, 1 and 8..15 are reserved and rejected.
 */
public enum VideoCodecId implements FlvCodec {
    /** 2: Sorenson H.263. */
    SORENSON_H263(2, "h263"),
    /** 3: Screen video. */
    SCREEN(3, "screen"),
    /** 4: On2 VP6. */
    VP6(4, "vp6"),
    /** 5: On2 VP6 with alpha channel. */
    VP6_ALPHA(5, "vp6a"),
    /** 6: Screen video version 2. */
    SCREEN_V2(6, "screen2"),
    /** 7: AVC (H.264); its body starts with AVCPacketType and a SI24 composition time. */
    AVC(7, "avc");

    private static final WireValues<VideoCodecId> BY_VALUE =
            new WireValues<>(values(), VideoCodecId::value, 16,
                    "video codec id", "flv-10.1.txt E.4.3.1");

    private final int value;
    private final String specName;

    VideoCodecId(int value, String specName) {
        this.value = value;
        this.specName = specName;
    }

    /**
     * The wire value.
     *
     * @return the wire value
     */
    public int value() {
        return value;
    }

    @Override
    public String specName() {
        return specName;
    }

    @Override
    public boolean isVideo() {
        return true;
    }

    @Override
    public boolean isEnhanced() {
        return false;
    }

    /**
     * Reverse lookup; empty for reserved values.
     *
     * @param value the wire value
     * @return the codec id, or empty
     */
    public static Optional<VideoCodecId> fromValue(int value) {
        return BY_VALUE.find(value);
    }

    static VideoCodecId require(int value) {
        return BY_VALUE.require(value);
    }
}
