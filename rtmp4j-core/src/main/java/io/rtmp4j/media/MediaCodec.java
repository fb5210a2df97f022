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
    H263(MediaType.VIDEO), SCREEN_VIDEO(MediaType.VIDEO), VP6(MediaType.VIDEO), VP6_ALPHA(MediaType.VIDEO),
    SCREEN_VIDEO_V2(MediaType.VIDEO), H264(MediaType.VIDEO), HEVC(MediaType.VIDEO), VVC(MediaType.VIDEO),
    AV1(MediaType.VIDEO), VP8(MediaType.VIDEO), VP9(MediaType.VIDEO),
    PCM_PLATFORM_ENDIAN(MediaType.AUDIO), ADPCM(MediaType.AUDIO), MP3(MediaType.AUDIO),
    PCM_LITTLE_ENDIAN(MediaType.AUDIO), NELLYMOSER_16K_MONO(MediaType.AUDIO), NELLYMOSER_8K_MONO(MediaType.AUDIO),
    NELLYMOSER(MediaType.AUDIO), G711_A_LAW(MediaType.AUDIO), G711_MU_LAW(MediaType.AUDIO), AAC(MediaType.AUDIO),
    SPEEX(MediaType.AUDIO), MP3_8K(MediaType.AUDIO), DEVICE_SPECIFIC(MediaType.AUDIO), OPUS(MediaType.AUDIO),
    FLAC(MediaType.AUDIO), AC3(MediaType.AUDIO), EAC3(MediaType.AUDIO);

    private final MediaType type;

    MediaCodec(MediaType type) {
        this.type = type;
    }

    /** Audio or video. */
    public MediaType type() {
        return type;
    }

    /**
     * The codec an FLV header names; null for {@link SoundFormat#EX_HEADER}, which is not a codec.
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
