package io.rtmp4j.media;

import io.rtmp4j.flv.AudioFourCc;
import io.rtmp4j.flv.FlvCodec;
import io.rtmp4j.flv.SoundFormat;
import io.rtmp4j.flv.VideoCodecId;
import io.rtmp4j.flv.VideoFourCc;

/**
 * A codec independent of how the FLV header named it: legacy AVC (codec id 7) and enhanced
 * {@code avc1} are both {@link #H264}, legacy AAC (sound format 10) and {@code mp4a} both
 * {@link #AAC}, legacy MP3 (2) and {@code .mp3} both {@link #MP3}. {@link #of(FlvCodec)} maps every
 * legacy id and FourCC of flv-10.1.txt Annex E.4.2/E.4.3 and enhanced-rtmp-v2.md.
 */
public enum MediaCodec {
    /** Sorenson H.263 (legacy video codec id 2). */
    H263(MediaType.VIDEO),
    /** Screen video (legacy video codec id 3). */
    SCREEN_VIDEO(MediaType.VIDEO),
    /** On2 VP6 (legacy video codec id 4). */
    VP6(MediaType.VIDEO),
    /** On2 VP6 with an alpha channel (legacy video codec id 5). */
    VP6_ALPHA(MediaType.VIDEO),
    /** Screen video version 2 (legacy video codec id 6). */
    SCREEN_VIDEO_V2(MediaType.VIDEO),
    /** H.264 / AVC: legacy video codec id 7, or FourCC {@code avc1}. */
    H264(MediaType.VIDEO),
    /** H.265 / HEVC: FourCC {@code hvc1}. */
    HEVC(MediaType.VIDEO),
    /** H.266 / VVC: FourCC {@code vvc1}. */
    VVC(MediaType.VIDEO),
    /** AV1: FourCC {@code av01}. */
    AV1(MediaType.VIDEO),
    /** VP8: FourCC {@code vp08}. */
    VP8(MediaType.VIDEO),
    /** VP9: FourCC {@code vp09}. */
    VP9(MediaType.VIDEO),
    /** Linear PCM in the byte order of the recording platform (legacy sound format 0). */
    PCM_PLATFORM_ENDIAN(MediaType.AUDIO),
    /** ADPCM (legacy sound format 1). */
    ADPCM(MediaType.AUDIO),
    /** MP3: legacy sound format 2, or FourCC {@code .mp3}. */
    MP3(MediaType.AUDIO),
    /** Linear PCM, little-endian (legacy sound format 3). */
    PCM_LITTLE_ENDIAN(MediaType.AUDIO),
    /** Nellymoser at 16 kHz, mono (legacy sound format 4). */
    NELLYMOSER_16K_MONO(MediaType.AUDIO),
    /** Nellymoser at 8 kHz, mono (legacy sound format 5). */
    NELLYMOSER_8K_MONO(MediaType.AUDIO),
    /** Nellymoser (legacy sound format 6). */
    NELLYMOSER(MediaType.AUDIO),
    /** G.711 A-law (legacy sound format 7). */
    G711_A_LAW(MediaType.AUDIO),
    /** G.711 mu-law (legacy sound format 8). */
    G711_MU_LAW(MediaType.AUDIO),
    /** AAC: legacy sound format 10, or FourCC {@code mp4a}. */
    AAC(MediaType.AUDIO),
    /** Speex (legacy sound format 11). */
    SPEEX(MediaType.AUDIO),
    /** MP3 at 8 kHz (legacy sound format 14). */
    MP3_8K(MediaType.AUDIO),
    /** A device-specific sound (legacy sound format 15). */
    DEVICE_SPECIFIC(MediaType.AUDIO),
    /** Opus: FourCC {@code Opus}. */
    OPUS(MediaType.AUDIO),
    /** FLAC: FourCC {@code fLaC}. */
    FLAC(MediaType.AUDIO),
    /** AC-3: FourCC {@code ac-3}. */
    AC3(MediaType.AUDIO),
    /** E-AC-3: FourCC {@code ec-3}. */
    EAC3(MediaType.AUDIO);

    private final MediaType type;

    MediaCodec(MediaType type) {
        this.type = type;
    }

    /**
     * Audio or video.
     *
     * @return the media type of the codec
     */
    public MediaType type() {
        return type;
    }

    /**
     * The codec an FLV header names; null for {@link SoundFormat#EX_HEADER}, which is not a codec.
     *
     * @param codec a legacy codec id, sound format or FourCC
     * @return the codec, or null for the enhanced-header marker
     */
    public static MediaCodec of(FlvCodec codec) {
        if (codec instanceof VideoCodecId v) {
            return switch (v) {
                case SORENSON_H263 -> H263;
                case SCREEN -> SCREEN_VIDEO;
                case VP6 -> VP6;
                case VP6_ALPHA -> VP6_ALPHA;
                case SCREEN_V2 -> SCREEN_VIDEO_V2;
                case AVC -> H264;
            };
        }
        if (codec instanceof VideoFourCc v) {
            return switch (v) {
                case VP8 -> VP8;
                case VP9 -> VP9;
                case AV1 -> AV1;
                case AVC -> H264;
                case HEVC -> HEVC;
                case VVC -> VVC;
            };
        }
        if (codec instanceof SoundFormat s) {
            return switch (s) {
                case PCM_PLATFORM_ENDIAN -> PCM_PLATFORM_ENDIAN;
                case ADPCM -> ADPCM;
                case MP3 -> MP3;
                case PCM_LITTLE_ENDIAN -> PCM_LITTLE_ENDIAN;
                case NELLYMOSER_16K_MONO -> NELLYMOSER_16K_MONO;
                case NELLYMOSER_8K_MONO -> NELLYMOSER_8K_MONO;
                case NELLYMOSER -> NELLYMOSER;
                case G711_A_LAW -> G711_A_LAW;
                case G711_MU_LAW -> G711_MU_LAW;
                case EX_HEADER -> null;
                case AAC -> AAC;
                case SPEEX -> SPEEX;
                case MP3_8K -> MP3_8K;
                case DEVICE_SPECIFIC -> DEVICE_SPECIFIC;
            };
        }
        if (codec instanceof AudioFourCc a) {
            return switch (a) {
                case AC3 -> AC3;
                case EAC3 -> EAC3;
                case OPUS -> OPUS;
                case MP3 -> MP3;
                case FLAC -> FLAC;
                case AAC -> AAC;
            };
        }
        return null;
    }
}
