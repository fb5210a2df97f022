package io.rtmp4j.cli.inspect;

import static io.rtmp4j.flv.FlvFileTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.FlvWriter;
import io.rtmp4j.flv.ScriptTag;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inspector's lines: issue 3 "rtmp4j inspect FILE.flv [--json]". */
class FlvInspectorTest {

    static byte[] file(FlvTag... tags) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlvWriter w = FlvWriter.open(out, true, true)) {
            for (FlvTag t : tags) {
                w.write(t);
            }
        }
        return out.toByteArray();
    }

    static List<String> lines(byte[] file, FlvInspector.Format format, FlvInspector.Summary[] summary)
            throws IOException {
        List<String> lines = new ArrayList<>();
        summary[0] = new FlvInspector(format).inspect(new ByteArrayInputStream(file), lines::add);
        return lines;
    }

    @Test
    void scriptTagAsJson() throws IOException {
        ScriptTag meta = ScriptTag.onMetaData(Amf0EcmaArray.builder()
                .put("duration", 20.0).put("width", 1280.0).put("encoder", "Lavf62.3.100")
                .put("stereo", true).put("odd \"key\"\n", Amf0Value.nullValue()).build());
        byte[] body = meta.encode();
        FlvInspector.Summary[] s = new FlvInspector.Summary[1];
        List<String> lines = lines(file(FlvTag.script(0, body)), FlvInspector.Format.JSON, s);
        assertThat(lines).containsExactly("{\"tag\":0,\"type\":\"script\",\"timestamp\":0,\"size\":" + body.length
                + ",\"name\":\"onMetaData\",\"value\":{\"duration\":20.0,\"width\":1280.0,"
                + "\"encoder\":\"Lavf62.3.100\",\"stereo\":true,\"odd \\\"key\\\"\\n\":null}}");
        assertThat(s[0]).isEqualTo(new FlvInspector.Summary(1, 0, true));
        assertThat(s[0].ok()).isTrue();
    }

    @Test
    void scriptTagWithSeveralValuesAndNone() throws IOException {
        byte[] two = ScriptTag.of("onTextData", Amf0Value.of("hi"), Amf0Value.of(1.5)).encode();
        byte[] none = ScriptTag.of("|RtmpSampleAccess").encode();
        FlvInspector.Summary[] s = new FlvInspector.Summary[1];
        List<String> lines = lines(file(FlvTag.script(5, two), FlvTag.script(6, none)), FlvInspector.Format.JSON, s);
        assertThat(lines).containsExactly(
                "{\"tag\":0,\"type\":\"script\",\"timestamp\":5,\"size\":" + two.length
                        + ",\"name\":\"onTextData\",\"values\":[\"hi\",1.5]}",
                "{\"tag\":1,\"type\":\"script\",\"timestamp\":6,\"size\":" + none.length
                        + ",\"name\":\"|RtmpSampleAccess\"}");
    }

    @Test
    void textFormatHasAHeaderLineAndKeyValuePairs() throws IOException {
        byte[] body = ScriptTag.of("onCuePoint", Amf0Value.of("a b")).encode();
        FlvInspector.Summary[] s = new FlvInspector.Summary[1];
        List<String> lines = lines(file(FlvTag.script(40, body), FlvTag.of(31, 41, bytes(1))),
                FlvInspector.Format.TEXT, s);
        assertThat(lines).containsExactly(
                "header=FLV version=1 audio=true video=true dataOffset=9",
                "tag=0 type=script timestamp=40 size=" + body.length + " name=onCuePoint value=\"a b\"",
                "tag=1 type=31 timestamp=41 size=1");
        assertThat(s[0].ok()).isTrue();
    }

    @Test
    void malformedScriptBodyGetsAnErrorAndInspectionGoesOn() throws IOException {
        FlvInspector.Summary[] s = new FlvInspector.Summary[1];
        List<String> lines = lines(file(FlvTag.script(0, bytes(0x02, 0x00, 0x09, 'x')),
                FlvTag.script(1, ScriptTag.of("ok").encode())), FlvInspector.Format.JSON, s);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"tag\":0,\"type\":\"script\",\"timestamp\":0,\"size\":4,\"error\":\"");
        assertThat(lines.get(1)).isEqualTo("{\"tag\":1,\"type\":\"script\",\"timestamp\":1,\"size\":5,\"name\":\"ok\"}");
        assertThat(s[0]).isEqualTo(new FlvInspector.Summary(2, 1, true));
        assertThat(s[0].ok()).isFalse();
    }

    @Test
    void fileStructureFaults() throws IOException {
        byte[] f = file(FlvTag.script(0, ScriptTag.of("a").encode()), FlvTag.script(1, ScriptTag.of("b").encode()),
                FlvTag.script(2, ScriptTag.of("c").encode()));
        f[13 + 11 + 4 + 3] = 99;            // PreviousTagSize after tag 0 (11 + 4 = 15) becomes 99
        f[13 + 2 * (15 + 4)] |= 0x20;       // tag 2: Filter = 1
        FlvInspector.Summary[] s = new FlvInspector.Summary[1];
        List<String> lines = lines(f, FlvInspector.Format.JSON, s);
        assertThat(lines).containsExactly(
                "{\"tag\":0,\"type\":\"script\",\"timestamp\":0,\"size\":4,\"name\":\"a\",\"offset\":13,"
                        + "\"error\":\"tag 0 (script, timestamp 0, DataSize 4): PreviousTagSize is 99, expected 11 + 4 = 15"
                        + " (flv-10.1.txt E.3)\"}",
                "{\"tag\":1,\"type\":\"script\",\"timestamp\":1,\"size\":4,\"name\":\"b\"}",
                "{\"tag\":2,\"type\":\"script\",\"timestamp\":2,\"size\":4,\"offset\":51,"
                        + "\"error\":\"tag 2 (script, timestamp 2, DataSize 4): Filter = 1 (an encrypted body,"
                        + " flv-10.1.txt E.4.1, Annex F) is not supported\"}");
        assertThat(s[0]).isEqualTo(new FlvInspector.Summary(3, 2, true));
    }

    @Test
    void truncatedFileStopsWithAnError() throws IOException {
        byte[] f = file(FlvTag.script(0, ScriptTag.of("a").encode()), FlvTag.video(1, bytes(0x17, 0, 0, 0, 0)));
        byte[] cut = java.util.Arrays.copyOf(f, f.length - 6);
        FlvInspector.Summary[] s = new FlvInspector.Summary[1];
        List<String> lines = lines(cut, FlvInspector.Format.JSON, s);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("{\"tag\":1,\"type\":\"video\",\"timestamp\":1,\"size\":5,\"offset\":32,"
                + "\"error\":\"FLV file truncated");
        assertThat(s[0].completed()).isFalse();
        assertThat(s[0].ok()).isFalse();
        // not an FLV file at all
        List<String> none = lines("hello world".getBytes(), FlvInspector.Format.JSON, s);
        assertThat(none).hasSize(1);
        assertThat(none.get(0)).startsWith("{\"offset\":0,\"error\":\"not an FLV file");
        assertThat(s[0]).isEqualTo(new FlvInspector.Summary(0, 1, false));
    }

    @Test
    void aBadBodyAndABadBackPointerShareOneErrorField() throws IOException {
        byte[] f = file(FlvTag.script(0, bytes(0x02, 0x00, 0x09, 'x')));
        f[f.length - 1] = 1; // PreviousTagSize 11 + 4 = 15 becomes 1
        FlvInspector.Summary[] s = new FlvInspector.Summary[1];
        List<String> lines = lines(f, FlvInspector.Format.JSON, s);
        assertThat(lines).hasSize(1);
        java.util.Map<String, Object> m = MiniJson.object(lines.get(0)); // duplicate keys would fail here
        assertThat((String) m.get("error")).contains("; tag 0 (script, timestamp 0, DataSize 4): PreviousTagSize is 1");
        assertThat(s[0]).isEqualTo(new FlvInspector.Summary(1, 1, true));
    }
}
