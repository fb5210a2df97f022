package io.rtmp4j.flv;

import static io.rtmp4j.flv.TagTestBytes.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Golden vectors for audio tag bodies: flv-10.1.txt E.4.2, enhanced-rtmp-v2.md "Enhanced Audio". */
class AudioTagTest {

    private static AudioTag roundTrip(byte[] wire, AudioTag expected) {
        AudioTag parsed = AudioTag.parse(wire);
        assertThat(parsed).isEqualTo(expected);
        assertThat(parsed.toBytes()).isEqualTo(wire);
        assertThat(expected.toBytes()).isEqualTo(wire);
        return parsed;
    }

    // ---- legacy (flv-10.1.txt E.4.2.1) ------------------------------------------------------

    @Test
    void legacyAacSequenceHeaderAndRaw() {
        byte[] wire = bytes(
                0xAF,        // SoundFormat 10 (AAC) | SoundRate 3 (44 kHz) | SoundSize 1 (16 bit) | SoundType 1 (stereo)
                0x00,        // AACPacketType 0: sequence header
                0x12, 0x10); // AudioSpecificConfig: AAC LC, 44.1 kHz, stereo
        AudioTag tag = roundTrip(wire, LegacyAudioTag.aac(AudioPacketType.SEQUENCE_START, bytes(0x12, 0x10)));
        assertThat(tag.isSequenceHeader()).isTrue();
        assertThat(AudioTag.isSequenceHeader(wire)).isTrue();
        assertThat(AudioTag.codec(wire)).isEqualTo(SoundFormat.AAC);
        assertThat(AudioTag.trackIds(wire)).containsExactly(0);
        LegacyAudioTag legacy = (LegacyAudioTag) tag;
        assertThat(legacy.sampleRateHz()).isEqualTo(44100);
        assertThat(legacy.stereo()).isTrue();
        assertThat(legacy.bitsPerSample()).isEqualTo(16);

        byte[] raw = bytes(0xAF, 0x01, 0x21, 0x00); // AAC, AACPacketType 1 (raw), frame
        assertThat(roundTrip(raw, LegacyAudioTag.aac(AudioPacketType.CODED_FRAMES, bytes(0x21, 0x00)))
                .isSequenceHeader()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = SoundFormat.class, names = {"AAC", "EX_HEADER"}, mode = EnumSource.Mode.EXCLUDE)
    void legacyOtherFormatsKeepTheirBodyVerbatim(SoundFormat format) {
        byte[] wire = bytes(
                format.value() << 4 | 0x06, // SoundFormat | SoundRate 1 (11 kHz) | SoundSize 1 | SoundType 0 (mono)
                0xFF, 0xFB, 0x90);          // payload, not interpreted
        AudioTag tag = roundTrip(wire, new LegacyAudioTag(format, 1, 1, 0, null, bytes(0xFF, 0xFB, 0x90)));
        assertThat(((LegacyAudioTag) tag).sampleRateHz()).isEqualTo(11025);
        assertThat(((LegacyAudioTag) tag).stereo()).isFalse();
        assertThat(AudioTag.codec(wire)).isEqualTo(format);
        assertThat(tag.isSequenceHeader()).isFalse();
    }

    @Test
    void zeroLengthAudioIsSilenceNotAnError() {
        // docs/INTEROP.md "Media": a zero-length audio message means silence
        AudioTag tag = roundTrip(new byte[0], AudioSilence.INSTANCE);
        assertThat(tag.isSequenceHeader()).isFalse();
        assertThat(AudioTag.codec(new byte[0])).isNull();
        assertThat(AudioTag.trackIds(new byte[0])).containsExactly(0);
    }

    // ---- enhanced, single track ---------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(AudioFourCc.class)
    void enhancedPacketTypesForEveryFourCc(AudioFourCc fourCc) {
        byte[] start = bytes(
                0x90,              // SoundFormat 9 (ExHeader) | AudioPacketType 0 (SequenceStart)
                fourCc.specName(), // FOURCC
                0x01, 0x02);       // codec configuration
        assertThat(roundTrip(start, ExAudioTag.of(AudioPacketType.SEQUENCE_START, fourCc, bytes(0x01, 0x02)))
                .isSequenceHeader()).isTrue();
        assertThat(AudioTag.isSequenceHeader(start)).isTrue();
        assertThat(AudioTag.codec(start)).isEqualTo(fourCc);

        byte[] frames = bytes(
                0x91,              // ExHeader | CodedFrames
                fourCc.specName(), // FOURCC
                0xFC, 0xFF);       // coded frame
        assertThat(roundTrip(frames, ExAudioTag.of(AudioPacketType.CODED_FRAMES, fourCc, bytes(0xFC, 0xFF)))
                .isSequenceHeader()).isFalse();

        byte[] end = bytes(
                0x92,               // ExHeader | SequenceEnd
                fourCc.specName()); // FOURCC, no body
        roundTrip(end, ExAudioTag.of(AudioPacketType.SEQUENCE_END, fourCc, new byte[0]));
    }

    @Test
    void multichannelConfigNativeOrder() {
        byte[] wire = bytes(
                0x94,                   // ExHeader | AudioPacketType 4 (MultichannelConfig)
                "Opus",                 // FOURCC
                0x01,                   // AudioChannelOrder 1 (Native)
                0x06,                   // channelCount 6
                0x00, 0x00, 0x00, 0x3F); // audioChannelFlags: FL FR FC LFE1 BL BR (5.1)
        long flags = AudioChannel.FRONT_LEFT.mask() | AudioChannel.FRONT_RIGHT.mask()
                | AudioChannel.FRONT_CENTER.mask() | AudioChannel.LOW_FREQUENCY_1.mask()
                | AudioChannel.BACK_LEFT.mask() | AudioChannel.BACK_RIGHT.mask();
        AudioTag tag = roundTrip(wire, ExAudioTag.ofMultichannelConfig(AudioFourCc.OPUS,
                MultichannelConfig.nativeOrder(6, flags)));
        MultichannelConfig config = ((ExAudioTag) tag).multichannelConfig().orElseThrow();
        assertThat(config.channelOrder()).isEqualTo(AudioChannelOrder.NATIVE);
        assertThat(config.channelCount()).isEqualTo(6);
        assertThat(config.channelFlags()).isEqualTo(0x3F);
        assertThat(config.hasChannel(AudioChannel.LOW_FREQUENCY_1)).isTrue();
        assertThat(config.hasChannel(AudioChannel.SIDE_LEFT)).isFalse();
    }

    @Test
    void multichannelConfigNativeOrderAllFlags() {
        byte[] wire = bytes(
                0x94,                   // ExHeader | MultichannelConfig
                "Opus",                 // FOURCC
                0x01,                   // Native
                0x18,                   // 24 channels (22.2)
                0xFF, 0xFF, 0xFF, 0xFF); // every flag bit, including the 8 undefined ones (kept as sent)
        ExAudioTag tag = (ExAudioTag) roundTrip(wire, ExAudioTag.ofMultichannelConfig(AudioFourCc.OPUS,
                MultichannelConfig.nativeOrder(24, 0xFFFF_FFFFL)));
        assertThat(tag.multichannelConfig().orElseThrow().channelFlags()).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void multichannelConfigCustomOrder() {
        byte[] wire = bytes(
                0x94,   // ExHeader | MultichannelConfig
                "Opus", // FOURCC
                0x02,   // AudioChannelOrder 2 (Custom)
                0x04,   // channelCount 4
                0x01,   //   channel 1: FrontRight
                0x00,   //   channel 2: FrontLeft
                0x17,   //   channel 3: BottomFrontRight (23)
                0xFE);  //   channel 4: Unused
        MultichannelConfig expected = MultichannelConfig.custom(List.of(AudioChannel.FRONT_RIGHT,
                AudioChannel.FRONT_LEFT, AudioChannel.BOTTOM_FRONT_RIGHT, AudioChannel.UNUSED));
        ExAudioTag tag = (ExAudioTag) roundTrip(wire, ExAudioTag.ofMultichannelConfig(AudioFourCc.OPUS, expected));
        assertThat(tag.multichannelConfig()).contains(expected);
        assertThat(expected.hasChannel(AudioChannel.FRONT_LEFT)).isTrue();
    }

    @Test
    void multichannelConfigUnspecifiedOrder() {
        byte[] wire = bytes(
                0x94,   // ExHeader | MultichannelConfig
                "fLaC", // FOURCC
                0x00,   // AudioChannelOrder 0 (Unspecified)
                0x02);  // channelCount 2, nothing else
        roundTrip(wire, ExAudioTag.ofMultichannelConfig(AudioFourCc.FLAC, MultichannelConfig.unspecified(2)));
    }

    @Test
    void audioChannelNamedConstantsCoverAll24Positions() {
        for (int i = 0; i < 24; i++) {
            AudioChannel c = AudioChannel.fromValue(i).orElseThrow();
            assertThat(c.value()).isEqualTo(i);
            assertThat(c.mask()).isEqualTo(1L << i);
        }
        assertThat(AudioChannel.BOTTOM_FRONT_RIGHT.mask()).isEqualTo(0x800000);
        assertThat(AudioChannel.TOP_BACK_CENTER.value()).isEqualTo(16);
        assertThat(AudioChannel.fromValue(0xFF)).contains(AudioChannel.UNKNOWN);
        assertThat(AudioChannel.fromValue(24)).isEmpty();
        assertThat(AudioChannel.UNKNOWN.mask()).isZero();
    }

    @Test
    void multichannelConfigErrors() {
        expectError(bytes(0x94, "Opus", 0x03, 0x02), "reserved audio channel order 3");
        expectError(bytes(0x94, "Opus", 0x02, 0x02, 0x00), "audioChannelMapping");   // one entry of two
        expectError(bytes(0x94, "Opus", 0x02, 0x01, 0x18), "reserved audio channel 24");
        expectError(bytes(0x94, "Opus", 0x01, 0x02, 0x00, 0x00, 0x03), "audioChannelFlags"); // UI32 truncated
        expectError(bytes(0x94, "Opus", 0x00, 0x02, 0x00), "trailing");
        expectError(bytes(0x94, "Opus", 0x00), "channelCount");
    }

    // ---- multitrack ---------------------------------------------------------------------------

    @Test
    void multitrackOneTrackAsFfmpeg8WritesExtraTracks() {
        byte[] wire = bytes(
                0x95,         // ExHeader | AudioPacketType 5 (Multitrack)
                0x01,         // AvMultitrackType 0 (OneTrack) | AudioPacketType 1 (CodedFrames)
                "Opus",       // shared FOURCC
                0x01,         // audioTrackId 1 (no size for OneTrack)
                0xFC, 0x01);  // Opus packet to the end of the message
        AudioTag tag = roundTrip(wire, new MultitrackAudioTag(List.of(), AvMultitrackType.ONE_TRACK,
                AudioPacketType.CODED_FRAMES, List.of(new AudioTrack(1, AudioFourCc.OPUS, bytes(0xFC, 0x01)))));
        assertThat(((MultitrackAudioTag) tag).sharedFourCc()).isEqualTo(AudioFourCc.OPUS);
        assertThat(AudioTag.trackIds(wire)).containsExactly(1);
        assertThat(AudioTag.codec(wire)).isEqualTo(AudioFourCc.OPUS);
    }

    @Test
    void multitrackManyTracks() {
        byte[] wire = bytes(
                0x95,             // ExHeader | Multitrack
                0x10,             // AvMultitrackType 1 (ManyTracks) | SequenceStart
                "mp4a",           // shared FOURCC
                0x00,             // track 0
                0x00, 0x00, 0x02, // size 2
                0x12, 0x10,       //   AudioSpecificConfig
                0x01,             // track 1
                0x00, 0x00, 0x02, // size 2
                0x11, 0x90);      //   AudioSpecificConfig
        AudioTag tag = roundTrip(wire, new MultitrackAudioTag(List.of(), AvMultitrackType.MANY_TRACKS,
                AudioPacketType.SEQUENCE_START, List.of(new AudioTrack(0, AudioFourCc.AAC, bytes(0x12, 0x10)),
                new AudioTrack(1, AudioFourCc.AAC, bytes(0x11, 0x90)))));
        assertThat(tag.isSequenceHeader()).isTrue();
        assertThat(AudioTag.isSequenceHeader(wire)).isTrue();
        assertThat(AudioTag.trackIds(wire)).containsExactly(0, 1);
    }

    @Test
    void multitrackManyTracksManyCodecs() {
        byte[] wire = bytes(
                0x95,             // ExHeader | Multitrack
                0x21,             // AvMultitrackType 2 (ManyTracksManyCodecs) | CodedFrames; no shared FOURCC
                "ac-3",           // track FOURCC
                0x00,             // track 0
                0x00, 0x00, 0x02, // size 2
                0x0B, 0x77,       //   AC-3 sync frame start
                "ec-3",           // track FOURCC
                0x05,             // track 5
                0x00, 0x00, 0x00, // size 0: empty body
                ".mp3",           // track FOURCC
                0x07,             // track 7
                0x00, 0x00, 0x01, // size 1
                0xFF);            //   data
        AudioTag tag = roundTrip(wire, new MultitrackAudioTag(List.of(), AvMultitrackType.MANY_TRACKS_MANY_CODECS,
                AudioPacketType.CODED_FRAMES, List.of(new AudioTrack(0, AudioFourCc.AC3, bytes(0x0B, 0x77)),
                new AudioTrack(5, AudioFourCc.EAC3, new byte[0]), new AudioTrack(7, AudioFourCc.MP3, bytes(0xFF)))));
        assertThat(((MultitrackAudioTag) tag).sharedFourCc()).isNull();
        assertThat(AudioTag.trackIds(wire)).containsExactly(0, 5, 7);
        assertThat(AudioTag.codec(wire)).isEqualTo(AudioFourCc.AC3);
    }

    @Test
    void multitrackMultichannelConfigPerTrack() {
        byte[] wire = bytes(
                0x95,                   // ExHeader | Multitrack
                0x14,                   // ManyTracks | MultichannelConfig
                "Opus",                 // shared FOURCC
                0x02,                   // track 2
                0x00, 0x00, 0x06,       // size 6
                0x01, 0x02,             //   Native, 2 channels
                0x00, 0x00, 0x00, 0x03); //   FrontLeft | FrontRight
        AudioTag tag = roundTrip(wire, new MultitrackAudioTag(List.of(), AvMultitrackType.MANY_TRACKS,
                AudioPacketType.MULTICHANNEL_CONFIG, List.of(new AudioTrack(2, AudioFourCc.OPUS,
                MultichannelConfig.nativeOrder(2, 3).toBytes()))));
        assertThat(MultichannelConfig.parse(((MultitrackAudioTag) tag).tracks().get(0).data()).channelFlags())
                .isEqualTo(3);
    }

    @Test
    void reservedMultitrackTypesAreCarriedVerbatim() {
        for (int type = 3; type <= 15; type++) {
            byte[] wire = bytes(
                    0x95,             // ExHeader | Multitrack
                    type << 4 | 0x0F, // reserved AvMultitrackType | nibble 15 (uninterpreted)
                    0x01, 0x02);      // unknown layout
            roundTrip(wire, new ReservedMultitrackAudioTag(List.of(), type, 15, bytes(0x01, 0x02)));
            assertThat(AudioTag.trackIds(wire)).isEmpty();
        }
    }

    @Test
    void multitrackInsideMultitrackIsAnError() {
        expectError(bytes(0x95, 0x05, "Opus", 0x00), "inner packet type Multitrack");
        expectError(bytes(0x95, 0x07, "Opus", 0x00), "inner packet type ModEx");
    }

    // ---- ModEx --------------------------------------------------------------------------------

    @Test
    void modExTimestampOffsetNano() {
        byte[] wire = bytes(
                0x97,             // ExHeader | AudioPacketType 7 (ModEx)
                0x02,             // size - 1 = 2 -> 3 bytes
                0x0F, 0x42, 0x3F, // UI24 999 999 ns (the maximum)
                0x01,             // ModExType 0 (TimestampOffsetNano) | next AudioPacketType 1 (CodedFrames)
                "Opus",           // FOURCC
                0xFC);            // Opus packet
        AudioTag tag = roundTrip(wire, ExAudioTag.of(AudioPacketType.CODED_FRAMES, AudioFourCc.OPUS, bytes(0xFC))
                .withModEx(List.of(ModEx.timestampOffsetNano(999_999))));
        assertThat(tag.timestampOffsetNano()).hasValue(999_999);
        assertThat(AudioTag.codec(wire)).isEqualTo(AudioFourCc.OPUS);
    }

    @Test
    void modExChainBeforeMultitrack() {
        byte[] data256 = TagTestBytes.ramp(256);
        byte[] wire = bytes(
                0x97,             // ExHeader | ModEx
                0xFF, 0x00, 0xFF, // UI8 255 escapes; UI16 255 -> 256 bytes (the first size needing the escape)
                data256,          //   data
                0x97,             // ModExType 9 (unknown, kept) | next ModEx
                0x02,             // size 3
                0x00, 0x01, 0x00, //   TimestampOffsetNano 256
                0x05,             // ModExType 0 | next AudioPacketType 5 (Multitrack)
                0x00,             // OneTrack | SequenceStart
                "fLaC",           // FOURCC
                0x00,             // track 0
                "fLaC");          // FLAC signature as the body
        AudioTag tag = roundTrip(wire, new MultitrackAudioTag(
                List.of(new ModEx(9, data256, true), ModEx.timestampOffsetNano(256)), AvMultitrackType.ONE_TRACK,
                AudioPacketType.SEQUENCE_START, List.of(new AudioTrack(0, AudioFourCc.FLAC, bytes("fLaC")))));
        assertThat(tag.timestampOffsetNano()).hasValue(256);
        assertThat(ModEx.of(9, data256)).isEqualTo(tag.modEx().get(0));
        assertThat(AudioTag.trackIds(wire)).containsExactly(0);
    }

    // ---- errors -------------------------------------------------------------------------------

    @Test
    void malformedBodiesFailWithAClearMessage() {
        expectError(bytes(0xAF), "AACPacketType");                     // AAC without packet type
        expectError(bytes(0xAF, 0x02), "AACPacketType 2");              // reserved AAC packet type
        expectError(bytes(0xC0), "sound format 12");                    // reserved format 12
        expectError(bytes(0xD0), "sound format 13");                    // reserved format 13
        expectError(bytes(0x93, "Opus"), "reserved audio packet type 3");
        expectError(bytes(0x96, "Opus"), "reserved audio packet type 6");
        expectError(bytes(0x91, "Opu"), "AudioFourCc");                 // truncated FourCC
        expectError(bytes(0x91, "opus"), "unknown audio FourCC 'opus'"); // FourCCs are case-sensitive
        expectError(bytes(0x95, 0x11, "Opus", 0x00, 0x00, 0x00, 0x05, 0x01), "size 5 exceeds");
        expectError(bytes(0x95, 0x11, "Opus"), "audioTrackId");
        expectError(bytes(0x97, 0x05, 0x01), "ModEx data");
    }

    private static void expectError(byte[] wire, String message) {
        assertThatThrownBy(() -> AudioTag.parse(wire)).isInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining(message);
    }

    @Test
    void enumsReverseLookupAndNames() {
        for (SoundFormat f : SoundFormat.values()) {
            assertThat(SoundFormat.fromValue(f.value())).contains(f);
        }
        assertThat(SoundFormat.fromValue(12)).isEmpty();
        for (AudioPacketType t : AudioPacketType.values()) {
            assertThat(AudioPacketType.fromValue(t.value())).contains(t);
        }
        for (AudioFourCc f : AudioFourCc.values()) {
            assertThat(AudioFourCc.fromCode(f.code())).contains(f);
            assertThat(AudioFourCc.fromText(f.specName())).contains(f);
        }
        assertThat(List.of(SoundFormat.values())).filteredOn(f -> f != SoundFormat.EX_HEADER)
                .extracting(SoundFormat::specName).containsExactly("pcm", "adpcm", "mp3", "pcm_le", "nellymoser",
                        "nellymoser", "nellymoser", "g711a", "g711u", "aac", "speex", "mp3_8k", "device");
        assertThat(List.of(AudioPacketType.values())).extracting(AudioPacketType::specName).containsExactly(
                "SequenceStart", "CodedFrames", "SequenceEnd", "MultichannelConfig", "Multitrack", "ModEx");
        assertThat(List.of(AudioChannelOrder.values())).extracting(AudioChannelOrder::specName)
                .containsExactly("Unspecified", "Native", "Custom");
    }

    @Test
    void buildersRejectInconsistentValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LegacyAudioTag(SoundFormat.MP3, 3, 1, 1,
                AudioPacketType.SEQUENCE_START, new byte[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> new LegacyAudioTag(SoundFormat.EX_HEADER, 0, 0, 0,
                null, new byte[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> new MultitrackAudioTag(List.of(),
                AvMultitrackType.ONE_TRACK, AudioPacketType.CODED_FRAMES, List.of(
                new AudioTrack(0, AudioFourCc.OPUS, new byte[0]), new AudioTrack(1, AudioFourCc.OPUS, new byte[0]))));
        assertThatIllegalArgumentException().isThrownBy(() -> new MultichannelConfig(AudioChannelOrder.CUSTOM, 2,
                List.of(AudioChannel.FRONT_LEFT), 0));
    }
}
