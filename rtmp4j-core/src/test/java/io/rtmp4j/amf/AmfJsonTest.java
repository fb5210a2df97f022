package io.rtmp4j.amf;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AmfJsonTest {

    @Test
    void metadataExampleFromTheIssue() {
        Amf0EcmaArray meta = Amf0EcmaArray.builder().put("duration", 20.0).put("width", 1280.0).build();
        assertThat(AmfJson.toJson(meta)).isEqualTo("{\"duration\":20.0,\"width\":1280.0}");
    }

    @Test
    void everyAmf0Type() {
        Amf0Object o = Amf0Object.builder()
                .put("n", 1.5).put("big", 1e21).put("nan", Double.NaN).put("b", true)
                .put("s", "q\"\\\n\u0001é").put("long", new Amf0String("L", true))
                .putNull("null").put("u", Amf0Undefined.INSTANCE).put("x", Amf0Unsupported.INSTANCE)
                .put("arr", Amf0Value.array(Amf0Value.of(1.0), Amf0Value.of("a")))
                .put("empty", Amf0Value.array())
                .put("date", Amf0Date.of(1e12))
                .put("xml", new Amf0XmlDocument("<a/>"))
                .put("typed", Amf0TypedObject.builder("T").put("k", false).build())
                .put("amf3", new Amf0Avmplus(Amf3Array.of(new Amf3Integer(3))))
                .put("obj", Amf0Object.EMPTY)
                .build();
        assertThat(AmfJson.toJson(o)).isEqualTo("{\"n\":1.5,\"big\":1.0E21,\"nan\":null,\"b\":true,"
                + "\"s\":\"q\\\"\\\\\\n\\u0001é\",\"long\":\"L\",\"null\":null,\"u\":null,\"x\":null,"
                + "\"arr\":[1.0,\"a\"],\"empty\":[],\"date\":\"2001-09-09T01:46:40Z\",\"xml\":\"<a/>\","
                + "\"typed\":{\"k\":false},\"amf3\":[3.0],\"obj\":{}}");
    }

    @Test
    void prettyAndLists() {
        Amf0Object o = Amf0Object.builder().put("a", 1.0).put("l", Amf0Value.array(Amf0Null.INSTANCE)).build();
        assertThat(AmfJson.toJson(o, true)).isEqualTo("{\n  \"a\": 1.0,\n  \"l\": [\n    null\n  ]\n}");
        assertThat(AmfJson.toJson(List.of(Amf0Value.of("onStatus"), Amf0Value.of(0.0))))
                .isEqualTo("[\"onStatus\",0.0]");
        assertThat(AmfJson.toJson(Amf3Object.builder().put("w", new Amf3Integer(1280)).build()))
                .isEqualTo("{\"w\":1280.0}");
    }

    @Test
    void quoteEscapesWhatJsonAndUtf8NeedAndKeepsSurrogatePairs() {
        StringBuilder sb = new StringBuilder();
        AmfJson.quote(sb, "a\"b\\c\n\u0001\u007f\u2028\u2029 \ud83d\ude00 \ud800x\udc00");
        // RFC 8259 §7 escapes; DEL, U+2028 / U+2029 and each unpaired surrogate as \\uXXXX; the pair kept
        assertThat(sb.toString()).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\\u007f\\u2028\\u2029 \ud83d\ude00 \\ud800x\\udc00\"");
    }
}
