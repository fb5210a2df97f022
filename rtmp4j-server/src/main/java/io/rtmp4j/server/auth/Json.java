package io.rtmp4j.server.auth;

import io.rtmp4j.amf.AmfJson;
import java.util.Map;

/**
 * A small JSON object writer (RFC 8259) for hook bodies: strings, integers and nested string maps, in
 * insertion order; strings through core's one escaper ({@link AmfJson#quote}). Not {@link AmfJson}'s value
 * renderer, which writes every number as a double ({@code 3.0}), not what a backend expects of a client id.
 */
final class Json {

    private final StringBuilder out = new StringBuilder(256).append('{');
    private boolean first = true;

    Json field(String name, String value) {
        name(name);
        string(value);
        return this;
    }

    Json field(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    Json field(String name, Map<String, String> values) {
        name(name);
        out.append('{');
        boolean f = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!f) {
                out.append(',');
            }
            f = false;
            string(e.getKey());
            out.append(':');
            string(e.getValue());
        }
        out.append('}');
        return this;
    }

    String end() {
        return out.append('}').toString();
    }

    private void name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        string(name);
        out.append(':');
    }

    /** A string as core's one escaper writes it (RFC 8259 §7; unpaired surrogates escaped: valid UTF-8). */
    private void string(String s) {
        AmfJson.quote(out, s);
    }
}
