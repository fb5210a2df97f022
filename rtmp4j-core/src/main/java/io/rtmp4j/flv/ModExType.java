package io.rtmp4j.flv;

import java.util.Optional;

/**
 * {@code VideoPacketModExType} / {@code AudioPacketModExType} UB[4] of enhanced-rtmp-v2.md (the two
 * enums have the same values). Unknown types are kept in {@link ModEx} as their raw value.
 */
public enum ModExType {
    /** 0: a UI24 nanosecond offset (0..999 999) added to the message's presentation time. */
    TIMESTAMP_OFFSET_NANO(0, "TimestampOffsetNano");

    private static final WireValues<ModExType> BY_VALUE =
            new WireValues<>(values(), ModExType::value, 16,
                    "ModEx type", "enhanced-rtmp-v2.md VideoPacketModExType");

    private final int value;
    private final String specName;

    ModExType(int value, String specName) {
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
     * The spec's name, e.g. TimestampOffsetNano.
     *
     * @return the name as the spec writes it
     */
    public String specName() {
        return specName;
    }

    /**
     * Reverse lookup; empty for types this version does not know.
     *
     * @param value the wire value
     * @return the ModEx type, or empty
     */
    public static Optional<ModExType> fromValue(int value) {
        return BY_VALUE.find(value);
    }
}
