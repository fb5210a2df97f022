package io.rtmp4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.flv.AudioFourCc;
import io.rtmp4j.flv.AudioPacketType;
import io.rtmp4j.flv.AudioTrack;
import io.rtmp4j.flv.AvMultitrackType;
import io.rtmp4j.flv.ColorInfo;
import io.rtmp4j.flv.ExAudioTag;
import io.rtmp4j.flv.ExVideoTag;
import io.rtmp4j.flv.FlvCodec;
import io.rtmp4j.flv.LegacyAudioTag;
import io.rtmp4j.flv.LegacyVideoTag;
import io.rtmp4j.flv.ModEx;
import io.rtmp4j.flv.MultichannelConfig;
import io.rtmp4j.flv.MultitrackAudioTag;
import io.rtmp4j.flv.MultitrackVideoTag;
import io.rtmp4j.flv.SoundFormat;
import io.rtmp4j.flv.VideoCodecId;
import io.rtmp4j.flv.VideoCommand;
import io.rtmp4j.flv.VideoCommandTag;
import io.rtmp4j.flv.VideoFourCc;
import io.rtmp4j.flv.VideoFrameType;
import io.rtmp4j.flv.VideoPacketType;
import io.rtmp4j.flv.VideoTrack;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Tags → media packets on the nanosecond timeline (issue 3 "Media packets"). */
class MediaPacketAdapterTest {

    private static final int AUDIO = 8;
    private static final int VIDEO = 9;
    private static final long MS = 1_000_000L;

    private final MediaPacketAdapter adapter = new MediaPacketAdapter();

    private MediaPacket single(int type, long ms, byte[] body) {
        List<MediaPacket> packets = adapter.adapt(type, ms, body);
        assertThat(packets).hasSize(1);
        return packets.get(0);
    }

    @Test
    void legacyAvcSequenceHeaderThenFramesWithCompositionTime() {
        MediaPacket seq = single(VIDEO, 0, LegacyVideoTag.avc(VideoFrameType.KEY, VideoPacketType.SEQUENCE_START, 0,
                new byte[] {1, 0x64}).toBytes());
        assertThat(seq.kind()).isEqualTo(MediaPacket.Kind.SEQUENCE_HEADER);
        assertThat(seq.isSequenceHeader()).isTrue();
        assertThat(seq.keyframe()).isFalse();
        assertThat(seq.codec()).isEqualTo(MediaCodec.H264);
        assertThat(seq.flvCodec()).isEqualTo(VideoCodecId.AVC);
        assertThat(seq.data()).containsExactly(1, 0x64);

        MediaPacket key = single(VIDEO, 1000, LegacyVideoTag.avc(VideoFrameType.KEY, VideoPacketType.CODED_FRAMES, 40,
                new byte[] {0x65}).toBytes());
        assertThat(key.dtsNanos()).isEqualTo(1000 * MS);
        assertThat(key.ptsNanos()).isEqualTo(1040 * MS);
        assertThat(key.keyframe()).isTrue();
        assertThat(key.trackId()).isZero();
        assertThat(key.kind()).isEqualTo(MediaPacket.Kind.CODED_FRAME);

        MediaPacket b = single(VIDEO, 1040, LegacyVideoTag.avc(VideoFrameType.INTER, VideoPacketType.CODED_FRAMES, -40,
                new byte[] {0x01}).toBytes());
        assertThat(b.ptsNanos()).isEqualTo(1000 * MS);
        assertThat(b.keyframe()).isFalse();
    }

    @Test
    void timestampOffsetNanoIsAddedToVideoPtsOnly() {
        ExVideoTag tag = new ExVideoTag(VideoFrameType.INTER, List.of(ModEx.timestampOffsetNano(333_333)),
                VideoPacketType.CODED_FRAMES, VideoFourCc.HEVC, 80, new byte[] {2});
        MediaPacket p = single(VIDEO, 33, tag.toBytes());
        assertThat(p.dtsNanos()).isEqualTo(33 * MS);
        assertThat(p.ptsNanos()).isEqualTo(33 * MS + 80 * MS + 333_333);
        assertThat(p.codec()).isEqualTo(MediaCodec.HEVC);
    }

    @Test
    void timestampOffsetNanoIsAddedToAudioPtsAndDts() {
        ExAudioTag tag = ExAudioTag.of(AudioPacketType.CODED_FRAMES, AudioFourCc.OPUS, new byte[] {(byte) 0xFC})
                .withModEx(List.of(ModEx.timestampOffsetNano(500_000)));
        MediaPacket p = single(AUDIO, 21, tag.toBytes());
        assertThat(p.dtsNanos()).isEqualTo(21 * MS + 500_000);
        assertThat(p.ptsNanos()).isEqualTo(21 * MS + 500_000);
        assertThat(p.codec()).isEqualTo(MediaCodec.OPUS);
        assertThat(p.keyframe()).isTrue();
    }

    @Test
    void largestRtmpTimestampDoesNotOverflow() {
        MediaPacket p = single(AUDIO, 0xFFFF_FFFFL, LegacyAudioTag.aac(AudioPacketType.CODED_FRAMES, new byte[] {1})
                .toBytes());
        assertThat(p.dtsNanos()).isEqualTo(0xFFFF_FFFFL * MS);
    }

    @Test
    void ffmpeg8MultitrackFormOnePacketPerMessage() {
        // docs/INTEROP.md "Media": track 0 in the ordinary form, extra tracks as Multitrack/OneTrack
        MediaPacket t0 = single(VIDEO, 0, ExVideoTag.of(VideoFrameType.KEY, VideoPacketType.SEQUENCE_START,
                VideoFourCc.AVC, 0, new byte[] {1}).toBytes());
        MediaPacket t1 = single(VIDEO, 0, new MultitrackVideoTag(VideoFrameType.KEY, List.of(),
                AvMultitrackType.ONE_TRACK, VideoPacketType.SEQUENCE_START,
                List.of(new VideoTrack(1, VideoFourCc.AV1, 0, new byte[] {(byte) 0x81}))).toBytes());
        assertThat(t0.trackId()).isZero();
        assertThat(t0.codec()).isEqualTo(MediaCodec.H264);
        assertThat(t1.trackId()).isEqualTo(1);
        assertThat(t1.codec()).isEqualTo(MediaCodec.AV1);
        assertThat(t1.isSequenceHeader()).isTrue();
        MediaPacket a1 = single(AUDIO, 0, new MultitrackAudioTag(List.of(), AvMultitrackType.ONE_TRACK,
                AudioPacketType.SEQUENCE_START, List.of(new AudioTrack(1, AudioFourCc.FLAC, new byte[] {'f'})))
                .toBytes());
        assertThat(a1.trackId()).isEqualTo(1);
        assertThat(a1.codec()).isEqualTo(MediaCodec.FLAC);
        assertThat(adapter.codec(MediaType.VIDEO, 0)).contains(MediaCodec.H264);
        assertThat(adapter.codec(MediaType.VIDEO, 1)).contains(MediaCodec.AV1);
        assertThat(adapter.codec(MediaType.AUDIO, 1)).contains(MediaCodec.FLAC);
        assertThat(adapter.codec(MediaType.AUDIO, 0)).isEmpty();
    }

    @Test
    void manyTracksGiveOnePacketPerTrackWithItsOwnCompositionTime() {
        byte[] body = new MultitrackVideoTag(VideoFrameType.KEY, List.of(ModEx.timestampOffsetNano(7)),
                AvMultitrackType.MANY_TRACKS_MANY_CODECS, VideoPacketType.CODED_FRAMES, List.of(
                new VideoTrack(0, VideoFourCc.AVC, 40, new byte[] {0x65}),
                new VideoTrack(1, VideoFourCc.VP9, 0, new byte[] {0x10}),
                new VideoTrack(2, VideoFourCc.VVC, -10, new byte[] {0x11}))).toBytes();
        List<MediaPacket> packets = adapter.adapt(VIDEO, 100, body);
        assertThat(packets).extracting(MediaPacket::trackId).containsExactly(0, 1, 2);
        assertThat(packets).extracting(MediaPacket::codec).containsExactly(MediaCodec.H264, MediaCodec.VP9,
                MediaCodec.VVC);
        assertThat(packets).extracting(MediaPacket::ptsNanos).containsExactly(140 * MS + 7, 100 * MS + 7,
                90 * MS + 7);
        assertThat(packets).extracting(MediaPacket::dtsNanos).containsOnly(100 * MS);
        assertThat(packets).allMatch(MediaPacket::keyframe);

        byte[] audio = new MultitrackAudioTag(List.of(), AvMultitrackType.MANY_TRACKS, AudioPacketType.CODED_FRAMES,
                List.of(new AudioTrack(0, AudioFourCc.AAC, new byte[] {1}), new AudioTrack(3, AudioFourCc.AAC,
                new byte[] {2}))).toBytes();
        assertThat(adapter.adapt(AUDIO, 5, audio)).extracting(MediaPacket::trackId).containsExactly(0, 3);
    }

    @Test
    void silenceAndCommandsUseTheRememberedCodec() {
        assertThat(single(AUDIO, 0, new byte[0]).codec()).isNull(); // nothing known yet
        single(AUDIO, 0, LegacyAudioTag.aac(AudioPacketType.SEQUENCE_START, new byte[] {0x12, 0x10}).toBytes());
        MediaPacket silence = single(AUDIO, 20, new byte[0]);
        assertThat(silence.kind()).isEqualTo(MediaPacket.Kind.SILENCE);
        assertThat(silence.codec()).isEqualTo(MediaCodec.AAC);
        assertThat(silence.flvCodec()).isEqualTo(SoundFormat.AAC);
        assertThat(silence.data()).isEmpty();

        single(VIDEO, 0, ExVideoTag.of(VideoFrameType.KEY, VideoPacketType.CODED_FRAMES, VideoFourCc.AV1, 0,
                new byte[] {1}).toBytes());
        MediaPacket cmd = single(VIDEO, 10, VideoCommandTag.enhanced(VideoCommand.START_SEEK).toBytes());
        assertThat(cmd.kind()).isEqualTo(MediaPacket.Kind.COMMAND);
        assertThat(cmd.codec()).isEqualTo(MediaCodec.AV1);
        assertThat(cmd.data()).containsExactly(0);
        assertThat(cmd.keyframe()).isFalse();
    }

    @Test
    void metadataEndAndMultichannelKinds() {
        assertThat(single(VIDEO, 0, ExVideoTag.ofColorInfo(VideoFourCc.AV1, ColorInfo.RESET).toBytes()).kind())
                .isEqualTo(MediaPacket.Kind.METADATA);
        assertThat(single(VIDEO, 0, ExVideoTag.of(VideoFrameType.KEY, VideoPacketType.SEQUENCE_END, VideoFourCc.AV1,
                0, new byte[0]).toBytes()).kind()).isEqualTo(MediaPacket.Kind.SEQUENCE_END);
        assertThat(single(VIDEO, 0, ExVideoTag.of(VideoFrameType.KEY, VideoPacketType.MPEG2TS_SEQUENCE_START,
                VideoFourCc.AV1, 0, new byte[] {1}).toBytes()).isSequenceHeader()).isTrue();
        MediaPacket mc = single(AUDIO, 0, ExAudioTag.ofMultichannelConfig(AudioFourCc.OPUS,
                MultichannelConfig.nativeOrder(2, 3)).toBytes());
        assertThat(mc.kind()).isEqualTo(MediaPacket.Kind.MULTICHANNEL_CONFIG);
        assertThat(mc.keyframe()).isFalse();
        assertThat(single(VIDEO, 0, LegacyVideoTag.of(VideoFrameType.KEY, VideoCodecId.VP6, new byte[] {9})
                .toBytes()).codec()).isEqualTo(MediaCodec.VP6);
    }

    @Test
    void otherTagTypesAndReservedMultitrackGiveNoPacket() {
        assertThat(adapter.adapt(18, 0, new byte[] {2, 0, 0})).isEmpty();
        assertThat(adapter.adapt(VIDEO, 0, new byte[] {(byte) 0x96, 0x30, 1, 2})).isEmpty();
        assertThat(adapter.adapt(AUDIO, 0, new byte[] {(byte) 0x95, (byte) 0xF0})).isEmpty();
    }

    @Test
    void malformedBodiesAreProtocolErrors() {
        assertThatThrownBy(() -> adapter.adapt(VIDEO, 0, new byte[0])).isInstanceOf(RtmpProtocolException.class);
        assertThatThrownBy(() -> adapter.adapt(AUDIO, 0, new byte[] {(byte) 0xAF}))
                .isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void everyFlvCodecMapsToAMediaCodecOfTheRightType() {
        Stream.of(VideoCodecId.values(), VideoFourCc.values(), SoundFormat.values(), AudioFourCc.values())
                .flatMap(Stream::of)
                .map(FlvCodec.class::cast)
                .filter(c -> c != SoundFormat.EX_HEADER)
                .forEach(c -> {
                    MediaCodec m = MediaCodec.of(c);
                    assertThat(m).as(c.toString()).isNotNull();
                    assertThat(m.type()).isEqualTo(c.isVideo() ? MediaType.VIDEO : MediaType.AUDIO);
                });
        assertThat(MediaCodec.of(SoundFormat.EX_HEADER)).isNull();
        assertThat(MediaCodec.of(AudioFourCc.MP3)).isEqualTo(MediaCodec.of(SoundFormat.MP3));
        assertThat(MediaCodec.of(VideoFourCc.AVC)).isEqualTo(MediaCodec.of(VideoCodecId.AVC));
        assertThat(MediaCodec.of(AudioFourCc.AAC)).isEqualTo(MediaCodec.of(SoundFormat.AAC));
    }

    private static byte[] hex(String h) {
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    @Test
    void realFfmpeg81FourTrackHeaders() {
        // The first tags FFmpeg 8.1 wrote for -map 0:v -map 1:v -map 2:a -map 3:a (H.264, AV1, AAC, Opus):
        // track 0 in the legacy form, track 1 as Multitrack/OneTrack (docs/INTEROP.md "Media").
        List<MediaPacket> v0 = adapter.adapt(VIDEO, 0, hex("17000000000142c014ffe1000f6742c0148c682845e5c040784423500100"));
        List<MediaPacket> v1 = adapter.adapt(VIDEO, 0, hex("9600617630310181000c000a0b02000005196ffe017c0020"));
        List<MediaPacket> a0 = adapter.adapt(AUDIO, 0, hex("af00120856e500"));
        List<MediaPacket> a1 = adapter.adapt(AUDIO, 0, hex("95004f707573014f707573486561640101380180bb0000000000"));
        List<MediaPacket> a1mc = adapter.adapt(AUDIO, 0, hex("95044f70757301010100000004"));
        assertThat(List.of(v0.get(0), v1.get(0), a0.get(0), a1.get(0))).allMatch(MediaPacket::isSequenceHeader);
        assertThat(v0.get(0).trackId()).isZero();
        assertThat(v0.get(0).codec()).isEqualTo(MediaCodec.H264);
        assertThat(v1.get(0).trackId()).isEqualTo(1);
        assertThat(v1.get(0).codec()).isEqualTo(MediaCodec.AV1);
        assertThat(a0.get(0).codec()).isEqualTo(MediaCodec.AAC);
        assertThat(a1.get(0).trackId()).isEqualTo(1);
        assertThat(a1.get(0).codec()).isEqualTo(MediaCodec.OPUS);
        assertThat(a1mc.get(0).kind()).isEqualTo(MediaPacket.Kind.MULTICHANNEL_CONFIG);
        // Native order, 1 channel, FrontCenter
        assertThat(io.rtmp4j.flv.MultichannelConfig.parse(a1mc.get(0).data()))
                .isEqualTo(MultichannelConfig.nativeOrder(1, io.rtmp4j.flv.AudioChannel.FRONT_CENTER.mask()));
    }

    @Test
    void realFfmpeg81SdrColorInfoHasAnEmptyColorConfig() {
        // FFmpeg 8.1 writes a Metadata packet for SDR AV1 too: colorInfo = {colorConfig: {}}
        io.rtmp4j.flv.ExVideoTag tag = (io.rtmp4j.flv.ExVideoTag) io.rtmp4j.flv.VideoTag.parse(
                hex("d461763031020009636f6c6f72496e666f03000b636f6c6f72436f6e66696703000009000009"));
        ColorInfo ci = tag.colorInfo().orElseThrow();
        assertThat(ci.isReset()).isFalse();
        assertThat(ci.colorConfig()).isEqualTo(new ColorInfo.ColorConfig(null, null, null, null));
        assertThat(ExVideoTag.ofColorInfo(VideoFourCc.AV1, ci).toBytes()).isEqualTo(tag.toBytes());
    }
}
