package io.rtmp4j.flv;

import java.util.Optional;

/**
 * {@code AudioChannelOrder} UI8 of a {@link MultichannelConfig} (enhanced-rtmp-v2.md
 * "ExAudioTagBody"). Values 3..255 are reserved and rejected.
 */
public enum AudioChannelOrder {
    /** 0: only the channel count is given. */
    UNSPECIFIED(0, "Unspecified"),
    /** 1: channels in {@link AudioChannel} order; a UI32 flag word says which are present. */
    NATIVE(1, "Native"),
    /** 2: an explicit UI8 speaker per channel. */
    CUSTOM(2, "Custom");

    private static final WireValues<AudioChannelOrder> BY_VALUE =
            new WireValues<>(values(), AudioChannelOrder::value, 256,
                    "audio channel order", "enhanced-rtmp-v2.md AudioChannelOrder");

    private final int value;
    private final String specName;

    AudioChannelOrder(int value, String specName) {
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

    /**
     * Unspecified, Native or Custom.
     *
     * @return the name as the spec writes it
     */
    public String specName() {
        return specName;
    }

    /**
     * Reverse lookup; empty for reserved values.
     *
     * @param value the wire value
     * @return the order, or empty
     */
    public static Optional<AudioChannelOrder> fromValue(int value) {
        return BY_VALUE.find(value);
    }

    static AudioChannelOrder require(int value) {
        return BY_VALUE.require(value);
    }
}
