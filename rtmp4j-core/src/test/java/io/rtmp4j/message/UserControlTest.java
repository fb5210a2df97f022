package io.rtmp4j.message;

import static io.rtmp4j.message.TestBytes.b;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.chunk.RawMessage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** User Control messages (type 4, rtmp-1.0.txt §6.2) and every event of §7.1.7. */
class UserControlTest {

    private final MessageCodec codec = new MessageCodec();

    static Stream<Arguments> goldens() {
        return Stream.of(
                Arguments.of(b(
                        0x00, 0x00,              // event type 0 = Stream Begin
                        0x00, 0x00, 0x00, 0x01), // stream id 1
                        new UserControl.StreamBegin(1)),
                Arguments.of(b(
                        0x00, 0x01,              // event type 1 = Stream EOF
                        0x00, 0x00, 0x00, 0x01), // stream id 1
                        new UserControl.StreamEof(1)),
                Arguments.of(b(
                        0x00, 0x02,              // event type 2 = StreamDry
                        0x00, 0x00, 0x00, 0x05), // stream id 5
                        new UserControl.StreamDry(5)),
                Arguments.of(b(
                        0x00, 0x03,              // event type 3 = SetBufferLength (8 bytes of data)
                        0x00, 0x00, 0x00, 0x01,  // stream id 1
                        0x00, 0x00, 0x0B, 0xB8), // buffer length 3000 ms
                        new UserControl.SetBufferLength(1, 3000)),
                Arguments.of(b(
                        0x00, 0x04,              // event type 4 = StreamIsRecorded
                        0x00, 0x00, 0x00, 0x01), // stream id 1
                        new UserControl.StreamIsRecorded(1)),
                Arguments.of(b(
                        0x00, 0x06,              // event type 6 = PingRequest
                        0xDE, 0xAD, 0xBE, 0xEF), // server time 3735928559 ms (unsigned)
                        new UserControl.PingRequest(0xDEADBEEFL)),
                Arguments.of(b(
                        0x00, 0x07,              // event type 7 = PingResponse
                        0xDE, 0xAD, 0xBE, 0xEF), // echoed time
                        new UserControl.PingResponse(0xDEADBEEFL)),
                Arguments.of(b(
                        0x00, 0x1A,              // event type 26: SWF verification request (FMS), not in §7.1.7
                        0x01),                   // its data, kept verbatim
                        new UserControl.Unknown(0x1A, b(0x01))),
                Arguments.of(b(
                        0x00, 0x05),             // event type 5: unassigned by §7.1.7, no data
                        new UserControl.Unknown(5, b())),
                Arguments.of(b(
                        0xFF, 0xFF,              // event type 65535
                        0x01, 0x02, 0x03),       // 3 bytes of data
                        new UserControl.Unknown(0xFFFF, b(1, 2, 3))));
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void decodesEncodesAndRoundTrips(byte[] body, UserControl expected) {
        RawMessage raw = new RawMessage(2, 4, 0, 0, body);
        RtmpMessage decoded = codec.decode(raw);
        assertThat(decoded).isEqualTo(expected);
        assertThat(((UserControl) decoded).eventTypeId()).isEqualTo(((body[0] & 0xFF) << 8) | (body[1] & 0xFF));
        assertThat(codec.encode(decoded)).isEqualTo(raw);
        assertThat(codec.encode(expected)).isEqualTo(raw);
    }

    @Test
    void setBufferLengthOnStreamZeroNamingTheFutureStream() {
        // docs/INTEROP.md "Commands": players send SetBufferLength before play, on message stream 0,
        // naming the stream id createStream returned
        RawMessage raw = new RawMessage(2, 4, 0, 0, b(
                0x00, 0x03,              // SetBufferLength
                0x00, 0x00, 0x00, 0x01,  // stream 1 (not playing yet)
                0x00, 0x00, 0x75, 0x30)); // 30000 ms
        UserControl.SetBufferLength m = (UserControl.SetBufferLength) codec.decode(raw);
        assertThat(m.streamId()).isEqualTo(1);
        assertThat(m.bufferLengthMs()).isEqualTo(30_000);
        assertThat(m.messageStreamId()).isZero();
    }

    @Test
    void userControlOnNonZeroStreamIsAccepted() {
        // §6.2: User Control messages SHOULD (not MUST) use stream 0; they are not §5.4 protocol control
        RawMessage raw = new RawMessage(2, 4, 10, 1, b(0x00, 0x00, 0x00, 0x00, 0x00, 0x01));
        assertThat(codec.decode(raw)).isEqualTo(new UserControl.StreamBegin(1, 10, 1, 2));
    }

    @Test
    void pingResponseEchoesRequest() {
        assertThat(new UserControl.PingRequest(42).response()).isEqualTo(new UserControl.PingResponse(42));
    }

    @Test
    void unknownEventIsKeptVerbatimNotCopiedOnEncode() {
        UserControl.Unknown u = new UserControl.Unknown(0x1B, b(9, 8, 7, 6, 5));
        assertThat(codec.encode(u).payload()).isEqualTo(b(0x00, 0x1B, 9, 8, 7, 6, 5));
        assertThat(u).isEqualTo(new UserControl.Unknown(0x1B, b(9, 8, 7, 6, 5)));
        assertThat(u.hashCode()).isEqualTo(new UserControl.Unknown(0x1B, b(9, 8, 7, 6, 5)).hashCode());
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of(b(), "no 16-bit event type"),
                Arguments.of(b(0x00), "no 16-bit event type"),
                Arguments.of(b(0x00, 0x00), "needs 4 bytes"),                                // StreamBegin, no data
                Arguments.of(b(0x00, 0x00, 0x00, 0x00, 0x01), "needs 4 bytes"),              // 3 data bytes
                Arguments.of(b(0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00), "needs 4 bytes"),  // 5 data bytes
                Arguments.of(b(0x00, 0x03, 0x00, 0x00, 0x00, 0x01), "needs 8 bytes"),        // SetBufferLength 4 bytes
                Arguments.of(b(0x00, 0x03, 0, 0, 0, 1, 0, 0, 0x0B), "needs 8 bytes"),        // SetBufferLength 7 bytes
                Arguments.of(b(0x00, 0x06, 0x00), "needs 4 bytes"),                          // PingRequest 1 byte
                Arguments.of(b(0x00, 0x07), "needs 4 bytes"));                               // PingResponse none
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void malformedEventsAreProtocolErrors(byte[] body, String message) {
        assertThatThrownBy(() -> codec.decode(new RawMessage(2, 4, 0, 0, body)))
                .isInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining(message);
    }

    @Test
    void eventTypeReverseLookup() {
        for (UserControlEventType t : UserControlEventType.values()) {
            assertThat(UserControlEventType.byId(t.id())).contains(t);
        }
        assertThat(UserControlEventType.byId(5)).isEmpty();
        assertThat(UserControlEventType.byId(8)).isEmpty();
    }
}
