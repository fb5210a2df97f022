package io.rtmp4j.flv;

import io.rtmp4j.amf.Amf0Avmplus;
import io.rtmp4j.amf.Amf0Boolean;
import io.rtmp4j.amf.Amf0Date;
import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.amf.Amf0Null;
import io.rtmp4j.amf.Amf0Number;
import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Property;
import io.rtmp4j.amf.Amf0StrictArray;
import io.rtmp4j.amf.Amf0String;
import io.rtmp4j.amf.Amf0TypedObject;
import io.rtmp4j.amf.Amf0Undefined;
import io.rtmp4j.amf.Amf0Unsupported;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.amf.Amf0XmlDocument;
import io.rtmp4j.amf.Amf3Array;
import io.rtmp4j.amf.Amf3Boolean;
import io.rtmp4j.amf.Amf3ByteArray;
import io.rtmp4j.amf.Amf3Date;
import io.rtmp4j.amf.Amf3Dictionary;
import io.rtmp4j.amf.Amf3Double;
import io.rtmp4j.amf.Amf3Externalizable;
import io.rtmp4j.amf.Amf3Integer;
import io.rtmp4j.amf.Amf3Null;
import io.rtmp4j.amf.Amf3Object;
import io.rtmp4j.amf.Amf3Property;
import io.rtmp4j.amf.Amf3String;
import io.rtmp4j.amf.Amf3Undefined;
import io.rtmp4j.amf.Amf3Value;
import io.rtmp4j.amf.Amf3VectorDouble;
import io.rtmp4j.amf.Amf3VectorInt;
import io.rtmp4j.amf.Amf3VectorObject;
import io.rtmp4j.amf.Amf3VectorUint;
import io.rtmp4j.amf.Amf3Xml;
import io.rtmp4j.amf.Amf3XmlDocument;
import java.time.Instant;
import java.util.List;

/**
 * Hand-written JSON (RFC 8259) for the inspector: strings, numbers and AMF values. Core has no
 * dependencies, so no JSON library. AMF objects and ECMA arrays become objects (keys in wire order),
 * strict arrays arrays, null and undefined {@code null}, dates ISO-8601 strings, XML strings; numbers
 * keep Java's shortest round-trip form ({@code 20.0}, {@code 29.97}, {@code 1.0E7}); NaN and the
 * infinities, which JSON cannot express, become {@code null}.
 */
final class Json {

    private Json() {
    }

    static void string(StringBuilder sb, String s) {
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
                    if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    static void number(StringBuilder sb, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            sb.append("null");
        } else {
            sb.append(d);
        }
    }

    static String amf0(Amf0Value v) {
        StringBuilder sb = new StringBuilder();
        amf0(sb, v);
        return sb.toString();
    }

    static void amf0(StringBuilder sb, Amf0Value v) {
        if (v instanceof Amf0Number n) {
            number(sb, n.value());
        } else if (v instanceof Amf0Boolean b) {
            sb.append(b.value());
        } else if (v instanceof Amf0String s) {
            string(sb, s.value());
        } else if (v instanceof Amf0Object o) {
            properties(sb, o.properties());
        } else if (v instanceof Amf0EcmaArray a) {
            properties(sb, a.properties());
        } else if (v instanceof Amf0TypedObject t) {
            properties(sb, t.properties());
        } else if (v instanceof Amf0StrictArray a) {
            sb.append('[');
            for (int i = 0; i < a.values().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                amf0(sb, a.values().get(i));
            }
            sb.append(']');
        } else if (v instanceof Amf0Date d) {
            date(sb, d.epochMillis());
        } else if (v instanceof Amf0XmlDocument x) {
            string(sb, x.xml());
        } else if (v instanceof Amf0Avmplus a) {
            amf3(sb, a.value());
        } else if (v instanceof Amf0Null || v instanceof Amf0Undefined || v instanceof Amf0Unsupported) {
            sb.append("null");
        } else {
            sb.append("null");
        }
    }

    private static void properties(StringBuilder sb, List<Amf0Property> props) {
        sb.append('{');
        for (int i = 0; i < props.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            string(sb, props.get(i).name());
            sb.append(':');
            amf0(sb, props.get(i).value());
        }
        sb.append('}');
    }

    private static void date(StringBuilder sb, double epochMillis) {
        if (Double.isNaN(epochMillis) || Double.isInfinite(epochMillis) || Math.abs(epochMillis) > 8.64e15) {
            sb.append("null");
        } else {
            string(sb, Instant.ofEpochMilli((long) epochMillis).toString());
        }
    }

    static void amf3(StringBuilder sb, Amf3Value v) {
        if (v instanceof Amf3Undefined || v instanceof Amf3Null) {
            sb.append("null");
        } else if (v instanceof Amf3Boolean b) {
            sb.append(b.value());
        } else if (v instanceof Amf3Integer i) {
            sb.append(i.value());
        } else if (v instanceof Amf3Double d) {
            number(sb, d.value());
        } else if (v instanceof Amf3String s) {
            string(sb, s.value());
        } else if (v instanceof Amf3Xml x) {
            string(sb, x.xml());
        } else if (v instanceof Amf3XmlDocument x) {
            string(sb, x.xml());
        } else if (v instanceof Amf3Date d) {
            date(sb, d.epochMillis());
        } else if (v instanceof Amf3Array a) {
            if (a.associative().isEmpty()) {
                amf3List(sb, a.dense());
            } else {
                sb.append('{');
                amf3Members(sb, a.associative());
                for (int i = 0; i < a.dense().size(); i++) {
                    sb.append(',');
                    string(sb, Integer.toString(i));
                    sb.append(':');
                    amf3(sb, a.dense().get(i));
                }
                sb.append('}');
            }
        } else if (v instanceof Amf3Object o) {
            sb.append('{');
            amf3Members(sb, o.properties());
            sb.append('}');
        } else if (v instanceof Amf3Externalizable e) {
            amf3(sb, e.content());
        } else if (v instanceof Amf3ByteArray b) {
            StringBuilder hex = new StringBuilder(b.length() * 2);
            for (byte x : b.bytes()) {
                hex.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
            string(sb, hex.toString());
        } else if (v instanceof Amf3VectorInt vi) {
            sb.append(vi.values().toString().replace(" ", ""));
        } else if (v instanceof Amf3VectorUint vu) {
            sb.append(vu.values().toString().replace(" ", ""));
        } else if (v instanceof Amf3VectorDouble vd) {
            sb.append('[');
            for (int i = 0; i < vd.values().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                number(sb, vd.values().get(i));
            }
            sb.append(']');
        } else if (v instanceof Amf3VectorObject vo) {
            amf3List(sb, vo.values());
        } else if (v instanceof Amf3Dictionary d) {
            sb.append('[');
            for (int i = 0; i < d.entries().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append('[');
                amf3(sb, d.entries().get(i).key());
                sb.append(',');
                amf3(sb, d.entries().get(i).value());
                sb.append(']');
            }
            sb.append(']');
        } else {
            sb.append("null");
        }
    }

    private static void amf3List(StringBuilder sb, List<Amf3Value> values) {
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            amf3(sb, values.get(i));
        }
        sb.append(']');
    }

    private static void amf3Members(StringBuilder sb, List<Amf3Property> members) {
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            string(sb, members.get(i).name());
            sb.append(':');
            amf3(sb, members.get(i).value());
        }
    }
}
