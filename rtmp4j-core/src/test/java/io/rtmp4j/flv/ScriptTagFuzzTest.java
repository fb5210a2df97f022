package io.rtmp4j.flv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.AmfLimits;

/**
 * Fuzzes {@link ScriptTag} on data message bodies of both RTMP types (18 AMF0, 15 AMF3 data): any
 * body decodes or raises {@link RtmpProtocolException}; what decodes has a file form
 * ({@link ScriptTag#forFile()}) that encodes to plain AMF0 and decodes back to itself. Regression
 * inputs: {@code src/test/resources/io/rtmp4j/flv/ScriptTagFuzzTestInputs/decode/}.
 */
class ScriptTagFuzzTest {

    /** Small limits so the fuzzer reaches them. */
    static final AmfLimits LIMITS = new AmfLimits(16, 4096, 4096, 1 << 16);

    @FuzzTest(maxDuration = "3m")
    void decode(FuzzedDataProvider data) {
        int typeId = data.consumeBoolean() ? ScriptTag.TYPE_AMF3 : ScriptTag.TYPE_AMF0;
        byte[] body = data.consumeRemainingAsBytes();
        ScriptTag tag;
        try {
            tag = ScriptTag.decode(typeId, body, LIMITS);
        } catch (RtmpProtocolException expected) {
            return;
        }
        ScriptTag file = tag.forFile();
        assertThat(file.forFile()).isEqualTo(file);
        byte[] encoded = file.encode();
        assertThat(ScriptTag.decode(encoded)).isEqualTo(file);
        assertThat(tag.isOnMetaData()).isEqualTo(file.name().equals(ScriptTag.ON_META_DATA));
    }
}
