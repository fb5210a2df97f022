package io.rtmp4j.cli.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.AmfLimits;
import io.rtmp4j.flv.FlvFormatException;
import io.rtmp4j.flv.FlvReader;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.ScriptTag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes {@link FlvInspector} (script, audio and video body parsing on top of {@link FlvReader}):
 * every line of any input is one well-formed JSON object, the text format never throws, and a script
 * tag that decodes renders without an error. These checks came from rtmp4j-core's
 * {@code FlvReaderFuzzTest} and {@code ScriptTagFuzzTest} with the inspector; the regression inputs
 * are copies of theirs: {@code src/test/resources/io/rtmp4j/cli/inspect/FlvInspectorFuzzTestInputs/}.
 */
class FlvInspectorFuzzTest {

    /** Small limits so the fuzzer reaches them (FlvReaderFuzzTest's). */
    static final FlvReader.Limits LIMITS = new FlvReader.Limits(4096);

    /** Small limits so the fuzzer reaches them (ScriptTagFuzzTest's). */
    static final AmfLimits AMF_LIMITS = new AmfLimits(16, 4096, 4096, 1 << 16);

    @FuzzTest(maxDuration = "4m")
    void inspect(byte[] data) throws IOException {
        long wellFormed = 0;
        try (FlvReader r = FlvReader.open(new ByteArrayInputStream(data), LIMITS)) {
            for (boolean more = true; more; ) {
                try {
                    more = r.next() != null;
                    wellFormed += more ? 1 : 0;
                } catch (FlvFormatException e) {
                    more = e.resumable();
                }
            }
        } catch (FlvFormatException e) {
            // no FLV header: no tags
        }
        List<String> lines = new ArrayList<>();
        FlvInspector.Summary s = new FlvInspector(FlvInspector.Format.JSON)
                .inspect(new ByteArrayInputStream(data), LIMITS, lines::add);
        assertThat(s.tags()).isGreaterThanOrEqualTo(wellFormed);
        for (String line : lines) {
            assertThat(line).doesNotContain("\n");
            MiniJson.object(line);
        }
        new FlvInspector(FlvInspector.Format.TEXT).inspect(new ByteArrayInputStream(data), LIMITS, l -> { });
    }

    @FuzzTest(maxDuration = "3m")
    void scriptLine(FuzzedDataProvider data) {
        int typeId = data.consumeBoolean() ? ScriptTag.TYPE_AMF3 : ScriptTag.TYPE_AMF0;
        byte[] body = data.consumeRemainingAsBytes();
        ScriptTag tag;
        try {
            tag = ScriptTag.decode(typeId, body, AMF_LIMITS);
        } catch (RtmpProtocolException expected) {
            return;
        }
        byte[] encoded = tag.forFile().encode();
        assertThat(new FlvInspector(FlvInspector.Format.JSON).line(0, FlvTag.script(0, encoded)))
                .doesNotContain("\n").doesNotContain("\"error\"");
    }
}
