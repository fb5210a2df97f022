package io.rtmp4j.cli.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * One inspector line: ordered fields rendered either as a JSON object (one per line) or as
 * {@code key=value} text in the spirit of {@code ffprobe -show_packets}. Values are strings, numbers,
 * booleans, or ready JSON ({@link #json}).
 */
final class InspectLine {

    private record Field(String key, Object value, boolean rawJson) {
    }

    private final List<Field> fields = new ArrayList<>();

    InspectLine put(String key, String value) {
        fields.add(new Field(key, value, false));
        return this;
    }

    InspectLine put(String key, long value) {
        fields.add(new Field(key, value, false));
        return this;
    }

    InspectLine put(String key, boolean value) {
        fields.add(new Field(key, value, false));
        return this;
    }

    /** A field whose value is already JSON (an object, an array). */
    InspectLine json(String key, String json) {
        fields.add(new Field(key, json, true));
        return this;
    }

    /** Adds an {@code error} field, or appends to the one already there (one key per object). */
    InspectLine error(String message) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).key.equals("error")) {
                fields.set(i, new Field("error", fields.get(i).value + "; " + message, false));
                return this;
            }
        }
        return put("error", message);
    }

    boolean has(String key) {
        return fields.stream().anyMatch(f -> f.key.equals(key));
    }

    String toJson() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (i > 0) {
                sb.append(',');
            }
            Json.string(sb, f.key);
            sb.append(':');
            if (f.rawJson || f.value instanceof Long || f.value instanceof Boolean) {
                sb.append(f.value);
            } else {
                Json.string(sb, (String) f.value);
            }
        }
        return sb.append('}').toString();
    }

    String toText() {
        StringBuilder sb = new StringBuilder();
        for (Field f : fields) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(f.key).append('=');
            if (f.value instanceof String s && !f.rawJson && needsQuotes(s)) {
                Json.string(sb, s);
            } else {
                sb.append(f.value);
            }
        }
        return sb.toString();
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '"' || c == '=' || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
