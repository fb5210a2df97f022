package io.rtmp4j.flv;

import java.util.Optional;

/**
 * Video frame type: the {@code FrameType} UB[4] of flv-10.1.txt Annex E.4.3.1, which
 * enhanced-rtmp-v2.md "Enhanced Video" narrows to UB[3] ({@code VideoFrameType}) after the
 * {@code IsExHeader} bit. Values 0, 6 and 7 are reserved and rejected.
 */
public enum VideoFrameType {
    /** 1: a seekable frame. */
    KEY(1, "key"),
    /** 2: a non-seekable frame. */
    INTER(2, "inter"),
    /** 3: disposable inter frame (H.263 only). */
    DISPOSABLE(3, "disposable"),
    /** 4: generated key frame (reserved for server use). */
    GENERATED(4, "generated"),
    /** 5: video info / command frame; the body is a {@link VideoCommand}. */
    COMMAND(5, "command");

    private static final WireValues<VideoFrameType> BY_VALUE =
            new WireValues<>(values(), VideoFrameType::value, 8,
                    "video frame type", "flv-10.1.txt E.4.3.1");

    private final int value;
    private final String specName;

    VideoFrameType(int value, String specName) {
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
     * The name {@code rtmp4j inspect} prints: key, inter, disposable, generated, command.
     *
     * @return the printed name
     */
    public String specName() {
        return specName;
    }

    /**
     * Reverse lookup; empty for reserved values.
     *
     * @param value the wire value
     * @return the frame type, or empty
     */
    public static Optional<VideoFrameType> fromValue(int value) {
        return BY_VALUE.find(value);
    }

    static VideoFrameType require(int value) {
        return BY_VALUE.require(value);
    }
}
