package io.rtmp4j.flv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link VideoTag#codec()} and {@link AudioTag#codec()} on parsed values: the codec each form names,
 * the same as the header-only peeks {@link VideoTag#codec(byte[])} / {@link AudioTag#codec(byte[])}.
 */
class TagCodecTest {

    private static void video(byte[] body, FlvCodec expected) {
        assertThat(VideoTag.parse(body).codec()).isEqualTo(expected);
        assertThat(VideoTag.codec(body)).isEqualTo(expected);
    }

    private static void audio(byte[] body, FlvCodec expected) {
        assertThat(AudioTag.parse(body).codec()).isEqualTo(expected);
        if (body.length > 0) {
            assertThat(AudioTag.codec(body)).isEqualTo(expected);
        }
    }

    @Test
    void everyFormNamesItsCodec() {
        // flv-10.1.txt E.4.3.1: 0x17 = key frame (1) + AVC (7), AVCPacketType 1 (NALU), composition time 0
        video(new byte[] {0x17, 1, 0, 0, 0, 0x65}, VideoCodecId.AVC);
        // 0x22 = inter frame (2) + Sorenson H.263 (2)
        video(new byte[] {0x22, 0, 0, 0}, VideoCodecId.SORENSON_H263);
        // enhanced-rtmp-v1: IsExHeader | key frame | CodedFrames (1), FourCC av01, then the OBUs
        video(new byte[] {(byte) 0x91, 'a', 'v', '0', '1', 0x12, 0}, VideoFourCc.AV1);
        // enhanced-rtmp-v2 Multitrack (6): OneTrack (0) | CodedFramesX (3), FourCC hvc1, track 1, data
        video(new byte[] {(byte) 0x96, 0x03, 'h', 'v', 'c', '1', 1, 0x26, 1}, VideoFourCc.HEVC);
        // flv-10.1.txt E.4.2.1: 0xAF = AAC, 44 kHz, 16 bit, stereo; AACPacketType 1 (raw)
        audio(new byte[] {(byte) 0xAF, 1, 0x21}, SoundFormat.AAC);
        // enhanced-rtmp-v2: SoundFormat 9 (ExHeader) | CodedFrames (1), FourCC Opus
        audio(new byte[] {(byte) 0x91, 'O', 'p', 'u', 's', (byte) 0xFC}, AudioFourCc.OPUS);
        // a zero-length audio message is silence (docs/INTEROP.md "Media"): no codec named
        audio(new byte[0], null);
    }
}
