package io.rtmp4j.flv;

import static io.rtmp4j.flv.TagTestBytes.bytes;
import static io.rtmp4j.flv.TagTestBytes.ramp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Golden vectors for video tag bodies: flv-10.1.txt E.4.3, enhanced-rtmp-v2.md "Enhanced Video". */
class VideoTagTest {

    /** Parses, compares with the expected value, rebuilds and compares with the input bytes. */
    private static VideoTag roundTrip(byte[] wire, VideoTag expected) {
        VideoTag parsed = VideoTag.parse(wire);
        assertThat(parsed).isEqualTo(expected);
        assertThat(parsed.toBytes()).isEqualTo(wire);
        assertThat(expected.toBytes()).isEqualTo(wire);
        return parsed;
    }

    // ---- legacy (flv-10.1.txt E.4.3.1) ------------------------------------------------------

    @Test
    void legacyAvcSequenceHeader() {
        byte[] wire = bytes(
                0x17,             // FrameType 1 (key) | CodecID 7 (AVC)
                0x00,             // AVCPacketType 0: AVC sequence header
                0x00, 0x00, 0x00, // CompositionTime SI24 0
                0x01, 0x64, 0x00, 0x1F); // AVCDecoderConfigurationRecord (start)
        VideoTag tag = roundTrip(wire, LegacyVideoTag.avc(VideoFrameType.KEY, VideoPacketType.SEQUENCE_START, 0,
                bytes(0x01, 0x64, 0x00, 0x1F)));
        assertThat(tag.enhanced()).isFalse();
        assertThat(tag.isSequenceHeader()).isTrue();
        assertThat(tag.isKeyframe()).isFalse();
        assertThat(VideoTag.isSequenceHeader(wire)).isTrue();
        assertThat(VideoTag.isKeyframe(wire)).isFalse();
        assertThat(VideoTag.codec(wire)).isEqualTo(VideoCodecId.AVC);
        assertThat(VideoTag.trackIds(wire)).containsExactly(0);
    }

    @Test
    void legacyAvcNaluWithNegativeCompositionTime() {
        byte[] wire = bytes(
                0x27,             // FrameType 2 (inter) | CodecID 7 (AVC)
                0x01,             // AVCPacketType 1: NALU
                0xFF, 0xFF, 0xD8, // CompositionTime SI24 -40
                0x00, 0x00, 0x00, 0x02, 0x09, 0xF0); // one length-prefixed NALU
        VideoTag tag = roundTrip(wire, LegacyVideoTag.avc(VideoFrameType.INTER, VideoPacketType.CODED_FRAMES, -40,
                bytes(0x00, 0x00, 0x00, 0x02, 0x09, 0xF0)));
        assertThat(tag.isKeyframe()).isFalse();
        assertThat(((LegacyVideoTag) tag).compositionTime()).isEqualTo(-40);
    }

    @Test
    void legacyAvcKeyframeAndEndOfSequence() {
        byte[] key = bytes(0x17, 0x01, 0x00, 0x00, 0x50, 0x65); // key | AVC, NALU, ct 80, data 0x65
        assertThat(roundTrip(key, LegacyVideoTag.avc(VideoFrameType.KEY, VideoPacketType.CODED_FRAMES, 80,
                bytes(0x65))).isKeyframe()).isTrue();
        assertThat(VideoTag.isKeyframe(key)).isTrue();
        byte[] end = bytes(0x17, 0x02, 0x00, 0x00, 0x00); // key | AVC, end of sequence, ct 0, no data
        roundTrip(end, LegacyVideoTag.avc(VideoFrameType.KEY, VideoPacketType.SEQUENCE_END, 0, new byte[0]));
    }

    @ParameterizedTest
    @EnumSource(value = VideoCodecId.class, names = "AVC", mode = EnumSource.Mode.EXCLUDE)
    void legacyOtherCodecsKeepTheirBodyVerbatim(VideoCodecId codec) {
        byte[] wire = bytes(
                0x30 | codec.value(), // FrameType 3 (disposable) | CodecID
                0xAA, 0xBB, 0xCC);    // codec payload, not interpreted
        VideoTag tag = roundTrip(wire, LegacyVideoTag.of(VideoFrameType.DISPOSABLE, codec, bytes(0xAA, 0xBB, 0xCC)));
        assertThat(VideoTag.codec(wire)).isEqualTo(codec);
        assertThat(tag.isKeyframe()).isFalse();
        byte[] keyWire = bytes(0x10 | codec.value(), 0x01); // key frame
        assertThat(VideoTag.parse(keyWire).isKeyframe()).isTrue();
        assertThat(VideoTag.isKeyframe(keyWire)).isTrue();
        byte[] generated = bytes(0x40 | codec.value(), 0x01); // generated key frame
        assertThat(VideoTag.parse(generated).frameType()).isEqualTo(VideoFrameType.GENERATED);
        assertThat(VideoTag.parse(generated).isKeyframe()).isTrue();
    }

    @Test
    void legacyCommandFrames() {
        byte[] start = bytes(
                0x57,  // FrameType 5 (command) | CodecID 7
                0x00); // VideoCommand 0: StartSeek
        VideoTag tag = roundTrip(start, VideoCommandTag.legacy(VideoCodecId.AVC, VideoCommand.START_SEEK));
        assertThat(tag.frameType()).isEqualTo(VideoFrameType.COMMAND);
        assertThat(tag.isKeyframe()).isFalse();
        assertThat(VideoTag.codec(start)).isNull();
        byte[] end = bytes(0x52, 0x01); // command | H.263, EndSeek
        roundTrip(end, VideoCommandTag.legacy(VideoCodecId.SORENSON_H263, VideoCommand.END_SEEK));
        byte[] trailing = bytes(0x52, 0x01, 0x99); // an undefined byte after the command is kept
        roundTrip(trailing, new VideoCommandTag(false, 2, List.of(), VideoCommand.END_SEEK, bytes(0x99)));
    }

    // ---- enhanced, single track ---------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(VideoFourCc.class)
    void enhancedSequenceStartForEveryFourCc(VideoFourCc fourCc) {
        byte[] wire = bytes(
                0x90,                 // IsExHeader 1 | FrameType 1 (key) | PacketType 0 (SequenceStart)
                fourCc.specName(),    // FOURCC
                0x01, 0x02);          // configuration record (start)
        VideoTag tag = roundTrip(wire, ExVideoTag.of(VideoFrameType.KEY, VideoPacketType.SEQUENCE_START, fourCc, 0,
                bytes(0x01, 0x02)));
        assertThat(tag.enhanced()).isTrue();
        assertThat(tag.isSequenceHeader()).isTrue();
        assertThat(VideoTag.isSequenceHeader(wire)).isTrue();
        assertThat(VideoTag.codec(wire)).isEqualTo(fourCc);
    }

    @ParameterizedTest
    @EnumSource(value = VideoFourCc.class, names = {"AVC", "HEVC", "VVC"})
    void enhancedCodedFramesWithCompositionTime(VideoFourCc fourCc) {
        byte[] wire = bytes(
                0xA1,              // IsExHeader | FrameType 2 (inter) | PacketType 1 (CodedFrames)
                fourCc.specName(), // FOURCC
                0x00, 0x00, 0x50,  // compositionTimeOffset SI24 80
                0x00, 0x00, 0x00, 0x01, 0x26); // NALUs
        VideoTag tag = roundTrip(wire, ExVideoTag.of(VideoFrameType.INTER, VideoPacketType.CODED_FRAMES, fourCc, 80,
                bytes(0x00, 0x00, 0x00, 0x01, 0x26)));
        assertThat(((ExVideoTag) tag).compositionTime()).isEqualTo(80);
        assertThat(tag.isKeyframe()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = VideoFourCc.class, names = {"AV1", "VP9", "VP8"})
    void enhancedCodedFramesWithoutCompositionTime(VideoFourCc fourCc) {
        byte[] wire = bytes(
                0x91,              // IsExHeader | FrameType 1 (key) | PacketType 1 (CodedFrames)
                fourCc.specName(), // FOURCC
                0x12, 0x00, 0x0A); // coded data (no SI24 for this codec)
        VideoTag tag = roundTrip(wire, ExVideoTag.of(VideoFrameType.KEY, VideoPacketType.CODED_FRAMES, fourCc, 0,
                bytes(0x12, 0x00, 0x0A)));
        assertThat(tag.isKeyframe()).isTrue();
        assertThat(VideoTag.isKeyframe(wire)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(VideoFourCc.class)
    void enhancedCodedFramesXSequenceEndAndMpeg2ts(VideoFourCc fourCc) {
        byte[] x = bytes(
                0x93,              // IsExHeader | key | PacketType 3 (CodedFramesX)
                fourCc.specName(), // FOURCC
                0x65, 0x88);       // data, composition time implied 0
        assertThat(roundTrip(x, ExVideoTag.of(VideoFrameType.KEY, VideoPacketType.CODED_FRAMES_X, fourCc, 0,
                bytes(0x65, 0x88))).isKeyframe()).isTrue();
        byte[] end = bytes(
                0x92,              // IsExHeader | key | PacketType 2 (SequenceEnd)
                fourCc.specName()); // FOURCC, no body
        VideoTag endTag = roundTrip(end, ExVideoTag.of(VideoFrameType.KEY, VideoPacketType.SEQUENCE_END, fourCc, 0,
                new byte[0]));
        assertThat(endTag.isKeyframe()).isFalse();
        assertThat(endTag.isSequenceHeader()).isFalse();
        byte[] ts = bytes(
                0x95,              // IsExHeader | key | PacketType 5 (MPEG2TSSequenceStart)
                fourCc.specName(), // FOURCC
                0x80, 0x04);       // video descriptor
        assertThat(roundTrip(ts, ExVideoTag.of(VideoFrameType.KEY, VideoPacketType.MPEG2TS_SEQUENCE_START, fourCc, 0,
                bytes(0x80, 0x04))).isSequenceHeader()).isTrue();
    }

    @Test
    void enhancedCommandFrame() {
        byte[] wire = bytes(
                0xD1,  // IsExHeader | FrameType 5 (command) | PacketType 1
                0x01); // VideoCommand 1: EndSeek (no FourCC)
        VideoTag tag = roundTrip(wire, VideoCommandTag.enhanced(VideoCommand.END_SEEK));
        assertThat(tag.enhanced()).isTrue();
        assertThat(VideoTag.codec(wire)).isNull();
        assertThat(VideoTag.trackIds(wire)).containsExactly(0);
    }

    // ---- multitrack ---------------------------------------------------------------------------

    @Test
    void multitrackOneTrackAsFfmpeg8WritesExtraTracks() {
        byte[] wire = bytes(
                0x96,       // IsExHeader | key | PacketType 6 (Multitrack)
                0x01,       // AvMultitrackType 0 (OneTrack) | PacketType 1 (CodedFrames)
                "av01",     // shared FOURCC
                0x01,       // videoTrackId 1 (no size for OneTrack)
                0x12, 0x00); // OBUs to the end of the message
        VideoTag tag = roundTrip(wire, new MultitrackVideoTag(VideoFrameType.KEY, List.of(), AvMultitrackType.ONE_TRACK,
                VideoPacketType.CODED_FRAMES, List.of(new VideoTrack(1, VideoFourCc.AV1, 0, bytes(0x12, 0x00)))));
        assertThat(tag.isKeyframe()).isTrue();
        assertThat(((MultitrackVideoTag) tag).sharedFourCc()).isEqualTo(VideoFourCc.AV1);
        assertThat(VideoTag.trackIds(wire)).containsExactly(1);
        assertThat(VideoTag.codec(wire)).isEqualTo(VideoFourCc.AV1);
        assertThat(VideoTag.isKeyframe(wire)).isTrue();
    }

    @Test
    void multitrackManyTracksWithCompositionTime() {
        byte[] wire = bytes(
                0xA6,             // IsExHeader | inter | Multitrack
                0x11,             // AvMultitrackType 1 (ManyTracks) | PacketType 1 (CodedFrames)
                "hvc1",           // shared FOURCC
                0x00,             // track 0
                0x00, 0x00, 0x05, // size 5: SI24 + 2 data bytes
                0x00, 0x00, 0x28, //   compositionTimeOffset 40
                0x02, 0x01,       //   data
                0x02,             // track 2
                0x00, 0x00, 0x04, // size 4
                0xFF, 0xFF, 0xEC, //   compositionTimeOffset -20
                0x02);            //   data
        VideoTag tag = roundTrip(wire, new MultitrackVideoTag(VideoFrameType.INTER, List.of(),
                AvMultitrackType.MANY_TRACKS, VideoPacketType.CODED_FRAMES, List.of(
                new VideoTrack(0, VideoFourCc.HEVC, 40, bytes(0x02, 0x01)),
                new VideoTrack(2, VideoFourCc.HEVC, -20, bytes(0x02)))));
        assertThat(VideoTag.trackIds(wire)).containsExactly(0, 2);
        assertThat(tag.isKeyframe()).isFalse();
    }

    @Test
    void multitrackManyTracksManyCodecsSequenceStart() {
        byte[] wire = bytes(
                0x96,             // IsExHeader | key | Multitrack
                0x20,             // AvMultitrackType 2 (ManyTracksManyCodecs) | PacketType 0 (SequenceStart)
                                  // no shared FOURCC
                "avc1",           // track FOURCC
                0x00,             // track 0
                0x00, 0x00, 0x03, // size 3
                0x01, 0x64, 0x00, //   avcC (start)
                "av01",           // track FOURCC
                0x01,             // track 1
                0x00, 0x00, 0x02, // size 2
                0x81, 0x05);      //   av1C (start)
        VideoTag tag = roundTrip(wire, new MultitrackVideoTag(VideoFrameType.KEY, List.of(),
                AvMultitrackType.MANY_TRACKS_MANY_CODECS, VideoPacketType.SEQUENCE_START, List.of(
                new VideoTrack(0, VideoFourCc.AVC, 0, bytes(0x01, 0x64, 0x00)),
                new VideoTrack(1, VideoFourCc.AV1, 0, bytes(0x81, 0x05)))));
        assertThat(tag.isSequenceHeader()).isTrue();
        assertThat(((MultitrackVideoTag) tag).sharedFourCc()).isNull();
        assertThat(VideoTag.trackIds(wire)).containsExactly(0, 1);
        assertThat(VideoTag.codec(wire)).isEqualTo(VideoFourCc.AVC);
        assertThat(VideoTag.isSequenceHeader(wire)).isTrue();
    }

    @Test
    void reservedMultitrackTypesAreCarriedVerbatim() {
        for (int type = 3; type <= 15; type++) {
            byte[] wire = bytes(
                    0x96,              // IsExHeader | key | Multitrack
                    type << 4 | 0x09,  // reserved AvMultitrackType | packet type nibble 9 (uninterpreted)
                    0xDE, 0xAD, 0xBE); // unknown layout
            VideoTag tag = roundTrip(wire, new ReservedMultitrackVideoTag(VideoFrameType.KEY, List.of(), type, 9,
                    bytes(0xDE, 0xAD, 0xBE)));
            assertThat(tag.isKeyframe()).isFalse();
            assertThat(VideoTag.trackIds(wire)).isEmpty();
            assertThat(VideoTag.codec(wire)).isNull();
        }
    }

    @Test
    void multitrackInsideMultitrackIsAnError() {
        byte[] wire = bytes(0x96, 0x06, "avc1", 0x00, 0x00); // OneTrack | inner PacketType 6 (Multitrack)
        assertThatThrownBy(() -> VideoTag.parse(wire)).isInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining("inner packet type Multitrack");
        assertThatThrownBy(() -> VideoTag.isKeyframe(wire)).isInstanceOf(RtmpProtocolException.class);
    }

    // ---- ModEx --------------------------------------------------------------------------------

    @Test
    void modExTimestampOffsetNano() {
        byte[] wire = bytes(
                0x97,             // IsExHeader | key | PacketType 7 (ModEx)
                0x02,             // modExDataSize - 1 = 2 -> 3 bytes
                0x03, 0xD0, 0x90, // UI24 250 000 ns
                0x01,             // ModExType 0 (TimestampOffsetNano) | next PacketType 1 (CodedFrames)
                "av01",           // FOURCC
                0x0A, 0x0B);      // OBUs
        VideoTag tag = roundTrip(wire, new ExVideoTag(VideoFrameType.KEY, List.of(ModEx.timestampOffsetNano(250_000)),
                VideoPacketType.CODED_FRAMES, VideoFourCc.AV1, 0, bytes(0x0A, 0x0B)));
        assertThat(tag.timestampOffsetNano()).hasValue(250_000);
        assertThat(((ExVideoTag) tag).packetType()).isEqualTo(VideoPacketType.CODED_FRAMES);
        assertThat(tag.isKeyframe()).isTrue();
        assertThat(VideoTag.isKeyframe(wire)).isTrue();
        assertThat(VideoTag.codec(wire)).isEqualTo(VideoFourCc.AV1);
    }

    @Test
    void modExChainWithUnknownTypeAndUi16Escape() {
        byte[] big = ramp(300);
        byte[] wire = bytes(
                0xA7,             // IsExHeader | inter | ModEx
                0x00,             // size - 1 = 0 -> 1 byte
                0x42,             //   data of an unknown ModEx type
                0x57,             // ModExType 5 (unknown, kept) | next PacketType 7 (ModEx again)
                0xFF,             // UI8 255: size escapes to UI16
                0x01, 0x2B,       // UI16 299 -> 300 bytes
                big,              //   data
                0x16,             // ModExType 1 (unknown) | next PacketType 6 (Multitrack)
                0x01,             // OneTrack | CodedFrames
                "vp09",           // FOURCC
                0x03,             // track 3
                0x99);            // data
        VideoTag tag = roundTrip(wire, new MultitrackVideoTag(VideoFrameType.INTER,
                List.of(new ModEx(5, bytes(0x42), false), new ModEx(1, big, true)),
                AvMultitrackType.ONE_TRACK, VideoPacketType.CODED_FRAMES,
                List.of(new VideoTrack(3, VideoFourCc.VP9, 0, bytes(0x99)))));
        assertThat(tag.modEx()).hasSize(2);
        assertThat(tag.modEx().get(0).knownType()).isEmpty();
        assertThat(tag.modEx().get(1).wideSize()).isTrue();
        assertThat(tag.timestampOffsetNano()).isEmpty();
        assertThat(VideoTag.trackIds(wire)).containsExactly(3);
        assertThat(ModEx.of(1, big).wideSize()).isTrue();
    }

    @Test
    void modExUi16EscapeForASmallSizeIsRebuiltAsSent() {
        byte[] wire = bytes(
                0x97,             // IsExHeader | key | ModEx
                0xFF, 0x00, 0x02, // escaped size: UI16 2 -> 3 bytes (non-canonical but legal)
                0x00, 0x00, 0x01, // TimestampOffsetNano 1
                0x00,             // ModExType 0 | next PacketType 0 (SequenceStart)
                "hvc1");          // FOURCC, empty body
        VideoTag tag = VideoTag.parse(wire);
        assertThat(tag.modEx().get(0).wideSize()).isTrue();
        assertThat(tag.timestampOffsetNano()).hasValue(1);
        assertThat(tag.toBytes()).isEqualTo(wire);
    }

    @Test
    void modExErrors() {
        // TimestampOffsetNano above 999 999
        assertThatThrownBy(() -> VideoTag.parse(bytes(0x97, 0x02, 0x0F, 0x42, 0x40, 0x01, "av01")))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("out of range");
        // TimestampOffsetNano with 2 bytes of data
        assertThatThrownBy(() -> VideoTag.parse(bytes(0x97, 0x01, 0x00, 0x01, 0x01, "av01")))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("at least 3");
        // chain size beyond the body
        assertThatThrownBy(() -> VideoTag.parse(bytes(0x97, 0x10, 0x00)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("ModEx data");
        // escape without the UI16
        assertThatThrownBy(() -> VideoTag.parse(bytes(0x97, 0xFF, 0x00)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("UI16");
    }

    // ---- errors -------------------------------------------------------------------------------

    @Test
    void malformedBodiesFailWithAClearMessage() {
        expectError(new byte[0], "empty");
        expectError(bytes(0x17, 0x01, 0x00), "CompositionTime");          // truncated SI24
        expectError(bytes(0x17), "AVCPacketType");                         // AVC without packet type
        expectError(bytes(0x17, 0x03, 0, 0, 0), "AVCPacketType 3");        // reserved AVCPacketType
        expectError(bytes(0x07, 0x00), "frame type 0");                    // reserved frame type 0
        expectError(bytes(0x67, 0x00), "frame type 6");                    // reserved frame type 6
        expectError(bytes(0x18, 0x00), "codec id 8");                      // reserved codec id 8
        expectError(bytes(0x11, 0x00), "codec id 1");                      // reserved codec id 1
        expectError(bytes(0x57, 0x02), "video command 2");                 // reserved command
        expectError(bytes(0x57), "videoCommand");                          // missing command
        expectError(bytes(0x90, "xyz1"), "unknown video FourCC 'xyz1'");   // unknown FourCC
        expectError(bytes(0x90, "av0"), "VideoFourCc");                    // truncated FourCC
        expectError(bytes(0x98, "av01"), "reserved video packet type 8");  // reserved packet type
        expectError(bytes(0xA1, "avc1", 0x00, 0x00), "compositionTimeOffset"); // truncated SI24
        expectError(bytes(0x96, 0x11, "av01", 0x00, 0x00, 0x00, 0x09, 0x01), "size 9 exceeds"); // track size
        expectError(bytes(0x96, 0x11, "av01", 0x00, 0x00, 0x00, 0x01, 0x01, 0x05), "sizeOfVideoTrack"); // partial track
        expectError(bytes(0x96, 0x11, "av01"), "videoTrackId");            // ManyTracks without a track
        expectError(bytes(0x96, 0x01, "av01"), "videoTrackId");            // OneTrack without id
        expectError(bytes(0x96, 0x21, "av01", 0x00, 0x00, 0x00, 0x01, 0x01, "bad!", 0x01), "unknown video FourCC");
        expectError(bytes(0x96, 0x07, "av01", 0x00), "inner packet type ModEx");
        expectError(bytes(0x96), "AvMultitrackType");
    }

    private static void expectError(byte[] wire, String message) {
        assertThatThrownBy(() -> VideoTag.parse(wire)).isInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining(message);
    }

    @Test
    void enumsReverseLookup() {
        for (VideoFrameType t : VideoFrameType.values()) {
            assertThat(VideoFrameType.fromValue(t.value())).contains(t);
        }
        assertThat(VideoFrameType.fromValue(0)).isEmpty();
        for (VideoCodecId c : VideoCodecId.values()) {
            assertThat(VideoCodecId.fromValue(c.value())).contains(c);
        }
        for (VideoPacketType t : VideoPacketType.values()) {
            assertThat(VideoPacketType.fromValue(t.value())).contains(t);
        }
        assertThat(VideoPacketType.fromValue(8)).isEmpty();
        for (VideoFourCc f : VideoFourCc.values()) {
            assertThat(VideoFourCc.fromCode(f.code())).contains(f);
            assertThat(VideoFourCc.fromText(f.specName())).contains(f);
        }
        assertThat(VideoFourCc.HEVC.code()).isEqualTo(0x68766331); // 'h' 'v' 'c' '1'
        assertThat(List.of(VideoCodecId.values())).extracting(VideoCodecId::specName)
                .containsExactly("h263", "screen", "vp6", "vp6a", "screen2", "avc");
        assertThat(List.of(VideoFrameType.values())).extracting(VideoFrameType::specName)
                .containsExactly("key", "inter", "disposable", "generated", "command");
        assertThat(List.of(VideoPacketType.values())).extracting(VideoPacketType::specName)
                .containsExactly("SequenceStart", "CodedFrames", "SequenceEnd", "CodedFramesX", "Metadata",
                        "MPEG2TSSequenceStart", "Multitrack", "ModEx");
        assertThat(List.of(AvMultitrackType.values())).extracting(AvMultitrackType::specName)
                .containsExactly("OneTrack", "ManyTracks", "ManyTracksManyCodecs");
    }

    @Test
    void buildersRejectInconsistentValues() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
                ExVideoTag.of(VideoFrameType.KEY, VideoPacketType.CODED_FRAMES, VideoFourCc.AV1, 40, new byte[0]));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
                new MultitrackVideoTag(VideoFrameType.KEY, List.of(), AvMultitrackType.MANY_TRACKS,
                        VideoPacketType.CODED_FRAMES, List.of(new VideoTrack(0, VideoFourCc.AV1, 0, new byte[0]),
                        new VideoTrack(1, VideoFourCc.VP9, 0, new byte[0]))));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
                LegacyVideoTag.avc(VideoFrameType.KEY, VideoPacketType.CODED_FRAMES, 0x800000, new byte[0]));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
                ModEx.timestampOffsetNano(1_000_000));
        // 0xD6 would read back as a command frame, so a COMMAND Multitrack value cannot exist
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
                new MultitrackVideoTag(VideoFrameType.COMMAND, List.of(), AvMultitrackType.ONE_TRACK,
                        VideoPacketType.METADATA, List.of(new VideoTrack(0, VideoFourCc.AV1, 0, new byte[0]))));
    }
}
