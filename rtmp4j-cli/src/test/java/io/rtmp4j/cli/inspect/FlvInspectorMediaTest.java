package io.rtmp4j.cli.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.amf.Amf0;
import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.flv.AudioChannel;
import io.rtmp4j.flv.FlvTag;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Audio and video lines of the inspector, against issue 3's examples; bodies built by hand from
 * flv-10.1.txt E.4.2 / E.4.3 and enhanced-rtmp-v2.md.
 */
class FlvInspectorMediaTest {

    static final FlvInspector JSON = new FlvInspector(FlvInspector.Format.JSON);

    static byte[] cat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof byte[] b) {
                out.writeBytes(b);
            } else if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write((Integer) p);
            }
        }
        return out.toByteArray();
    }

    @Test
    void legacyAvcSequenceStart() {
        byte[] body = cat(0x17,             // FrameType 1 (key) | CodecID 7 (AVC)
                0x00,                       // AVCPacketType 0: sequence header
                0x00, 0x00, 0x00,           // CompositionTime 0
                new byte[43]);              // AVCDecoderConfigurationRecord (opaque here)
        assertThat(JSON.line(1, FlvTag.video(0, body))).isEqualTo("{\"tag\":1,\"type\":\"video\",\"timestamp\":0,"
                + "\"size\":48,\"enhanced\":false,\"codec\":\"avc\",\"frameType\":\"key\",\"packetType\":\"SequenceStart\","
                + "\"compositionTime\":0}");
    }

    @Test
    void legacyNonAvcVideoHasNoPacketType() {
        byte[] body = cat(0x22, new byte[9]); // FrameType 2 (inter) | CodecID 2 (Sorenson H.263)
        assertThat(JSON.line(4, FlvTag.video(33, body))).isEqualTo("{\"tag\":4,\"type\":\"video\",\"timestamp\":33,"
                + "\"size\":10,\"enhanced\":false,\"codec\":\"h263\",\"frameType\":\"inter\"}");
    }

    @Test
    void enhancedHevcCodedFramesWithCompositionTime() {
        byte[] body = cat(0xA1,             // IsExHeader 1 | FrameType 2 (inter) | PacketType 1 (CodedFrames)
                "hvc1",                     // FourCC
                0x00, 0x00, 0x50,           // SI24 CompositionTime 80
                new byte[9112]);            // NAL units
        assertThat(JSON.line(9, FlvTag.video(40, body))).isEqualTo("{\"tag\":9,\"type\":\"video\",\"timestamp\":40,"
                + "\"size\":9120,\"enhanced\":true,\"codec\":\"hvc1\",\"frameType\":\"inter\",\"packetType\":\"CodedFrames\","
                + "\"compositionTime\":80}");
    }

    @Test
    void enhancedOpusCodedFrames() {
        byte[] body = cat(0x91,             // SoundFormat 9 (ExHeader) | AudioPacketType 1 (CodedFrames)
                "Opus", new byte[205]);
        assertThat(JSON.line(12, FlvTag.audio(21, body))).isEqualTo("{\"tag\":12,\"type\":\"audio\",\"timestamp\":21,"
                + "\"size\":210,\"enhanced\":true,\"codec\":\"Opus\",\"packetType\":\"CodedFrames\"}");
    }

    @Test
    void multitrackManyTracksManyCodecs() {
        byte[] body = cat(0x96,             // IsExHeader | FrameType 1 (key) | PacketType 6 (Multitrack)
                0x20,                       // AvMultitrackType 2 (ManyTracksManyCodecs) | PacketType 0 (SequenceStart)
                "avc1", 0x00,               // track FourCC, trackId 0
                0x00, 0x00, 0x1E,           // UI24 size 30
                new byte[30],
                "av01", 0x01,               // track FourCC, trackId 1
                0x00, 0x00, 0x14,           // UI24 size 20
                new byte[20]);
        assertThat(JSON.line(14, FlvTag.video(0, body))).isEqualTo("{\"tag\":14,\"type\":\"video\",\"timestamp\":0,"
                + "\"size\":" + body.length + ",\"enhanced\":true,\"frameType\":\"key\",\"packetType\":\"Multitrack\","
                + "\"multitrack\":{\"type\":\"ManyTracksManyCodecs\",\"packetType\":\"SequenceStart\",\"tracks\":["
                + "{\"trackId\":0,\"codec\":\"avc1\",\"size\":30},{\"trackId\":1,\"codec\":\"av01\",\"size\":20}]}}");
    }

    @Test
    void multitrackOneTrackCodedFramesWithCompositionTime() {
        byte[] body = cat(0xA6,             // IsExHeader | FrameType 2 (inter) | PacketType 6 (Multitrack)
                0x01,                       // AvMultitrackType 0 (OneTrack) | PacketType 1 (CodedFrames)
                "avc1", 0x02,               // shared FourCC, trackId 2 (OneTrack: no size)
                0xFF, 0xFF, 0xF6,           // SI24 CompositionTime -10
                new byte[7]);
        assertThat(JSON.line(3, FlvTag.video(100, body))).isEqualTo("{\"tag\":3,\"type\":\"video\",\"timestamp\":100,"
                + "\"size\":" + body.length + ",\"enhanced\":true,\"codec\":\"avc1\",\"frameType\":\"inter\","
                + "\"packetType\":\"Multitrack\",\"multitrack\":{\"type\":\"OneTrack\",\"packetType\":\"CodedFrames\","
                + "\"tracks\":[{\"trackId\":2,\"codec\":\"avc1\",\"size\":7,\"compositionTime\":-10}]}}");
    }

    @Test
    void modExTimestampOffsetNano() {
        byte[] body = cat(0x97,             // IsExHeader | FrameType 1 (key) | PacketType 7 (ModEx)
                0x02,                       // ModEx data size - 1 = 2 (3 bytes)
                0x03, 0xD0, 0x90,           // UI24 TimestampOffsetNano 250000
                0x01,                       // ModExType 0 (TimestampOffsetNano) | next PacketType 1 (CodedFrames)
                "av01", new byte[890]);
        assertThat(JSON.line(20, FlvTag.video(80, body))).isEqualTo("{\"tag\":20,\"type\":\"video\",\"timestamp\":80,"
                + "\"size\":900,\"enhanced\":true,\"codec\":\"av01\",\"frameType\":\"key\",\"packetType\":\"CodedFrames\","
                + "\"modEx\":[{\"type\":\"TimestampOffsetNano\",\"value\":250000}],\"timestampOffsetNano\":250000}");
    }

    @Test
    void metadataColorInfoKeepsNumbersAsSent() {
        Amf0Value colorInfo = Amf0Object.builder()
                .put("colorConfig", Amf0Object.builder().put("bitDepth", 10.0).put("colorPrimaries", 9.0)
                        .put("transferCharacteristics", 16.0).put("matrixCoefficients", 9.0).build())
                .put("hdrCll", Amf0Object.builder().put("maxFall", 400.0).put("maxCLL", 1000.5).build())
                .build();
        byte[] body = cat(0xD4,             // IsExHeader | FrameType 5 (ignored for Metadata) | PacketType 4 (Metadata)
                "av01", Amf0.encode(Amf0Value.of("colorInfo"), colorInfo));
        assertThat(JSON.line(2, FlvTag.video(0, body))).isEqualTo("{\"tag\":2,\"type\":\"video\",\"timestamp\":0,"
                + "\"size\":" + body.length + ",\"enhanced\":true,\"codec\":\"av01\",\"packetType\":\"Metadata\","
                + "\"colorInfo\":{\"colorConfig\":{\"bitDepth\":10,\"colorPrimaries\":9,\"transferCharacteristics\":16,"
                + "\"matrixCoefficients\":9},\"hdrCll\":{\"maxFall\":400,\"maxCLL\":1000.5}}}");
        // the reset signal: colorInfo undefined
        byte[] reset = cat(0xD4, "av01", Amf0.encode(Amf0Value.of("colorInfo")), 0x06);
        assertThat(JSON.line(5, FlvTag.video(0, reset))).endsWith("\"packetType\":\"Metadata\",\"colorInfo\":null}");
    }

    @Test
    void multichannelConfigNativeAndCustom() {
        byte[] nat = cat(0x94,              // SoundFormat 9 | AudioPacketType 4 (MultichannelConfig)
                "Opus", 0x01,               // AudioChannelOrder 1 (Native)
                0x02,                       // channelCount 2
                0x00, 0x00, 0x00, 0x03);    // UI32 flags: FrontLeft | FrontRight
        assertThat(JSON.line(3, FlvTag.audio(0, nat))).isEqualTo("{\"tag\":3,\"type\":\"audio\",\"timestamp\":0,"
                + "\"size\":11,\"enhanced\":true,\"codec\":\"Opus\",\"packetType\":\"MultichannelConfig\","
                + "\"multichannelConfig\":{\"channelOrder\":\"Native\",\"channelCount\":2,\"channelFlags\":3}}");
        byte[] custom = cat(0x94, "Opus", 0x02, // AudioChannelOrder 2 (Custom)
                0x02,                       // channelCount 2
                0x01, 0x00);                // FrontRight, FrontLeft
        assertThat(JSON.line(4, FlvTag.audio(0, custom))).endsWith("\"multichannelConfig\":{\"channelOrder\":\"Custom\","
                + "\"channelCount\":2,\"channelMapping\":[\"" + AudioChannel.fromValue(1).orElseThrow().specName() + "\",\""
                + AudioChannel.fromValue(0).orElseThrow().specName() + "\"]}}");
    }

    @Test
    void legacyAudio() {
        // SoundFormat 10 (AAC) | SoundRate 3 (44 kHz) | SoundSize 1 (16-bit) | SoundType 1 (stereo) = 0xAF
        byte[] aac = cat(0xAF, 0x00, 0x12, 0x10);
        assertThat(JSON.line(1, FlvTag.audio(0, aac))).isEqualTo("{\"tag\":1,\"type\":\"audio\",\"timestamp\":0,"
                + "\"size\":4,\"enhanced\":false,\"codec\":\"aac\",\"soundRate\":44100,\"soundSize\":16,"
                + "\"soundType\":\"stereo\",\"packetType\":\"SequenceStart\"}");
        // SoundFormat 2 (MP3) | SoundRate 2 (22 kHz) | SoundSize 1 | SoundType 0 (mono) = 0x2A
        byte[] mp3 = cat(0x2A, new byte[4]);
        assertThat(JSON.line(2, FlvTag.audio(26, mp3))).isEqualTo("{\"tag\":2,\"type\":\"audio\",\"timestamp\":26,"
                + "\"size\":5,\"enhanced\":false,\"codec\":\"mp3\",\"soundRate\":22050,\"soundSize\":16,"
                + "\"soundType\":\"mono\"}");
        // an empty audio message is silence, not an error (docs/INTEROP.md "Media")
        assertThat(JSON.line(3, FlvTag.audio(30, new byte[0]))).isEqualTo("{\"tag\":3,\"type\":\"audio\","
                + "\"timestamp\":30,\"size\":0,\"enhanced\":false,\"silence\":true}");
    }

    @Test
    void everyLegacyCodecName() {
        String[] video = {null, null, "h263", "screen", "vp6", "vp6a", "screen2", "avc"};
        for (int id = 2; id <= 7; id++) {
            byte[] body = id == 7 ? cat(0x10 | id, 1, 0, 0, 0) : cat(0x10 | id, 0);
            assertThat(JSON.line(0, FlvTag.video(0, body))).contains("\"codec\":\"" + video[id] + "\"");
        }
        String[] audio = {"pcm", "adpcm", "mp3", "pcm_le", "nellymoser", "nellymoser", "nellymoser", "g711a", "g711u",
                null, "aac", "speex", null, null, "mp3_8k", "device"};
        for (int f = 0; f < 16; f++) {
            if (audio[f] == null) {
                continue;
            }
            byte[] body = f == 10 ? cat(f << 4 | 0x0F, 1, 0) : cat(f << 4 | 0x0F, 0);
            assertThat(JSON.line(0, FlvTag.audio(0, body))).contains("\"codec\":\"" + audio[f] + "\"");
        }
        String[] frameTypes = {null, "key", "inter", "disposable", "generated"};
        for (int ft = 1; ft <= 4; ft++) {
            assertThat(JSON.line(0, FlvTag.video(0, cat(ft << 4 | 2, 0)))).contains("\"frameType\":\"" + frameTypes[ft] + "\"");
        }
    }

    @Test
    void commandFrame() {
        byte[] body = cat(0x57,             // FrameType 5 (command) | CodecID 7 (AVC)
                0x00);                      // VideoCommand 0 (StartSeek)
        assertThat(JSON.line(6, FlvTag.video(0, body))).isEqualTo("{\"tag\":6,\"type\":\"video\",\"timestamp\":0,"
                + "\"size\":2,\"enhanced\":false,\"codec\":\"avc\",\"frameType\":\"command\",\"command\":\"StartSeek\"}");
    }

    @Test
    void malformedMediaTagsGetAnError() {
        String bad = JSON.line(7, FlvTag.video(0, cat(0x91, "xxxx")));   // unknown FourCC
        assertThat(bad).startsWith("{\"tag\":7,\"type\":\"video\",\"timestamp\":0,\"size\":5,\"error\":\"");
        String truncated = JSON.line(8, FlvTag.audio(0, cat(0x91, "Op")));
        assertThat(truncated).startsWith("{\"tag\":8,\"type\":\"audio\",\"timestamp\":0,\"size\":3,\"error\":\"");
        assertThat(MiniJson.object(bad)).containsKey("error");
        assertThat(MiniJson.object(truncated)).containsKey("error");
    }
}
