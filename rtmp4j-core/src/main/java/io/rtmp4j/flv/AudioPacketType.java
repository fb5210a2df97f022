package io.rtmp4j.flv;

import java.util.Optional;

/**
 * Enhanced audio packet type: {@code AudioPacketType} UB[4] of enhanced-rtmp-v2.md "Enhanced
 * Audio". Values 3, 6 and 8..15 are reserved and rejected.
 *
 * <p>The legacy {@code AACPacketType} of flv-10.1.txt E.4.2.1 (0 = sequence header, 1 = raw) has
 * the same values and meaning as {@link #SEQUENCE_START} and {@link #CODED_FRAMES}, so legacy AAC
 * tags use this enum too.
 */
public enum AudioPacketType {
    /** 0: decoder configuration (AudioSpecificConfig, Opus ID header, FLAC STREAMINFO, ...). */
    SEQUENCE_START(0, "SequenceStart"),
    /** 1: coded frames. */
    CODED_FRAMES(1, "CodedFrames"),
    /** 2: end of sequence (at least the meaning of a silence message). */
    SEQUENCE_END(2, "SequenceEnd"),
    /** 4: multichannel configuration ({@link MultichannelConfig}). */
    MULTICHANNEL_CONFIG(4, "MultichannelConfig"),
    /** 5: multitrack mode. */
    MULTITRACK(5, "Multitrack"),
    /** 7: modifier/extension prefix ({@link ModEx}). */
    MOD_EX(7, "ModEx");

    private static final WireValues<AudioPacketType> BY_VALUE =
            new WireValues<>(values(), AudioPacketType::value, 16,
                    "audio packet type", "enhanced-rtmp-v2.md \"Enhanced Audio\"");

    private final int value;
    private final String specName;

    AudioPacketType(int value, String specName) {
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
     * The name as enhanced-rtmp-v2.md spells it (SequenceStart, CodedFrames, ...).
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
     * @return the packet type, or empty
     */
    public static Optional<AudioPacketType> fromValue(int value) {
        return BY_VALUE.find(value);
    }

    static AudioPacketType require(int value) {
        return BY_VALUE.require(value);
    }
}
