package io.rtmp4j.cli.inspect;

import io.rtmp4j.amf.AmfJson;

/**
 * JSON (RFC 8259) strings and numbers for the inspector: strings through core's one escaper
 * ({@link AmfJson#quote}); AMF values are rendered by {@link AmfJson}.
 */
final class Json {

    private Json() {
    }

    static void string(StringBuilder sb, String s) {
        AmfJson.quote(sb, s);
    }

    static void number(StringBuilder sb, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            sb.append("null");
        } else {
            sb.append(d);
        }
    }
}
