package io.rtmp4j.flv;

import java.util.Optional;

/**
 * Legacy audio {@code SoundFormat} UB[4]: flv-10.1.txt Annex E.4.2.1 and enhanced-rtmp-v2.md
 * {@code SoundFormat}. Value 9 ({@link #EX_HEADER}) switches to the enhanced FourCC header;
 * 12 and 13 are reserved and rejected.
 */
public enum SoundFormat implements FlvCodec {
    /** 0: linear PCM, platform endian. */
    PCM_PLATFORM_ENDIAN(0, "pcm"),
    /** 1: ADPCM. */
    ADPCM(1, "adpcm"),
    /** 2: MP3. */
    MP3(2, "mp3"),
    /** 3: linear PCM, little endian. */
    PCM_LITTLE_ENDIAN(3, "pcm_le"),
    /** 4: Nellymoser 16 kHz mono. */
    NELLYMOSER_16K_MONO(4, "nellymoser"),
    /** 5: Nellymoser 8 kHz mono. */
    NELLYMOSER_8K_MONO(5, "nellymoser"),
    /** 6: Nellymoser. */
    NELLYMOSER(6, "nellymoser"),
    /** 7: G.711 A-law. */
    G711_A_LAW(7, "g711a"),
    /** 8: G.711 mu-law. */
    G711_MU_LAW(8, "g711u"),
    /** 9: enhanced audio header follows (enhanced-rtmp-v2.md "Enhanced Audio"); not a codec itself. */
    EX_HEADER(9, "ExHeader"),
    /** 10: AAC; the body starts with AACPacketType. */
    AAC(10, "aac"),
    /** 11: Speex. */
    SPEEX(11, "speex"),
    /** 14: MP3 8 kHz. */
    MP3_8K(14, "mp3_8k"),
    /** 15: device-specific sound. */
    DEVICE_SPECIFIC(15, "device");

    private static final WireValues<SoundFormat> BY_VALUE =
            new WireValues<>(values(), SoundFormat::value, 16,
                    "sound format", "flv-10.1.txt E.4.2.1");

    private final int value;
    private final String specName;

    SoundFormat(int value, String specName) {
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
        return false;
    }

    @Override
    public boolean isEnhanced() {
        return false;
    }

    /**
     * Reverse lookup; empty for reserved values 12 and 13.
     *
     * @param value the wire value
     * @return the sound format, or empty
     */
    public static Optional<SoundFormat> fromValue(int value) {
        return BY_VALUE.find(value);
    }

    static SoundFormat require(int value) {
        return BY_VALUE.require(value);
    }
}
