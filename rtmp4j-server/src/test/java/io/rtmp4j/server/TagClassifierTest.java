package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the hub treats as keyframes and decoder configuration, from real tag header bytes. */
class TagClassifierTest {

    private final TagClassifier c = new TagClassifier();

    @Test
    void legacyAvcAndAac() {
        // flv-10.1.txt E.4.3.1: 0x17 = key frame (1) + AVC (7); AVCPacketType 0 = sequence header, CT 0
        byte[] avcHeader = {0x17, 0x00, 0, 0, 0, 0x01, 0x64, 0x00, 0x1F, (byte) 0xFF};
        // 0x17, AVCPacketType 1 = NALU: a keyframe
        byte[] avcKey = {0x17, 0x01, 0, 0, 0, 0, 0, 0, 1, 0x65};
        // 0x27 = inter frame (2) + AVC
        byte[] avcInter = {0x27, 0x01, 0, 0, 0, 0, 0, 0, 1, 0x41};
        // E.4.2.1: 0xAF = AAC (10), 44 kHz, 16 bit, stereo; AACPacketType 0 = AudioSpecificConfig
        byte[] aacHeader = {(byte) 0xAF, 0x00, 0x12, 0x10};
        byte[] aacRaw = {(byte) 0xAF, 0x01, 0x21, 0x00};

        assertThat(c.configKey(Frame.VIDEO, avcHeader)).isNotNull();
        assertThat(c.configKey(Frame.VIDEO, avcKey)).isNull();
        assertThat(c.isKeyframe(avcKey)).isTrue();
        assertThat(c.isKeyframe(avcInter)).isFalse();
        assertThat(c.configKey(Frame.AUDIO, aacHeader)).isNotNull().isNotEqualTo(c.configKey(Frame.VIDEO, avcHeader));
        assertThat(c.configKey(Frame.AUDIO, aacRaw)).isNull();
    }

    @Test
    void enhancedSequenceStartAndCodedFrames() {
        // enhanced-rtmp-v2.md: IsExHeader 1, FrameType key (1), PacketType SequenceStart (0), FourCC av01
        byte[] av1Start = {(byte) 0x90, 'a', 'v', '0', '1', (byte) 0x81, 0, 0x0C, 0};
        // PacketType CodedFrames (1) with key frame type: a keyframe
        byte[] av1Key = {(byte) 0x91, 'a', 'v', '0', '1', 0x12, 0};
        // same with inter frame type (2)
        byte[] av1Inter = {(byte) 0xA1, 'a', 'v', '0', '1', 0x12, 0};
        assertThat(c.configKey(Frame.VIDEO, av1Start)).contains("video").isNotEqualTo(
                c.configKey(Frame.VIDEO, new byte[] {0x17, 0x00, 0, 0, 0, 0x01}));
        assertThat(c.isKeyframe(av1Key)).isTrue();
        assertThat(c.isKeyframe(av1Inter)).isFalse();
        assertThat(c.configKey(Frame.VIDEO, av1Key)).isNull();
    }

    @Test
    void enhancedVideoMetadataAndAudioMultichannelConfigAreKeptForJoiners() {
        // enhanced-rtmp-v2.md: IsExHeader, frame type 5, PacketType Metadata (4), FourCC av01, then AMF0
        // "colorInfo" {} (string marker, length 9, name; object marker, empty, end marker)
        byte[] colorInfo = {(byte) 0xD4, 'a', 'v', '0', '1', 0x02, 0, 9, 'c', 'o', 'l', 'o', 'r', 'I', 'n', 'f', 'o',
            0x03, 0, 0, 0x09};
        // SoundFormat ExHeader (9), AudioPacketType MultichannelConfig (4), FourCC Opus, channel order
        // Native (1), channel count 2, channel flags FrontLeft|FrontRight (0x00000003)
        byte[] multichannel = {(byte) 0x94, 'O', 'p', 'u', 's', 0x01, 0x02, 0, 0, 0, 0x03};
        assertThat(c.configKey(Frame.VIDEO, colorInfo)).startsWith("video-metadata");
        assertThat(c.configKey(Frame.AUDIO, multichannel)).startsWith("audio-multichannel");
        assertThat(c.isKeyframe(colorInfo)).isFalse();
        // Opus coded frames (AudioPacketType 1) are not configuration
        assertThat(c.configKey(Frame.AUDIO, new byte[] {(byte) 0x91, 'O', 'p', 'u', 's', 0x01})).isNull();
    }

    @Test
    void onlyKeyframesOfTheDefaultTrackStartAGop() {
        // enhanced-rtmp-v2.md Multitrack: IsExHeader, key frame (1), PacketType Multitrack (6); then
        // AvMultitrackType OneTrack (0) << 4 | inner PacketType CodedFrames (1); FourCC av01; track id 1
        byte[] track1Key = {(byte) 0x96, 0x01, 'a', 'v', '0', '1', 0x01, 0x12, 0};
        byte[] track0Key = {(byte) 0x96, 0x01, 'a', 'v', '0', '1', 0x00, 0x12, 0};
        assertThat(c.isKeyframe(track1Key)).isFalse();
        assertThat(c.isKeyframe(track0Key)).isTrue();
    }
}
