package io.rtmp4j.message;

import static io.rtmp4j.message.TestBytes.b;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.chunk.RawMessage;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Protocol control messages 1, 2, 3, 5, 6 (rtmp-1.0.txt §5.4): golden bodies, round trips, errors. */
class ProtocolControlTest {

    private final MessageCodec codec = new MessageCodec();

    static Stream<Arguments> goldens() {
        return Stream.of(
                // §5.4.1 Set Chunk Size: 0 bit + 31-bit size
                Arguments.of(1, b(
                        0x00, 0x00, 0x10, 0x00), // chunk size 4096 (top bit 0)
                        new SetChunkSize(4096)),
                Arguments.of(1, b(
                        0x7F, 0xFF, 0xFF, 0xFF), // largest legal chunk size 0x7FFFFFFF
                        new SetChunkSize(0x7FFF_FFFF)),
                Arguments.of(1, b(
                        0x00, 0x00, 0x00, 0x01), // smallest legal chunk size 1
                        new SetChunkSize(1)),
                // §5.4.2 Abort: 32-bit chunk stream id
                Arguments.of(2, b(
                        0x00, 0x00, 0x00, 0x06), // abort chunk stream 6
                        new Abort(6)),
                // §5.4.3 Acknowledgement: 32-bit sequence number
                Arguments.of(3, b(
                        0xFF, 0xFF, 0xFF, 0xFE), // 4294967294 bytes received (unsigned)
                        new Acknowledgement(0xFFFF_FFFEL)),
                // §5.4.4 Window Acknowledgement Size: 32-bit window
                Arguments.of(5, b(
                        0x00, 0x26, 0x25, 0xA0), // 2500000 bytes
                        new WindowAcknowledgementSize(2_500_000)),
                // §5.4.5 Set Peer Bandwidth: 32-bit window + limit type
                Arguments.of(6, b(
                        0x00, 0x26, 0x25, 0xA0,  // 2500000 bytes
                        0x00),                   // limit type 0 = hard
                        new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.HARD)),
                Arguments.of(6, b(
                        0x00, 0x00, 0x10, 0x00,  // 4096 bytes
                        0x01),                   // limit type 1 = soft
                        new SetPeerBandwidth(4096, SetPeerBandwidth.LimitType.SOFT)),
                Arguments.of(6, b(
                        0x00, 0x26, 0x25, 0xA0,  // 2500000 bytes
                        0x02),                   // limit type 2 = dynamic
                        new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.DYNAMIC)));
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void decodesEncodesAndRoundTrips(int type, byte[] body, RtmpMessage expected) {
        RawMessage raw = new RawMessage(2, type, 0, 0, body);

        RtmpMessage decoded = codec.decode(raw);
        assertThat(decoded).isEqualTo(expected);
        assertThat(decoded.typeId()).isEqualTo(type);
        // bytes → decode → encode: identical
        assertThat(codec.encode(decoded)).isEqualTo(raw);
        // value → encode → decode: equal, with csid 2 / stream 0 from the short constructor
        assertThat(codec.encode(expected)).isEqualTo(raw);
        assertThat(codec.decode(codec.encode(expected))).isEqualTo(expected);
    }

    @Test
    void keepsHeaderFieldsItArrivedWith() {
        // §5.4: timestamps of protocol control messages are ignored, but kept; any chunk stream accepted
        RawMessage raw = new RawMessage(3, 5, 1234, 0, b(0x00, 0x00, 0x10, 0x00));
        RtmpMessage m = codec.decode(raw);
        assertThat(m).isEqualTo(new WindowAcknowledgementSize(4096, 1234, 0, 3));
        assertThat(codec.encode(m)).isEqualTo(raw);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 5, 6})
    void protocolControlOnNonZeroStreamIsRefused(int type) {
        byte[] body = type == 6 ? b(0, 0, 0x10, 0, 0) : b(0, 0, 0x10, 0);
        RawMessage raw = new RawMessage(2, type, 0, 1, body);
        assertThatThrownBy(() -> codec.decode(raw))
                .isInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining("stream 1")
                .hasMessageContaining("§5.4");
        // ... unless the limits relax it for a peer that does so
        MessageCodec lenient = new MessageCodec(MessageLimits.DEFAULT.withStrictControlStream(false));
        assertThat(lenient.decode(raw).messageStreamId()).isEqualTo(1);
    }

    @Test
    void unsignedStreamIdInErrorMessage() {
        RawMessage raw = new RawMessage(2, 1, 0, -1, b(0, 0, 0x10, 0));
        assertThatThrownBy(() -> codec.decode(raw)).isInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining("4294967295");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of(1, b(), "4 bytes"),
                Arguments.of(1, b(0x00, 0x00, 0x10), "4 bytes"),
                Arguments.of(1, b(0x00, 0x00, 0x10, 0x00, 0x00), "4 bytes"),
                Arguments.of(1, b(0x00, 0x00, 0x00, 0x00), "out of range"),          // size 0
                Arguments.of(1, b(0x80, 0x00, 0x00, 0x00), "out of range"),          // top bit set
                Arguments.of(1, b(0xFF, 0xFF, 0xFF, 0xFF), "out of range"),
                Arguments.of(2, b(0x00, 0x06), "4 bytes"),
                Arguments.of(3, b(), "4 bytes"),
                Arguments.of(5, b(0x00, 0x26, 0x25, 0xA0, 0x02), "4 bytes"),
                Arguments.of(6, b(0x00, 0x26, 0x25, 0xA0), "5 bytes"),               // no limit type
                Arguments.of(6, b(0x00, 0x26, 0x25, 0xA0, 0x03), "limit type 3"));   // unknown limit type
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void malformedBodiesAreProtocolErrors(int type, byte[] body, String message) {
        assertThatThrownBy(() -> codec.decode(new RawMessage(2, type, 0, 0, body)))
                .isInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining(message);
    }

    @Test
    void chunkStreamIdOutOfRangeIsProtocolError() {
        assertThatThrownBy(() -> codec.decode(new RawMessage(1, 1, 0, 0, b(0, 0, 0x10, 0))))
                .isInstanceOf(RtmpProtocolException.class);
        assertThatThrownBy(() -> codec.decode(new RawMessage(65600, 1, 0, 0, b(0, 0, 0x10, 0))))
                .isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void constructorsRefuseImpossibleValues() {
        assertThatThrownBy(() -> new SetChunkSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Acknowledgement(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Acknowledgement(0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SetChunkSize(128, -1, 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SetChunkSize(128, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageTypeReverseLookup() {
        for (MessageType t : MessageType.values()) {
            assertThat(MessageType.byId(t.id())).contains(t);
        }
        assertThat(MessageType.byId(7)).isEmpty();
        assertThat(MessageType.byId(-1)).isEmpty();
        assertThat(MessageType.byId(256)).isEmpty();
        assertThat(MessageType.values()).filteredOn(MessageType::isProtocolControl)
                .extracting(MessageType::id).containsExactly(1, 2, 3, 5, 6);
    }

    @Test
    void withHeaderKeepsBody() {
        SetPeerBandwidth m = new SetPeerBandwidth(10, SetPeerBandwidth.LimitType.SOFT);
        RtmpMessage moved = m.withTimestamp(77).withChunkStreamId(9);
        assertThat(moved).isEqualTo(new SetPeerBandwidth(10, SetPeerBandwidth.LimitType.SOFT, 77, 0, 9));
    }
}
