package io.rtmp4j.server;

import io.rtmp4j.flv.AudioTag;
import io.rtmp4j.flv.FlvCodec;
import io.rtmp4j.flv.VideoTag;
import java.util.Arrays;

/**
 * The {@link FrameClassifier} of the server: the header-only peeks of {@link VideoTag} and
 * {@link AudioTag} (legacy flv-10.1.txt E.4.2.1 / E.4.3.1 and Enhanced RTMP v1/v2, multitrack
 * included), which copy no payload. A sequence header is identified by type, codec and track ids, so a
 * legacy AVC header and an enhanced one, and every track of a multitrack stream, are all kept for late
 * joiners (docs/INTEROP.md "Media").
 */
final class TagClassifier implements FrameClassifier {

    @Override
    public boolean isKeyframe(byte[] video) {
        if (!VideoTag.isKeyframe(video)) {
            return false;
        }
        for (int track : VideoTag.trackIds(video)) {
            if (track == 0) {
                return true; // the default track (FFmpeg 8 sends it as an ordinary tag)
            }
        }
        return false;
    }

    @Override
    public String configKey(int typeId, byte[] payload) {
        if (typeId == Frame.VIDEO) {
            if (VideoTag.isSequenceHeader(payload)) {
                return key("video", VideoTag.codec(payload), VideoTag.trackIds(payload));
            }
            // enhanced-rtmp-v2.md "Metadata" (colorInfo, HDR): FFmpeg 8.1 sends it just before keyframes,
            // outside the GOP; a joiner needs the latest one like a sequence header
            if ((payload[0] & 0x80) != 0 && enhancedType(payload, VIDEO_METADATA, VIDEO_MULTITRACK)) {
                return key("video-metadata", VideoTag.codec(payload), VideoTag.trackIds(payload));
            }
            return null;
        }
        if (typeId == Frame.AUDIO) {
            if (AudioTag.isSequenceHeader(payload)) {
                return key("audio", AudioTag.codec(payload), AudioTag.trackIds(payload));
            }
            // enhanced-rtmp-v2.md "MultichannelConfig": the channel layout a decoder needs
            if ((payload[0] >> 4 & 0x0F) == AUDIO_EX_HEADER
                    && enhancedType(payload, AUDIO_MULTICHANNEL_CONFIG, AUDIO_MULTITRACK)) {
                return key("audio-multichannel", AudioTag.codec(payload), AudioTag.trackIds(payload));
            }
        }
        return null;
    }

    // enhanced-rtmp-v2.md: VideoPacketType Metadata = 4, Multitrack = 6; SoundFormat ExHeader = 9,
    // AudioPacketType MultichannelConfig = 4, Multitrack = 5
    private static final int VIDEO_METADATA = 4;
    private static final int VIDEO_MULTITRACK = 6;
    private static final int AUDIO_EX_HEADER = 9;
    private static final int AUDIO_MULTICHANNEL_CONFIG = 4;
    private static final int AUDIO_MULTITRACK = 5;

    /**
     * Whether an enhanced tag's packet type (low nibble of byte 0) is {@code type}, directly or as the
     * inner packet type of a Multitrack tag (low nibble of byte 1, after AvMultitrackType).
     */
    private static boolean enhancedType(byte[] p, int type, int multitrack) {
        int t = p[0] & 0x0F;
        return t == type || t == multitrack && p.length > 1 && (p[1] & 0x0F) == type;
    }

    private static String key(String type, FlvCodec codec, int[] tracks) {
        return type + "/" + codec + "/" + Arrays.toString(tracks);
    }
}
