package io.rtmp4j.flv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.media.MediaPacketAdapter;

/**
 * Fuzzes {@link VideoTag#parse}: any input either parses or raises {@link RtmpProtocolException};
 * whatever parses rebuilds to exactly the input bytes, agrees with the header-only peeks, yields its
 * typed metadata and adapts to media packets. The peeks alone may also only raise
 * {@link RtmpProtocolException}. Regression inputs:
 * {@code src/test/resources/io/rtmp4j/flv/VideoTagFuzzTestInputs/parse/}.
 */
class VideoTagFuzzTest {

    @FuzzTest(maxDuration = "4m")
    void parse(byte[] body) {
        VideoTag tag;
        try {
            tag = VideoTag.parse(body);
        } catch (RtmpProtocolException expected) {
            peeksFailCleanly(body);
            return;
        }
        assertThat(tag.toBytes()).isEqualTo(body);
        assertThat(VideoTag.parse(tag.toBytes())).isEqualTo(tag);
        assertThat(VideoTag.isKeyframe(body)).isEqualTo(tag.isKeyframe());
        assertThat(VideoTag.isSequenceHeader(body)).isEqualTo(tag.isSequenceHeader());
        int[] ids = VideoTag.trackIds(body);
        if (tag instanceof MultitrackVideoTag m) {
            assertThat(ids).containsExactly(m.tracks().stream().mapToInt(VideoTrack::trackId).toArray());
            assertThat(VideoTag.codec(body)).isEqualTo(m.tracks().get(0).fourCc());
        } else if (tag instanceof ExVideoTag e) {
            assertThat(ids).containsExactly(0);
            assertThat(VideoTag.codec(body)).isEqualTo(e.fourCc());
            e.colorInfo(); // validated at parse time: must not throw
        } else if (tag instanceof LegacyVideoTag l) {
            assertThat(VideoTag.codec(body)).isEqualTo(l.codecId());
        }
        new MediaPacketAdapter().adaptVideo(0xFFFF_FFFFL, tag);
    }

    private static void peeksFailCleanly(byte[] body) {
        try {
            VideoTag.isKeyframe(body);
            VideoTag.isSequenceHeader(body);
            VideoTag.codec(body);
            VideoTag.trackIds(body);
        } catch (RtmpProtocolException expected) {
            // header bytes malformed too
        }
    }
}
