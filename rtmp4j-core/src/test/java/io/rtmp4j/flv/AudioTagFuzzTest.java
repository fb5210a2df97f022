package io.rtmp4j.flv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.media.MediaPacketAdapter;

/**
 * Fuzzes {@link AudioTag#parse}: any input either parses or raises {@link RtmpProtocolException};
 * whatever parses rebuilds to exactly the input bytes, agrees with the header-only peeks, yields its
 * typed multichannel configuration and adapts to media packets. The peeks alone may also only raise
 * {@link RtmpProtocolException}. Regression inputs:
 * {@code src/test/resources/io/rtmp4j/flv/AudioTagFuzzTestInputs/parse/}.
 */
class AudioTagFuzzTest {

    @FuzzTest(maxDuration = "4m")
    void parse(byte[] body) {
        AudioTag tag;
        try {
            tag = AudioTag.parse(body);
        } catch (RtmpProtocolException expected) {
            try {
                AudioTag.isSequenceHeader(body);
                AudioTag.codec(body);
                AudioTag.trackIds(body);
            } catch (RtmpProtocolException alsoExpected) {
                // header bytes malformed too
            }
            return;
        }
        assertThat(tag.toBytes()).isEqualTo(body);
        assertThat(AudioTag.parse(tag.toBytes())).isEqualTo(tag);
        assertThat(AudioTag.isSequenceHeader(body)).isEqualTo(tag.isSequenceHeader());
        int[] ids = AudioTag.trackIds(body);
        if (tag instanceof MultitrackAudioTag m) {
            assertThat(ids).containsExactly(m.tracks().stream().mapToInt(AudioTrack::trackId).toArray());
            assertThat(AudioTag.codec(body)).isEqualTo(m.tracks().get(0).fourCc());
        } else if (tag instanceof ExAudioTag e) {
            assertThat(ids).containsExactly(0);
            assertThat(AudioTag.codec(body)).isEqualTo(e.fourCc());
            e.multichannelConfig(); // validated at parse time: must not throw
        } else if (tag instanceof LegacyAudioTag l) {
            assertThat(AudioTag.codec(body)).isEqualTo(l.format());
        }
        new MediaPacketAdapter().adaptAudio(0xFFFF_FFFFL, tag);
    }
}
