package io.rtmp4j.server.auth;

import java.util.Map;

/**
 * A small JSON object writer (RFC 8259) for hook bodies: strings, integers and nested string maps, in
 * insertion order. No JSON library is on the server's class path yet, and {@link io.rtmp4j.amf.AmfJson} writes
 * every number as a double ({@code 3.0}), which is not what a backend expects of a client id.
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

    /** A string with the escapes RFC 8259 §7 requires, and unpaired surrogates escaped so the text stays UTF-8. */
    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (paired) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
