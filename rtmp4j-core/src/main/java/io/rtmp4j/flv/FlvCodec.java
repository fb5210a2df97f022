package io.rtmp4j.flv;

/**
 * A codec as an FLV tag header names it: a legacy video {@link VideoCodecId}, an enhanced
 * {@link VideoFourCc}, a legacy {@link SoundFormat} or an enhanced {@link AudioFourCc}.
 *
 * <p>{@link #specName()} is the short name {@code rtmp4j inspect --json} prints: the FourCC text for
 * enhanced codecs ({@code "hvc1"}, {@code "Opus"}) and a fixed lower-case name for legacy ids
 * ({@code "avc"}, {@code "aac"}).
 */
public sealed interface FlvCodec permits VideoCodecId, VideoFourCc, SoundFormat, AudioFourCc {

    /**
     * The name used by {@code rtmp4j inspect}; see the implementing enums.
     *
     * @return the codec name
     */
    String specName();

    /**
     * True for video codecs, false for audio codecs.
     *
     * @return true for video
     */
    boolean isVideo();

    /**
     * True for the enhanced (FourCC) codecs of enhanced-rtmp-v2.md, false for legacy ids.
     *
     * @return true for FourCC codecs
     */
    boolean isEnhanced();
}
