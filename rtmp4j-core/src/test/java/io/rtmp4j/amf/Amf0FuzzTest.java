package io.rtmp4j.amf;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rtmp4j.RtmpProtocolException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link Amf0#decodeAll}: any input either decodes or raises {@link RtmpProtocolException};
 * whatever decodes re-encodes to bytes that decode to the same values and are a fixed point of
 * decode → encode, and can be bridged and rendered as JSON. Regression inputs:
 * {@code src/test/resources/io/rtmp4j/amf/Amf0FuzzTestInputs/decode/}.
 */
class Amf0FuzzTest {

    /** Small limits so the fuzzer reaches them. */
    static final AmfLimits LIMITS = new AmfLimits(16, 4096, 4096, 1 << 16);

    @FuzzTest(maxDuration = "5m")
    void decode(byte[] data) {
        List<Amf0Value> values;
        try {
            values = Amf0.decodeAll(ByteBuffer.wrap(data), LIMITS);
        } catch (RtmpProtocolException expected) {
            return;
        }
        byte[] encoded = Amf0.encode(values);
        List<Amf0Value> again = Amf0.decodeAll(ByteBuffer.wrap(encoded));
        assertThat(again).isEqualTo(values);
        assertThat(Amf0.encode(again)).isEqualTo(encoded);
        for (Amf0Value v : values) {
            Amf0Value plain = Amf0.withoutAvmplus(v);
            assertThat(AmfJson.toJson(plain)).isEqualTo(AmfJson.toJson(v));
        }
    }

    /**
     * The other direction: arbitrary AMF0 values (built from fuzzer data) encode to bytes that
     * decode to equal values, and those bytes are a fixed point of decode → encode.
     */
    @FuzzTest(maxDuration = "5m")
    void encodeRoundTrip(FuzzedDataProvider data) {
        AmfValueGenerator gen = new AmfValueGenerator(data);
        List<Amf0Value> values = new ArrayList<>();
        for (int i = data.consumeInt(1, 3); i > 0; i--) {
            values.add(gen.amf0(0));
        }
        byte[] encoded = Amf0.encode(values);
        List<Amf0Value> decoded = Amf0.decodeAll(ByteBuffer.wrap(encoded));
        assertThat(decoded).isEqualTo(values);
        assertThat(Amf0.encode(decoded)).isEqualTo(encoded);
    }
}
