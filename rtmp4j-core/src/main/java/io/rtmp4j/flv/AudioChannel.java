package io.rtmp4j.flv;

import java.util.Optional;

/**
 * Speaker positions: {@code AudioChannel} (the UI8 entries of a Custom channel mapping) and
 * {@code AudioChannelMask} (the bits of a Native channel flag word), enhanced-rtmp-v2.md
 * "ExAudioTagBody". The 24 positions 0..23 have mask {@code 1 << value}; {@link #UNUSED} and
 * {@link #UNKNOWN} exist only in mappings. Values 24..0xFD are reserved and rejected.
 */
public enum AudioChannel {
    /** 0: FrontLeft; mask 0x000001. */
    FRONT_LEFT(0, "FrontLeft"),
    /** 1: FrontRight; mask 0x000002. */
    FRONT_RIGHT(1, "FrontRight"),
    /** 2: FrontCenter; mask 0x000004. */
    FRONT_CENTER(2, "FrontCenter"),
    /** 3: LowFrequency1; mask 0x000008. */
    LOW_FREQUENCY_1(3, "LowFrequency1"),
    /** 4: BackLeft; mask 0x000010. */
    BACK_LEFT(4, "BackLeft"),
    /** 5: BackRight; mask 0x000020. */
    BACK_RIGHT(5, "BackRight"),
    /** 6: FrontLeftCenter; mask 0x000040. */
    FRONT_LEFT_CENTER(6, "FrontLeftCenter"),
    /** 7: FrontRightCenter; mask 0x000080. */
    FRONT_RIGHT_CENTER(7, "FrontRightCenter"),
    /** 8: BackCenter; mask 0x000100. */
    BACK_CENTER(8, "BackCenter"),
    /** 9: SideLeft; mask 0x000200. */
    SIDE_LEFT(9, "SideLeft"),
    /** 10: SideRight; mask 0x000400. */
    SIDE_RIGHT(10, "SideRight"),
    /** 11: TopCenter; mask 0x000800. */
    TOP_CENTER(11, "TopCenter"),
    /** 12: TopFrontLeft; mask 0x001000. */
    TOP_FRONT_LEFT(12, "TopFrontLeft"),
    /** 13: TopFrontCenter; mask 0x002000. */
    TOP_FRONT_CENTER(13, "TopFrontCenter"),
    /** 14: TopFrontRight; mask 0x004000. */
    TOP_FRONT_RIGHT(14, "TopFrontRight"),
    /** 15: TopBackLeft; mask 0x008000. */
    TOP_BACK_LEFT(15, "TopBackLeft"),
    /** 16: TopBackCenter; mask 0x010000. */
    TOP_BACK_CENTER(16, "TopBackCenter"),
    /** 17: TopBackRight; mask 0x020000. */
    TOP_BACK_RIGHT(17, "TopBackRight"),
    /** 18: LowFrequency2; mask 0x040000. */
    LOW_FREQUENCY_2(18, "LowFrequency2"),
    /** 19: TopSideLeft; mask 0x080000. */
    TOP_SIDE_LEFT(19, "TopSideLeft"),
    /** 20: TopSideRight; mask 0x100000. */
    TOP_SIDE_RIGHT(20, "TopSideRight"),
    /** 21: BottomFrontCenter; mask 0x200000. */
    BOTTOM_FRONT_CENTER(21, "BottomFrontCenter"),
    /** 22: BottomFrontLeft; mask 0x400000. */
    BOTTOM_FRONT_LEFT(22, "BottomFrontLeft"),
    /** 23: BottomFrontRight; mask 0x800000. */
    BOTTOM_FRONT_RIGHT(23, "BottomFrontRight"),
    /** 0xFE: the channel is empty and can be skipped (no mask). */
    UNUSED(0xFE, "Unused"),
    /** 0xFF: the channel carries data but its speaker is unknown (no mask). */
    UNKNOWN(0xFF, "Unknown");

    private static final WireValues<AudioChannel> BY_VALUE =
            new WireValues<>(values(), AudioChannel::value, 256,
                    "audio channel", "enhanced-rtmp-v2.md AudioChannel");

    private final int value;
    private final String specName;

    AudioChannel(int value, String specName) {
        this.value = value;
        this.specName = specName;
    }

    /**
     * The UI8 mapping value.
     *
     * @return the mapping value
     */
    public int value() {
        return value;
    }

    /**
     * The spec's name (FrontLeft, ...).
     *
     * @return the name as the spec writes it
     */
    public String specName() {
        return specName;
    }

    /**
     * The {@code AudioChannelMask} bit of this position, or 0 for {@link #UNUSED} / {@link #UNKNOWN}.
     *
     * @return the mask bit, or 0
     */
    public long mask() {
        return value < 24 ? 1L << value : 0L;
    }

    /**
     * Whether a Native-order flag word (UI32) has this position's bit set.
     *
     * @param channelFlags the AudioChannelMask flag word
     * @return true if the bit is set
     */
    public boolean isPresentIn(long channelFlags) {
        return (channelFlags & mask()) != 0;
    }

    /**
     * Reverse lookup by mapping value; empty for reserved values.
     *
     * @param value the wire value
     * @return the channel, or empty
     */
    public static Optional<AudioChannel> fromValue(int value) {
        return BY_VALUE.find(value);
    }

    static AudioChannel require(int value) {
        return BY_VALUE.require(value);
    }
}
