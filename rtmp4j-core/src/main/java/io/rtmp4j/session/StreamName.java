package io.rtmp4j.session;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A publish or play name split at its query string: ffmpeg and OBS send {@code rtmp://host/live/cam?key=k}
 * as the name {@code cam?key=k} (rtmp-1.0.txt §7.2.2.6 leaves the name's form to the application), and
 * servers take the part before {@code ?} as the stream and the rest as parameters (nginx-rtmp does).
 *
 * @param name  the stream name without the query string
 * @param query the raw query string without the {@code ?}, empty if none
 */
public record StreamName(String name, String query) {

    /**
     * The parts.
     *
     * @param name  the stream name without the query string
     * @param query the raw query string without the {@code ?}, empty if none
     */
    public StreamName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
    }

    /**
     * Splits {@code nameWithQuery} ({@code cam?key=k1&x=2}) at its first {@code ?}.
     *
     * @param nameWithQuery the name as the client sent it
     * @return the name and its query string
     */
    public static StreamName parse(String nameWithQuery) {
        int q = nameWithQuery.indexOf('?');
        return q < 0 ? new StreamName(nameWithQuery, "")
                : new StreamName(nameWithQuery.substring(0, q), nameWithQuery.substring(q + 1));
    }

    /**
     * The query string's parameters, percent-decoded (a malformed escape is kept as sent), in order; the
     * first of a repeated name wins.
     *
     * @return name to value, unmodifiable
     */
    public Map<String, String> params() {
        if (query.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.putIfAbsent(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return Collections.unmodifiableMap(out);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a malformed %-escape: kept as sent
        }
    }
}
