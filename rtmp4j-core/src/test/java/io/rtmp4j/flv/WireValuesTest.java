package io.rtmp4j.flv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * The reverse lookups of the value enums ({@link WireValues}) and of the FourCC enums
 * ({@link FourCc.Table}): every value from below the range to above it maps to the constant that
 * declares it and to nothing else, and {@code require} fails with the message the tag parsers have
 * always given (the field and the spec section).
 */
class WireValuesTest {

    /** Checks fromValue and require for every int in -1..256 and the int extremes. */
    private static <E extends Enum<E>> void checkAll(E[] constants, ToIntFunction<E> valueOf,
                                                    IntFunction<Optional<E>> fromValue, IntFunction<E> require,
                                                    String reservedMessage) {
        int[] extremes = {Integer.MIN_VALUE, Integer.MAX_VALUE};
        for (int v = -1; v <= 256 + extremes.length; v++) {
            int value = v <= 256 ? v : extremes[v - 257];
            E expected = null;
            for (E c : constants) {
                if (valueOf.applyAsInt(c) == value) {
                    expected = c;
                }
            }
            assertThat(fromValue.apply(value)).as("fromValue(%d)", value).isEqualTo(Optional.ofNullable(expected));
            if (require == null) {
                continue;
            }
            if (expected != null) {
                assertThat(require.apply(value)).isSameAs(expected);
            } else {
                assertThatThrownBy(() -> require.apply(value)).isInstanceOf(RtmpProtocolException.class)
                        .hasMessage(String.format(reservedMessage, value));
            }
        }
    }

    @Test
    void packetAndFrameTypes() {
        checkAll(AudioPacketType.values(), AudioPacketType::value, AudioPacketType::fromValue,
                AudioPacketType::require, "reserved audio packet type %d (enhanced-rtmp-v2.md \"Enhanced Audio\")");
        checkAll(VideoPacketType.values(), VideoPacketType::value, VideoPacketType::fromValue,
                VideoPacketType::require, "reserved video packet type %d (enhanced-rtmp-v2.md \"Enhanced Video\")");
        checkAll(VideoFrameType.values(), VideoFrameType::value, VideoFrameType::fromValue,
                VideoFrameType::require, "reserved video frame type %d (flv-10.1.txt E.4.3.1)");
    }

    @Test
    void legacyCodecIds() {
        checkAll(SoundFormat.values(), SoundFormat::value, SoundFormat::fromValue, SoundFormat::require,
                "reserved sound format %d (flv-10.1.txt E.4.2.1)");
        checkAll(VideoCodecId.values(), VideoCodecId::value, VideoCodecId::fromValue, VideoCodecId::require,
                "reserved video codec id %d (flv-10.1.txt E.4.3.1)");
    }

    @Test
    void channelsCommandsModExAndMultitrack() {
        checkAll(AudioChannelOrder.values(), AudioChannelOrder::value, AudioChannelOrder::fromValue,
                AudioChannelOrder::require, "reserved audio channel order %d (enhanced-rtmp-v2.md AudioChannelOrder)");
        // 0..23 are speaker positions, 0xFE Unused, 0xFF Unknown; 24..0xFD reserved
        checkAll(AudioChannel.values(), AudioChannel::value, AudioChannel::fromValue, AudioChannel::require,
                "reserved audio channel %d (enhanced-rtmp-v2.md AudioChannel)");
        checkAll(VideoCommand.values(), VideoCommand::value, VideoCommand::fromValue, VideoCommand::require,
                "reserved video command %d (enhanced-rtmp-v2.md VideoCommand)");
        checkAll(ModExType.values(), ModExType::value, ModExType::fromValue, null, null);
        checkAll(AvMultitrackType.values(), AvMultitrackType::value, AvMultitrackType::fromValue, null, null);
        for (int v = -1; v <= 16; v++) {
            assertThat(AvMultitrackType.get(v)).isEqualTo(AvMultitrackType.fromValue(v).orElse(null));
        }
    }

    @Test
    void fourCcs() {
        for (VideoFourCc f : VideoFourCc.values()) {
            assertThat(VideoFourCc.fromCode(f.code())).contains(f);
            assertThat(VideoFourCc.fromText(f.specName())).contains(f);
            assertThat(VideoFourCc.require(f.code())).isSameAs(f);
        }
        for (AudioFourCc f : AudioFourCc.values()) {
            assertThat(AudioFourCc.fromCode(f.code())).contains(f);
            assertThat(AudioFourCc.fromText(f.specName())).contains(f);
            assertThat(AudioFourCc.require(f.code())).isSameAs(f);
        }
        // 'avc2' = 0x61766332: a printable FourCC that is not in the enum
        assertThat(VideoFourCc.fromCode(0x61766332)).isEmpty();
        assertThat(VideoFourCc.fromText("avc2")).isEmpty();
        assertThat(VideoFourCc.fromText(null)).isEmpty();
        assertThat(AudioFourCc.fromCode(0)).isEmpty();
        // the FourCCs of one kind are not found in the other
        assertThat(AudioFourCc.fromText("avc1")).isEmpty();
        assertThat(VideoFourCc.fromCode(AudioFourCc.OPUS.code())).isEmpty();
        assertThatThrownBy(() -> VideoFourCc.require(0x61766332)).isInstanceOf(RtmpProtocolException.class)
                .hasMessage("unknown video FourCC 'avc2' (enhanced-rtmp-v2.md VideoFourCc)");
        assertThatThrownBy(() -> AudioFourCc.require(0x01020304)).isInstanceOf(RtmpProtocolException.class)
                .hasMessage("unknown audio FourCC 0x01020304 (enhanced-rtmp-v2.md AudioFourCc)");
    }
}
