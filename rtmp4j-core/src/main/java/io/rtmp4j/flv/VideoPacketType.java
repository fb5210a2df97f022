package io.rtmp4j.flv;

import java.util.Optional;

/**
 * Enhanced video packet type: {@code VideoPacketType} UB[4] of enhanced-rtmp-v2.md "Enhanced Video".
 * Values 8..15 are reserved and rejected.
 *
 * <p>The legacy {@code AVCPacketType} of flv-10.1.txt E.4.3.1 (0 = sequence header, 1 = NALU,
 * 2 = end of sequence) has the same values and meaning as {@link #SEQUENCE_START},
 * {@link #CODED_FRAMES} and {@link #SEQUENCE_END}, so legacy AVC tags use this enum too.
 */
public enum VideoPacketType {
    /** 0: decoder configuration record (avcC, hvcC, av1C, vpcC, vvcC). */
    SEQUENCE_START(0, "SequenceStart"),
    /** 1: coded frames; for avc1, hvc1 and vvc1 preceded by a SI24 composition time offset. */
    CODED_FRAMES(1, "CodedFrames"),
    /** 2: end of sequence. */
    SEQUENCE_END(2, "SequenceEnd"),
    /** 3: coded frames with an implied composition time offset of zero. */
    CODED_FRAMES_X(3, "CodedFramesX"),
    /** 4: AMF-encoded metadata such as {@code colorInfo}; the frame type is ignored. */
    METADATA(4, "Metadata"),
    /** 5: MPEG-2 TS carriage sequence start (AV1 video descriptor). */
    MPEG2TS_SEQUENCE_START(5, "MPEG2TSSequenceStart"),
    /** 6: multitrack mode. */
    MULTITRACK(6, "Multitrack"),
    /** 7: modifier/extension prefix ({@link ModEx}). */
    MOD_EX(7, "ModEx");

    private static final WireValues<VideoPacketType> BY_VALUE =
            new WireValues<>(values(), VideoPacketType::value, 16,
                    "video packet type", "enhanced-rtmp-v2.md \"Enhanced Video\"");

    private final int value;
    private final String specName;

    VideoPacketType(int value, String specName) {
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
    public static Optional<VideoPacketType> fromValue(int value) {
        return BY_VALUE.find(value);
    }

    static VideoPacketType require(int value) {
        return BY_VALUE.require(value);
    }
}
