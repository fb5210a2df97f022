package io.rtmp4j.amf;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rtmp4j.RtmpProtocolException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link Amf3#decodeAll}: any input either decodes or raises {@link RtmpProtocolException};
 * whatever decodes re-encodes (with its reference tables) to bytes that decode to equal values and
 * are a fixed point of decode → encode, and bridges to AMF0 and JSON, with a bridge budget of exactly
 * the number of AMF0 values produced and not one less. Regression inputs:
 * {@code src/test/resources/io/rtmp4j/amf/Amf3FuzzTestInputs/decode/}.
 */
class Amf3FuzzTest {

    @FuzzTest(maxDuration = "5m")
    void decode(byte[] data) {
        List<Amf3Value> values;
        try {
            values = Amf3.decodeAll(ByteBuffer.wrap(data), Amf0FuzzTest.LIMITS);
        } catch (RtmpProtocolException expected) {
            return;
        }
        byte[] encoded = Amf3.encode(values);
        List<Amf3Value> again = Amf3.decodeAll(ByteBuffer.wrap(encoded));
        assertThat(again).isEqualTo(values);
        assertThat(Amf3.encode(again)).isEqualTo(encoded);
        for (Amf3Value v : values) {
            Amf0Value amf0 = Amf3.toAmf0(v);
            assertThat(AmfJson.toJson(amf0)).isEqualTo(AmfJson.toJson(v));
            // the bridge's budget is exactly the number of AMF0 values it produces
            int produced = Math.toIntExact(Amf3Test.amf0Values(amf0));
            assertThat(Amf3.tryToAmf0(v, AmfLimits.DEFAULT.withMaxCollectionCount(produced))).contains(amf0);
            assertThat(Amf3.tryToAmf0(v, AmfLimits.DEFAULT.withMaxCollectionCount(produced - 1))).isEmpty();
        }
    }

    /**
     * The other direction: arbitrary AMF3 values (built from fuzzer data) encode to bytes that
     * decode to equal values, and those bytes are a fixed point of decode → encode.
     */
    @FuzzTest(maxDuration = "5m")
    void encodeRoundTrip(FuzzedDataProvider data) {
        AmfValueGenerator gen = new AmfValueGenerator(data);
        List<Amf3Value> values = new ArrayList<>();
        for (int i = data.consumeInt(1, 3); i > 0; i--) {
            values.add(gen.amf3(0));
        }
        byte[] encoded = Amf3.encode(values);
        List<Amf3Value> decoded = Amf3.decodeAll(ByteBuffer.wrap(encoded));
        assertThat(decoded).isEqualTo(values);
        assertThat(Amf3.encode(decoded)).isEqualTo(encoded);
    }
}
