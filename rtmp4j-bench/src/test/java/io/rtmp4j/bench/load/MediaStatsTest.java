package io.rtmp4j.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaStatsTest {

    // flv-10.1.txt E.4.3.1: FrameType (high nibble) 1 key / 2 inter, CodecID 7 = AVC; AVCPacketType 0 = seq header, 1 = NALU
    private static final byte[] AVC_SEQUENCE_HEADER = {0x17, 0x00, 0, 0, 0, 0x01, 0x64};
    private static final byte[] AVC_KEYFRAME = {0x17, 0x01, 0, 0, 0, 0, 0, 0, 1, 0x65};
    private static final byte[] AVC_INTER = {0x27, 0x01, 0, 0, 0, 0, 0, 0, 1, 0x41};
    // E.4.2.1: SoundFormat 10 (AAC), 44 kHz, 16 bit, stereo; AACPacketType 1 raw
    private static final byte[] AAC_RAW = {(byte) 0xAF, 0x01, 0x21};

    @Test
    void countsMediaAndFindsTheFirstKeyframeAfterTheSequenceHeader() {
        MediaStats m = new MediaStats();
        m.onMedia(1_000, 8, 0, AAC_RAW);
        m.onMedia(2_000, 9, 0, AVC_SEQUENCE_HEADER);
        m.onMedia(3_000, 9, 0, AVC_INTER);
        assertThat(m.firstKeyframeUs).isEqualTo(-1);
        m.onMedia(4_000, 9, 33, AVC_KEYFRAME);
        m.onMedia(5_000, 9, 66, AVC_KEYFRAME);
        assertThat(m.mediaMessages).isEqualTo(5);
        assertThat(m.mediaBytes).isEqualTo(AAC_RAW.length + AVC_SEQUENCE_HEADER.length + AVC_INTER.length
                + 2L * AVC_KEYFRAME.length);
        assertThat(m.firstMediaUs).isEqualTo(1_000);
        assertThat(m.firstKeyframeUs).isEqualTo(4_000);
        assertThat(m.sequenceHeaderBeforeKeyframe).isTrue();
        assertThat(m.lastMediaUs).isEqualTo(5_000);
    }

    @Test
    void keyframeWithoutSequenceHeaderIsFlagged() {
        MediaStats m = new MediaStats();
        m.onMedia(1_000, 9, 0, AVC_KEYFRAME);
        assertThat(m.firstKeyframeUs).isEqualTo(1_000);
        assertThat(m.sequenceHeaderBeforeKeyframe).isFalse();
    }

    @Test
    void enhancedSequenceStartAndCodedFrames() {
        // enhanced-rtmp-v2.md: IsExHeader | FrameType << 4 | VideoPacketType; FourCC follows
        byte[] start = {(byte) (0x80 | 0x10 | 0), 'h', 'v', 'c', '1', 1};
        byte[] codedX = {(byte) (0x80 | 0x10 | 3), 'h', 'v', 'c', '1', 0x26};
        byte[] interCoded = {(byte) (0x80 | 0x20 | 1), 'h', 'v', 'c', '1', 0, 0, 0, 0x02};
        MediaStats m = new MediaStats();
        m.onMedia(1, 9, 0, start);
        m.onMedia(2, 9, 0, interCoded);
        assertThat(m.firstKeyframeUs).isEqualTo(-1);
        m.onMedia(3, 9, 0, codedX);
        assertThat(m.firstKeyframeUs).isEqualTo(3);
        assertThat(m.sequenceHeaderBeforeKeyframe).isTrue();
    }

    @Test
    void aggregateIsWalkedForItsVideoTags() {
        // rtmp-1.0.txt §7.1.6: FLV tag headers (type, UI24 size, timestamp, stream id) + body + back pointer
        byte[] agg = concat(tag(9, AVC_SEQUENCE_HEADER), tag(8, AAC_RAW), tag(9, AVC_KEYFRAME));
        MediaStats m = new MediaStats();
        m.onMedia(7, 22, 0, agg);
        assertThat(m.mediaMessages).isEqualTo(1);
        assertThat(m.firstKeyframeUs).isEqualTo(7);
        assertThat(m.sequenceHeaderBeforeKeyframe).isTrue();
    }

    @Test
    void truncatedAggregateIsIgnored() {
        byte[] agg = tag(9, AVC_KEYFRAME);
        byte[] cut = java.util.Arrays.copyOf(agg, agg.length - 8);
        MediaStats m = new MediaStats();
        m.onMedia(7, 22, 0, cut);
        assertThat(m.firstKeyframeUs).isEqualTo(-1);
        assertThat(m.mediaMessages).isEqualTo(1);
    }

    @Test
    void receivingMeansMediaWithinTheWindow() {
        MediaStats m = new MediaStats();
        assertThat(m.receiving(10, 5)).isFalse();
        m.onMedia(100, 8, 0, AAC_RAW);
        assertThat(m.receiving(105, 5)).isTrue();
        assertThat(m.receiving(106, 5)).isFalse();
    }

    private static byte[] tag(int type, byte[] body) {
        byte[] t = new byte[11 + body.length + 4];
        t[0] = (byte) type;
        t[1] = (byte) (body.length >> 16);
        t[2] = (byte) (body.length >> 8);
        t[3] = (byte) body.length;
        System.arraycopy(body, 0, t, 11, body.length);
        int back = 11 + body.length;
        t[t.length - 1] = (byte) back;
        t[t.length - 2] = (byte) (back >> 8);
        return t;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }
}
