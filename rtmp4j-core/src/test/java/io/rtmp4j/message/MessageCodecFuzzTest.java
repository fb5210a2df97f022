package io.rtmp4j.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.AmfLimits;
import io.rtmp4j.chunk.RawMessage;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes {@link MessageCodec#decode} over any type id and payload, plus what a session does next with
 * the result ({@link MessageCodec#split}, {@link Command#parse}, the reading helpers). Any input either
 * decodes or raises {@link RtmpProtocolException}, nothing else; whatever decodes re-encodes, and the
 * re-encoded bytes decode (under the default AMF limits) to an equal message (for bodies without AMF,
 * to the very same bytes).
 *
 * <p>Input layout: byte 0 = message type id; byte 1 = flags (bit 0: message stream 1 instead of 0;
 * bit 1: accept protocol control off stream 0; bit 2: strict aggregate back-pointers; bits 3–7: chunk
 * stream 2 + value); the rest = payload. Regression inputs:
 * {@code src/test/resources/io/rtmp4j/message/MessageCodecFuzzTestInputs/decode/}.
 */
class MessageCodecFuzzTest {

    /** Small limits so the fuzzer reaches them. */
    static final AmfLimits AMF = new AmfLimits(16, 4096, 4096, 1 << 16);

    @FuzzTest(maxDuration = "5m")
    void decode(byte[] data) {
        if (data.length < 2) {
            return;
        }
        int type = data[0] & 0xFF;
        int flags = data[1] & 0xFF;
        int msid = (flags & 1) != 0 ? 1 : 0;
        MessageLimits limits = new MessageLimits(AMF, 64, (flags & 2) == 0, (flags & 4) != 0);
        int csid = 2 + (flags >>> 3);
        byte[] payload = Arrays.copyOfRange(data, 2, data.length);
        MessageCodec codec = new MessageCodec(limits);
        RawMessage raw = new RawMessage(csid, type, 0xFFFF_FF00L, msid, payload);

        RtmpMessage m;
        try {
            m = codec.decode(raw);
        } catch (RtmpProtocolException expected) {
            return;
        }
        assertThat(m.typeId()).isEqualTo(type);
        assertThat(m.timestamp()).isEqualTo(raw.timestamp());
        assertThat(m.messageStreamId()).isEqualTo(msid);
        assertThat(m.chunkStreamId()).isEqualTo(csid);

        // Re-read with the default AMF limits, as Amf0FuzzTest and Amf3FuzzTest do: the AMF decoders
        // turn malformed UTF-8 into U+FFFD (AmfInput.utf8), so a string of 4096 wire bytes, each byte
        // invalid, re-encodes as up to 3 x 4096 bytes, beyond the small string limit it first met.
        MessageCodec reread = new MessageCodec(limits.withAmf(AmfLimits.DEFAULT));
        RawMessage encoded = codec.encode(m);
        RtmpMessage again = reread.decode(encoded);
        assertThat(again).isEqualTo(m);
        assertThat(codec.encode(again)).isEqualTo(encoded);
        if (!(m instanceof CommandMessage) && !(m instanceof DataMessage)) {
            // no AMF normalisation involved: the very same bytes
            assertThat(encoded).isEqualTo(raw);
        }

        try {
            use(codec, reread, m);
        } catch (RtmpProtocolException expected) {
            // a malformed sub-message or command argument: still only the protocol exception
        }
    }

    /** What a session does with a decoded message. */
    private static void use(MessageCodec codec, MessageCodec reread, RtmpMessage m) {
        if (m instanceof AggregateMessage a) {
            List<RtmpMessage> parts = codec.split(a);
            for (RtmpMessage p : parts) {
                assertThat(p.messageStreamId()).isEqualTo(a.messageStreamId());
                assertThat(reread.decode(codec.encode(p))).isEqualTo(p);
            }
            if (!parts.isEmpty()) {
                codec.split(codec.aggregate(parts));
            }
        } else if (m instanceof CommandMessage c) {
            c.commandProperties().names();
            for (int i = 0; i < c.arguments().size(); i++) {
                c.argument(i);
                c.objectArgument(i);
            }
            Command parsed = Command.parse(c);
            assertThat(parsed.message()).isSameAs(c);
        } else if (m instanceof DataMessage d) {
            d.name();
            for (int i = 0; i < d.values().size(); i++) {
                d.value(i);
                d.properties(i);
            }
            d.withoutSetDataFrame();
        }
    }
}
