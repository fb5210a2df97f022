package io.rtmp4j.netty.client;

/**
 * The first bytes of FLV audio / video tag bodies, read just enough to find the points where a stream can
 * move to another connection (enhanced-rtmp-v2.md "Reconnect Request": "up to the next appropriate media
 * boundary, such as a keyframe") and the sequence headers a new connection needs first.
 */
final class MediaBoundaries {

    private MediaBoundaries() {
    }

    /**
     * A video key frame (frame type 1: flv-10.1.txt E.4.3.1 VIDEODATA FrameType; enhanced-rtmp-v2.md keeps
     * the frame type in the same bits 6-4 of the first byte, with bit 7 IsExHeader).
     */
    static boolean isKeyFrame(byte[] video) {
        return video.length > 0 && ((video[0] >> 4) & 0x07) == 1;
    }

    /**
     * A video sequence header: legacy AVC (codec 7) with AVCPacketType 0 (flv-10.1.txt E.4.3.1), or an
     * enhanced one (IsExHeader set) with VideoPacketType SequenceStart (0) or MPEG2TSSequenceStart (5)
     * (enhanced-rtmp-v2.md "Enhanced Video"). Multitrack bodies are not looked into.
     */
    static boolean isVideoHeader(byte[] video) {
        if (video.length < 2) {
            return false;
        }
        int b0 = video[0] & 0xFF;
        if ((b0 & 0x80) != 0) {
            int packetType = b0 & 0x0F;
            return packetType == 0 || packetType == 5;
        }
        int codec = b0 & 0x0F;
        return (codec == 7 || codec == 12) && video[1] == 0; // 12: HEVC as the pre-enhanced Chinese CDNs send it
    }

    /**
     * An audio sequence header: legacy AAC (SoundFormat 10) with AACPacketType 0 (flv-10.1.txt E.4.2.1), or
     * an enhanced one (SoundFormat 9, ExHeader) with AudioPacketType SequenceStart (0)
     * (enhanced-rtmp-v2.md "Enhanced Audio").
     */
    static boolean isAudioHeader(byte[] audio) {
        if (audio.length < 1) {
            return false;
        }
        int format = (audio[0] >> 4) & 0x0F;
        if (format == 9) {
            return (audio[0] & 0x0F) == 0;
        }
        return format == 10 && audio.length >= 2 && audio[1] == 0;
    }
}
