package io.rtmp4j.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnhancedCapabilitiesTest {

    @Test
    void roundTripsThroughACommandObject() {
        EnhancedCapabilities caps = EnhancedCapabilities.NONE.withFourCcList(List.of("*"))
                .withAudioFourCc("*", EnhancedCapabilities.CAN_FORWARD)
                .withAudioFourCc("fLaC", EnhancedCapabilities.CAN_DECODE)
                .withCapsEx(EnhancedCapabilities.CAPS_TIMESTAMP_NANO_OFFSET);
        Amf0Object.Builder b = Amf0Object.builder().put("app", "live");
        caps.writeTo(b);
        Amf0Object o = b.build();
        assertThat(o.names()).containsExactly("app", "fourCcList", "audioFourCcInfoMap", "capsEx");
        assertThat(EnhancedCapabilities.from(o)).isEqualTo(caps);
        // enhanced-rtmp-v2.md: "*" in fourCcList = any codec; "*" flags apply to every codec
        assertThat(caps.listed("Opus")).isTrue();
        assertThat(caps.audioFlags("fLaC")).isEqualTo(EnhancedCapabilities.CAN_DECODE | EnhancedCapabilities.CAN_FORWARD);
        assertThat(caps.audioFlags("mp4a")).isEqualTo(EnhancedCapabilities.CAN_FORWARD);
        assertThat(caps.videoFlags("avc1")).isZero();
    }

    @Test
    void noneWritesNothing() {
        Amf0Object.Builder b = Amf0Object.builder().put("app", "live");
        EnhancedCapabilities.NONE.writeTo(b);
        assertThat(b.build().names()).containsExactly("app");
        assertThat(EnhancedCapabilities.NONE.isEmpty()).isTrue();
        assertThat(EnhancedCapabilities.from(b.build())).isEqualTo(EnhancedCapabilities.NONE);
    }

    @Test
    void malformedPartsAreSkippedNotRefused() {
        Amf0Object o = Amf0Object.builder()
                .put("fourCcList", "av01")                                                     // not a strict array
                .put("videoFourCcInfoMap", Amf0Object.builder().put("hvc1", "x").put("av01", 1.0).put("vp09", -1.0).build())
                .put("audioFourCcInfoMap", 7.0)                                                // not an object
                .put("capsEx", -3.0)
                .build();
        EnhancedCapabilities e = EnhancedCapabilities.from(o);
        assertThat(e.fourCcList()).isEmpty();
        assertThat(e.videoFourCcInfoMap()).containsOnlyKeys("av01");
        assertThat(e.audioFourCcInfoMap()).isEmpty();
        assertThat(e.capsEx()).isEqualTo(-1);
        Amf0Object mixedList = Amf0Object.builder().put("fourCcList",
                Amf0Value.array(Amf0Value.of("av01"), Amf0Value.of(1.0), Amf0Value.of("Opus"))).build();
        assertThat(EnhancedCapabilities.from(mixedList).fourCcList()).contains(List.of("av01", "Opus"));
    }

    @Test
    void capsExBelowMinusOneIsRefused() {
        assertThatThrownBy(() -> EnhancedCapabilities.NONE.withCapsEx(-2)).isInstanceOf(IllegalArgumentException.class);
    }
}
