package io.rtmp4j.flv;

import java.util.Arrays;
import java.util.Objects;

/**
 * A legacy audio tag body, flv-10.1.txt Annex E.4.2.1: {@code SoundFormat UB[4] | SoundRate UB[2] |
 * SoundSize UB[1] | SoundType UB[1]}, then for AAC {@code AACPacketType UI8}, then the data. The data
 * of other formats (MP3, PCM, ADPCM, Nellymoser, G.711, Speex, ...) is kept verbatim.
 *
 * <p>Example: {@code AF 01} + raw AAC is {@code LegacyAudioTag.aac(CODED_FRAMES, raw)}.
 *
 * @param format        the sound format (not {@link SoundFormat#EX_HEADER})
 * @param soundRate     0 = 5.5 kHz, 1 = 11 kHz, 2 = 22 kHz, 3 = 44 kHz
 * @param soundSize     0 = 8-bit, 1 = 16-bit samples
 * @param soundType     0 = mono, 1 = stereo
 * @param aacPacketType for AAC: SEQUENCE_START (0, AudioSpecificConfig) or CODED_FRAMES (1, raw); null otherwise
 * @param data          the rest of the body (owned by this value; do not modify)
 */
public record LegacyAudioTag(SoundFormat format, int soundRate, int soundSize, int soundType,
                             AudioPacketType aacPacketType, byte[] data) implements AudioTag {

    /**
     * Checks the legacy header (flv-10.1.txt E.4.2.1): format and data are present, the format is not 9
     * (the enhanced header, {@link ExAudioTag}), sound rate 0..3, size and type 0..1, and an
     * AACPacketType of 0 or 1 present exactly when the format is AAC.
     *
     * @param format the sound format (not {@link SoundFormat#EX_HEADER})
     * @param soundRate 0 = 5.5 kHz, 1 = 11 kHz, 2 = 22 kHz, 3 = 44 kHz
     * @param soundSize 0 = 8-bit, 1 = 16-bit samples
     * @param soundType 0 = mono, 1 = stereo
     * @param aacPacketType for AAC: SEQUENCE_START (0, AudioSpecificConfig) or CODED_FRAMES (1, raw)
     * @param data the rest of the body (owned by this value
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public LegacyAudioTag {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(data, "data");
        if (format == SoundFormat.EX_HEADER) {
            throw new IllegalArgumentException("SoundFormat 9 is the enhanced header: use ExAudioTag");
        }
        if (soundRate < 0 || soundRate > 3 || soundSize < 0 || soundSize > 1 || soundType < 0 || soundType > 1) {
            throw new IllegalArgumentException("soundRate 0..3, soundSize 0..1, soundType 0..1");
        }
        if (format == SoundFormat.AAC) {
            Objects.requireNonNull(aacPacketType, "aacPacketType is required for AAC");
            if (aacPacketType.value() > 1) {
                throw new IllegalArgumentException("AACPacketType must be 0 or 1: " + aacPacketType);
            }
        } else if (aacPacketType != null) {
            throw new IllegalArgumentException("AACPacketType only exists for AAC");
        }
    }

    /**
     * An AAC tag with the customary header byte {@code 0xAF} (44 kHz, 16-bit, stereo, per E.4.2.1).
     *
     * @param aacPacketType sequence header (0) or raw (1)
     * @param data the AAC data
     * @return the tag
     */
    public static LegacyAudioTag aac(AudioPacketType aacPacketType, byte[] data) {
        return new LegacyAudioTag(SoundFormat.AAC, 3, 1, 1, aacPacketType, data);
    }

    /**
     * Sample rate in Hz that the SoundRate field names: 5512, 11025, 22050 or 44100.
     *
     * @return the sample rate in Hz
     */
    public int sampleRateHz() {
        return switch (soundRate) {
            case 0 -> 5512;
            case 1 -> 11025;
            case 2 -> 22050;
            default -> 44100;
        };
    }

    /**
     * True if SoundType says stereo.
     *
     * @return true for stereo
     */
    public boolean stereo() {
        return soundType == 1;
    }

    /**
     * 8 or 16.
     *
     * @return the sample size in bits
     */
    public int bitsPerSample() {
        return soundSize == 1 ? 16 : 8;
    }

    @Override
    public boolean enhanced() {
        return false;
    }

    @Override
    public boolean isSequenceHeader() {
        return aacPacketType == AudioPacketType.SEQUENCE_START;
    }

    @Override
    public byte[] toBytes() {
        boolean aac = format == SoundFormat.AAC;
        TagBodyWriter w = new TagBodyWriter(1 + (aac ? 1 : 0) + data.length);
        w.u8(format.value() << 4 | soundRate << 2 | soundSize << 1 | soundType);
        if (aac) {
            w.u8(aacPacketType.value());
        }
        return w.bytes(data).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LegacyAudioTag t && format == t.format && soundRate == t.soundRate
                && soundSize == t.soundSize && soundType == t.soundType && aacPacketType == t.aacPacketType
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, soundRate, soundSize, soundType, aacPacketType) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "LegacyAudioTag[" + format + ", rate=" + soundRate + ", size=" + soundSize + ", type=" + soundType
                + (aacPacketType != null ? ", " + aacPacketType : "") + ", data=" + data.length + " bytes]";
    }
}
