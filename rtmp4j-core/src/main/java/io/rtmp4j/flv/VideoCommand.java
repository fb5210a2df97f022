package io.rtmp4j.flv;

import java.util.Optional;

/**
 * The UI8 body of a video command frame (frame type 5): flv-10.1.txt E.4.3.1 VideoTagBody,
 * enhanced-rtmp-v2.md {@code VideoCommand}. Values 2..255 are reserved and rejected.
 */
public enum VideoCommand {
    /** 0: start of client-side seeking video frame sequence. */
    START_SEEK(0, "StartSeek"),
    /** 1: end of client-side seeking video frame sequence. */
    END_SEEK(1, "EndSeek");

    private static final WireValues<VideoCommand> BY_VALUE =
            new WireValues<>(values(), VideoCommand::value, 256,
                    "video command", "enhanced-rtmp-v2.md VideoCommand");

    private final int value;
    private final String specName;

    VideoCommand(int value, String specName) {
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
     * StartSeek or EndSeek.
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
     * @return the command, or empty
     */
    public static Optional<VideoCommand> fromValue(int value) {
        return BY_VALUE.find(value);
    }

    static VideoCommand require(int value) {
        return BY_VALUE.require(value);
    }
}
