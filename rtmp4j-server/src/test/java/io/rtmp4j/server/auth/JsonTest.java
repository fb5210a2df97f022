package io.rtmp4j.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hook bodies' JSON writer: RFC 8259 §7 escapes, read back by a strict parser. */
class JsonTest {

    @Test
    void everyCharacterThatNeedsAnEscapeGetsOneAndTheTextReadsBack() {
        String nasty = "q\"b\\s/ \n\r\t\b\f \u0000\u001f \u00e9 \ud83d\ude00 \u2028";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("k\"", nasty);
        params.put("", "");
        String text = new Json().field("s", nasty).field("n", -42).field("m", params).field("e", Map.of()).end();
        assertThat(text).startsWith("{\"s\":\"q\\\"b\\\\s/ \\n\\r\\t\\b\\f \\u0000\\u001f ");
        Map<String, Object> back = MiniJson.object(text);
        assertThat(back).containsExactly(Map.entry("s", nasty), Map.entry("n", -42L), Map.entry("m", params),
                Map.entry("e", Map.of()));
    }

    @Test
    void anUnpairedSurrogateIsEscapedSoTheBodyStaysValidUtf8() {
        String text = new Json().field("s", "a\ud800b\udc00").end();
        assertThat(text).isEqualTo("{\"s\":\"a\\ud800b\\udc00\"}");
        assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(text);
    }
}
