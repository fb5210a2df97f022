package io.rtmp4j.message;

import static io.rtmp4j.message.TestBytes.b;
import static io.rtmp4j.message.TestBytes.cat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.chunk.RawMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aggregate messages (type 22, rtmp-1.0.txt §7.1.6): split with re-based timestamps, build, malformed bodies. */
class AggregateTest {

    private final MessageCodec codec = new MessageCodec();

    /** Two sub-messages whose own timestamps start at 1000; the aggregate says 5000. */
    static final byte[] BODY = cat(
            // sub-message 0: header laid out like an FLV tag header
            b(0x09),                   // type 9 = video
            b(0x00, 0x00, 0x02),       // data size 2
            b(0x00, 0x03, 0xE8),       // timestamp lower 24 bits: 1000
            b(0x00),                   // timestamp upper 8 bits
            b(0x00, 0x00, 0x07),       // stream id 7 (overridden by the aggregate's, §7.1.6)
            b(0x17, 0x01),             // data: keyframe AVC, NALU
            b(0x00, 0x00, 0x00, 0x0D), // back-pointer 13 = 11 + 2
            // sub-message 1
            b(0x08),                   // type 8 = audio
            b(0x00, 0x00, 0x01),       // data size 1
            b(0x00, 0x04, 0x10),       // timestamp 1040
            b(0x00),                   // upper 8 bits
            b(0x00, 0x00, 0x07),       // stream id 7
            b(0xAF),                   // data
            b(0x00, 0x00, 0x00, 0x0C));// back-pointer 12 = 11 + 1

    @Test
    void splitRebasesTimestampsAndAppliesTheAggregatesStream() {
        RawMessage raw = new RawMessage(6, 22, 5000, 1, BODY);
        AggregateMessage a = (AggregateMessage) codec.decode(raw);
        assertThat(codec.encode(a)).isEqualTo(raw); // kept verbatim

        List<RtmpMessage> parts = codec.split(a);
        // first sub-message maps to the aggregate's timestamp (5000); the next keeps its +40 offset
        assertThat(parts).containsExactly(
                new VideoMessage(b(0x17, 0x01), 5000, 1, 6),
                new AudioMessage(b(0xAF), 5040, 1, 6));
    }

    @Test
    void upperTimestampByteIsTheHighByte() {
        byte[] body = cat(
                b(0x08, 0x00, 0x00, 0x00), // audio, size 0
                b(0x00, 0x00, 0x10),       // lower 24 bits: 16
                b(0x01),                   // upper 8 bits: 1 → 0x01000010
                b(0x00, 0x00, 0x00),       // stream id
                b(0x00, 0x00, 0x00, 0x0B), // back-pointer 11
                b(0x08, 0x00, 0x00, 0x00), // audio, size 0
                b(0x00, 0x00, 0x30),       // lower 24 bits: 48
                b(0x01),                   // upper: 0x01000030 = first + 32
                b(0x00, 0x00, 0x00),
                b(0x00, 0x00, 0x00, 0x0B));
        List<RtmpMessage> parts = codec.split(new AggregateMessage(body, 0xFFFF_FFF0L, 1, 6));
        // re-based with 32-bit wrap-around: 0xFFFFFFF0 + 32 = 0x10
        assertThat(parts).extracting(RtmpMessage::timestamp).containsExactly(0xFFFF_FFF0L, 0x10L);
    }

    @Test
    void buildWritesCorrectBackPointersAndRoundTrips() {
        List<RtmpMessage> parts = List.of(
                new VideoMessage(b(0x17, 0x01), 1000, 7),
                new AudioMessage(b(0xAF), 1040, 7));
        AggregateMessage a = codec.aggregate(parts);
        assertThat(a.timestamp()).isEqualTo(1000);
        assertThat(a.messageStreamId()).isEqualTo(7);
        assertThat(a.chunkStreamId()).isEqualTo(MessageCodec.CSID_AGGREGATE);
        assertThat(a.body()).isEqualTo(BODY); // same bytes as the hand-written vector
        assertThat(new MessageCodec(MessageLimits.DEFAULT.withStrictAggregateBackPointers(true)).split(a))
                .containsExactly(new VideoMessage(b(0x17, 0x01), 1000, 7, 6), new AudioMessage(b(0xAF), 1040, 7, 6));
    }

    @Test
    void buildRefusesMixedStreamsNestingAndEmpty() {
        assertThatThrownBy(() -> codec.aggregate(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.aggregate(List.of(new AudioMessage(b(), 0, 1), new AudioMessage(b(), 0, 2))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.aggregate(List.of(new AggregateMessage(b(), 0, 1, 6))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrongBackPointersAreAcceptedByDefaultAndRefusedWhenStrict() {
        byte[] body = BODY.clone();
        body[16] = 0x0F; // first back-pointer says 15 instead of 13 (ffmpeg and nginx-rtmp never check)
        RawMessage raw = new RawMessage(6, 22, 0, 1, body);
        assertThat(codec.split((AggregateMessage) codec.decode(raw))).hasSize(2);
        MessageCodec strict = new MessageCodec(MessageLimits.DEFAULT.withStrictAggregateBackPointers(true));
        assertThatThrownBy(() -> strict.decode(raw)).isInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining("back-pointer 15, expected 13");
    }

    @Test
    void missingFinalBackPointerIsAccepted() {
        byte[] body = java.util.Arrays.copyOf(BODY, BODY.length - 4);
        assertThat(codec.split((AggregateMessage) codec.decode(new RawMessage(6, 22, 0, 1, body)))).hasSize(2);
    }

    @Test
    void emptyAggregateHasNoParts() {
        assertThat(codec.split((AggregateMessage) codec.decode(new RawMessage(6, 22, 0, 1, b())))).isEmpty();
    }

    @Test
    void truncationsAreProtocolErrors() {
        // every strict prefix that cuts a header, the data or a back-pointer is refused
        for (int len = 1; len < BODY.length; len++) {
            byte[] body = java.util.Arrays.copyOf(BODY, len);
            boolean clean = len == 13 || len == 17 || len == 29; // after data 0 (no bp), after bp 0, after data 1
            RawMessage raw = new RawMessage(6, 22, 0, 1, body);
            if (clean) {
                assertThat(codec.decode(raw)).isInstanceOf(AggregateMessage.class);
            } else {
                assertThatThrownBy(() -> codec.decode(raw)).as("prefix of %d bytes", len)
                        .isInstanceOf(RtmpProtocolException.class);
            }
        }
    }

    @Test
    void sizeBeyondTheBodyIsRefusedBeforeAnyCopy() {
        byte[] body = cat(
                b(0x09),              // video
                b(0xFF, 0xFF, 0xFF),  // claims 16777215 bytes
                b(0, 0, 0, 0),        // timestamp
                b(0, 0, 0),           // stream id
                b(0x17));             // 1 byte present
        assertThatThrownBy(() -> codec.decode(new RawMessage(6, 22, 0, 1, body)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("claims 16777215 bytes");
    }

    @Test
    void nestedAggregateIsRefused() {
        byte[] body = cat(b(22, 0, 0, 0), b(0, 0, 0, 0), b(0, 0, 0));
        assertThatThrownBy(() -> codec.decode(new RawMessage(6, 22, 0, 1, body)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("itself an aggregate");
    }

    @Test
    void subMessageCountIsLimited() {
        byte[] one = cat(b(0x08, 0, 0, 0), b(0, 0, 0, 0), b(0, 0, 0), b(0, 0, 0, 11));
        byte[] three = cat(one, one, one);
        MessageCodec two = new MessageCodec(MessageLimits.DEFAULT.withMaxAggregateSubMessages(2));
        assertThatThrownBy(() -> two.decode(new RawMessage(6, 22, 0, 1, three)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("more than 2");
        assertThat(codec.split((AggregateMessage) codec.decode(new RawMessage(6, 22, 0, 1, three)))).hasSize(3);
    }

    @Test
    void malformedSubMessageSurfacesAtSplit() {
        // a Set Chunk Size of 3 bytes inside an aggregate: framing is fine, the sub-message is not
        byte[] body = cat(b(0x01, 0, 0, 3), b(0, 0, 0, 0), b(0, 0, 0), b(0, 0, 1), b(0, 0, 0, 14));
        AggregateMessage a = (AggregateMessage) codec.decode(new RawMessage(6, 22, 0, 0, body));
        assertThatThrownBy(() -> codec.split(a)).isInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining("4 bytes");
    }
}
