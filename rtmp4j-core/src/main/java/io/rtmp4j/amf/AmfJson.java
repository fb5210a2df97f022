package io.rtmp4j.amf;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Renders AMF values as JSON text, for {@code rtmp4j inspect --json}, logs and tests.
 *
 * <p>Mapping: numbers use {@link Double#toString(double)}, so integral values keep a ".0"
 * ({@code {"duration":20.0,"width":1280.0}}) and very large or small ones use an exponent
 * ({@code 1.0E21}, valid JSON); NaN and infinities, which JSON cannot express, become {@code null}.
 * Strings and XML documents are JSON strings; null, undefined and unsupported are {@code null};
 * objects, typed objects and ECMA arrays are JSON objects in property order (a duplicated name
 * appears once, with its last value); strict arrays are JSON arrays; dates are ISO-8601 strings in
 * UTC ({@code "2001-09-09T01:46:40Z"}), or {@code null} when not representable; AVM+ and other AMF3
 * values are rendered through {@link Amf3#toAmf0(Amf3Value)}.
 */
public final class AmfJson {

    private AmfJson() {
    }

    /**
     * Compact JSON for an AMF0 value.
     *
     * @param value the AMF0 value
     * @return the JSON text
     */
    public static String toJson(Amf0Value value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, -1);
        return sb.toString();
    }

    /**
     * JSON for an AMF0 value; {@code pretty} indents nested structures by two spaces.
     *
     * @param value the AMF0 value
     * @param pretty whether to indent
     * @return the JSON text
     */
    public static String toJson(Amf0Value value, boolean pretty) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, pretty ? 0 : -1);
        return sb.toString();
    }

    /**
     * Compact JSON for an AMF3 value (through {@link Amf3#toAmf0(Amf3Value)}).
     *
     * @param value the AMF3 value
     * @return the JSON text
     */
    public static String toJson(Amf3Value value) {
        return toJson(Amf3.toAmf0(value));
    }

    /**
     * Compact JSON array of several values, e.g. a whole command body.
     *
     * @param values the AMF0 values
     * @return the JSON array text
     */
    public static String toJson(List<? extends Amf0Value> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            write(sb, values.get(i), -1);
        }
        return sb.append(']').toString();
    }

    /** {@code indent} &lt; 0: compact; otherwise the current indentation level. */
    private static void write(StringBuilder sb, Amf0Value value, int indent) {
        if (value instanceof Amf0Number n) {
            number(sb, n.value());
        } else if (value instanceof Amf0Boolean b) {
            sb.append(b.value());
        } else if (value instanceof Amf0String s) {
            string(sb, s.value());
        } else if (value instanceof Amf0XmlDocument x) {
            string(sb, x.xml());
        } else if (value instanceof Amf0Date d) {
            double ms = d.epochMillis();
            if (Double.isFinite(ms) && Math.abs(ms) <= 8.64e15) { // ECMAScript's Date range
                string(sb, Instant.ofEpochMilli((long) ms).toString());
            } else {
                sb.append("null");
            }
        } else if (value instanceof Amf0StrictArray a) {
            int inner = indent < 0 ? -1 : indent + 1;
            sb.append('[');
            List<Amf0Value> values = a.values();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newline(sb, inner);
                write(sb, values.get(i), inner);
            }
            if (!values.isEmpty()) {
                newline(sb, indent);
            }
            sb.append(']');
        } else if (value instanceof Amf0Properties p) {
            int inner = indent < 0 ? -1 : indent + 1;
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Amf0Value> e : p.asMap().entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(sb, inner);
                string(sb, e.getKey());
                sb.append(indent < 0 ? ":" : ": ");
                write(sb, e.getValue(), inner);
            }
            if (!first) {
                newline(sb, indent);
            }
            sb.append('}');
        } else if (value instanceof Amf0Avmplus a) {
            write(sb, Amf3.toAmf0(a.value()), indent);
        } else {
            sb.append("null"); // null, undefined, unsupported
        }
    }

    private static void newline(StringBuilder sb, int indent) {
        if (indent >= 0) {
            sb.append('\n');
            for (int i = 0; i < indent; i++) {
                sb.append("  ");
            }
        }
    }

    private static void number(StringBuilder sb, double v) {
        if (Double.isFinite(v)) {
            sb.append(v);
        } else {
            sb.append("null");
        }
    }

    private static void string(StringBuilder sb, String s) {
        quote(sb, s);
    }

    /**
     * Appends {@code s} as a JSON string (RFC 8259 §7): quotes, backslash and the control characters
     * escaped, and also DEL, U+2028 / U+2029 (which JavaScript source cannot hold raw) and unpaired
     * surrogates (which UTF-8 cannot encode), so the text is valid JSON and valid UTF-8 whatever {@code s}
     * holds. The one string escaper of the project: the AMF renderer, the inspector's lines and the HTTP
     * hooks' bodies use it.
     *
     * @param sb where to append
     * @param s  the text
     */
    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i)); // a pair: one code point, kept
                    } else if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
