package io.rtmp4j.server;

import io.rtmp4j.session.StreamName;
import java.util.Locale;
import java.util.Objects;

/**
 * The name of a live stream in the {@link StreamHub}: the application ({@code connect}'s {@code app},
 * rtmp-1.0.txt §7.2.1.1) and the stream name ({@code publish} / {@code play}'s name, §7.2.2.1,
 * §7.2.2.6), e.g. {@code live} / {@code cam} for {@code rtmp://host/live/cam}.
 *
 * <p>Both parts are also file and directory names of recordings ({@code DIR/<app>/<stream>-<time>.flv}),
 * so {@link #of} admits only names that cannot leave the recording directory: 1..{@value #MAX_LENGTH}
 * characters from {@code [A-Za-z0-9._~-]}, not starting with a dot (which rules out {@code .} and
 * {@code ..}). A query string that encoders append to the stream name (OBS and ffmpeg pass stream
 * keys such as {@code cam?token=x} through verbatim) is not part of the name, as in nginx-rtmp.
 *
 * @param app    the application name
 * @param stream the stream name
 */
public record StreamKey(String app, String stream) {

    /** Longest app or stream name accepted: long enough for any stream key OBS users paste. */
    public static final int MAX_LENGTH = 128;

    /**
     * Checks both names as the class description says.
     *
     * @param app the application name
     * @param stream the stream name
     * @throws IllegalArgumentException if a value is out of its range
     */
    public StreamKey {
        requireValid(app, "app");
        requireValid(stream, "stream");
    }

    /**
     * The key for a client-supplied app and stream name (query string dropped from the stream name).
     *
     * @param app the app from the connect command (the tcUrl path)
     * @param stream the stream name from publish or play, possibly with a query string
     * @return the key
     * @throws IllegalArgumentException with a reason if either name is not acceptable
     */
    public static StreamKey of(String app, String stream) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(stream, "stream");
        return new StreamKey(stripSlashes(app), StreamName.parse(stream).name());
    }

    /**
     * Whether {@link #of} would accept these names.
     *
     * @param app the app
     * @param stream the stream name
     * @return true if both names are acceptable
     */
    public static boolean isValid(String app, String stream) {
        try {
            of(app, stream);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static String stripSlashes(String app) {
        // ffmpeg and OBS send the app with a trailing slash when the URL has one ("live/")
        int end = app.length();
        while (end > 0 && app.charAt(end - 1) == '/') {
            end--;
        }
        return app.substring(0, end);
    }

    private static void requireValid(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " name must be 1.." + MAX_LENGTH + " characters: \""
                    + shorten(name) + "\"");
        }
        if (name.charAt(0) == '.') {
            throw new IllegalArgumentException(what + " name must not start with '.': \"" + shorten(name) + "\"");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == '-' || c == '~';
            if (!ok) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s name may only hold A-Z a-z 0-9 . _ ~ - (found U+%04X): \"%s\"",
                        what, (int) c, shorten(name)));
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    @Override
    public String toString() {
        return app + "/" + stream;
    }
}
