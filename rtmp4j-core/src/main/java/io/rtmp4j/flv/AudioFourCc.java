package io.rtmp4j.flv;

import java.util.Optional;

/**
 * Enhanced audio codec FourCC: {@code AudioFourCc} of enhanced-rtmp-v2.md "Enhanced Audio". Any
 * other FourCC is rejected (the spec requires a controlled failure for unrecognized FourCCs).
 */
public enum AudioFourCc implements FlvCodec {
    /** {@code ac-3}: Dolby AC-3. */
    AC3("ac-3"),
    /** {@code ec-3}: Dolby E-AC-3. */
    EAC3("ec-3"),
    /** {@code Opus}. */
    OPUS("Opus"),
    /** {@code .mp3}: MP3. */
    MP3(".mp3"),
    /** {@code fLaC}: FLAC. */
    FLAC("fLaC"),
    /** {@code mp4a}: AAC. */
    AAC("mp4a");

    private static final FourCc.Table<AudioFourCc> BY_CODE =
            new FourCc.Table<>(values(), AudioFourCc::code, "audio FourCC", "enhanced-rtmp-v2.md AudioFourCc");

    private final String text;
    private final int code;

    AudioFourCc(String text) {
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

    /** The four characters, e.g. {@code "Opus"}; also the name {@code rtmp4j inspect} prints. */
    @Override
    public String specName() {
        return text;
    }

    @Override
    public boolean isVideo() {
        return false;
    }

    @Override
    public boolean isEnhanced() {
        return true;
    }

    /**
     * Reverse lookup by UI32 code; empty for unknown FourCCs.
     *
     * @param code the UI32 value
     * @return the FourCC, or empty
     */
    public static Optional<AudioFourCc> fromCode(int code) {
        return BY_CODE.find(code);
    }

    /**
     * Reverse lookup by text ({@code "fLaC"}); empty for unknown FourCCs.
     *
     * @param text the four characters
     * @return the FourCC, or empty
     */
    public static Optional<AudioFourCc> fromText(String text) {
        return BY_CODE.find(text);
    }

    static AudioFourCc require(int code) {
        return BY_CODE.require(code);
    }
}
