package io.rtmp4j.flv;

import io.rtmp4j.RtmpProtocolException;
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

    private static final AudioPacketType[] BY_VALUE = new AudioPacketType[16];

    static {
        for (AudioPacketType t : values()) {
            BY_VALUE[t.value] = t;
        }
    }

    private final int value;
    private final String specName;

    AudioPacketType(int value, String specName) {
        this.value = value;
        this.specName = specName;
    }

    /** The wire value. */
    public int value() {
        return value;
    }

    /** The name as enhanced-rtmp-v2.md spells it (SequenceStart, CodedFrames, ...). */
    public String specName() {
        return specName;
    }

    /** Reverse lookup; empty for reserved values. */
    public static Optional<AudioPacketType> fromValue(int value) {
        return value >= 0 && value < BY_VALUE.length ? Optional.ofNullable(BY_VALUE[value]) : Optional.empty();
    }

    static AudioPacketType require(int value) {
        if (value >= 0 && value < BY_VALUE.length && BY_VALUE[value] != null) {
            return BY_VALUE[value];
        }
        throw new RtmpProtocolException("reserved audio packet type " + value + " (enhanced-rtmp-v2.md \"Enhanced Audio\")");
    }
}
