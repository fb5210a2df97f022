package io.rtmp4j.session;

import java.util.Locale;
import java.util.Objects;

/**
 * An {@code rtmp://host[:port]/app[/instance]/stream} URL split the way FFmpeg's RTMP client
 * ({@code libavformat/rtmpproto.c}, {@code rtmp_open}) splits it, so that rtmp4j connects with the same
 * {@code app}, {@code tcUrl} and stream name as {@code ffmpeg -i rtmp://...} would.
 *
 * <p>Splitting rules for the path (after the authority):
 * <ul>
 *   <li>one segment ({@code /live}): app {@code live}, no stream name (empty);</li>
 *   <li>two segments ({@code /live/cam1}): app {@code live}, stream {@code cam1};</li>
 *   <li>three or more segments ({@code /live/inst/cam1}): app = the first two segments
 *       ({@code live/inst}, an application instance) and stream = the rest, unless the second segment
 *       contains a {@code ':'} before the next {@code '/'} (a play path such as {@code mp4:dir/file}),
 *       in which case app = the first segment and stream = everything after it;</li>
 *   <li>a query string stays with the stream name ({@code /live/cam1?key=abc}: stream
 *       {@code cam1?key=abc}), as FFmpeg and OBS send it in {@code publish}.</li>
 * </ul>
 * Unlike FFmpeg, the stream name is kept verbatim: no {@code .flv} suffix is removed and no
 * {@code mp4:} prefix is added. The port defaults to 1935 ({@link #DEFAULT_PORT}), and {@link #tcUrl()}
 * always names it ({@code rtmp://host:1935/live}), as FFmpeg's tcUrl does.
 *
 * <pre>{@code
 * RtmpUrl u = RtmpUrl.parse("rtmp://example.com/live/cam1");
 * u.host();      // "example.com"
 * u.port();      // 1935
 * u.app();       // "live"
 * u.streamName();// "cam1"
 * u.tcUrl();     // "rtmp://example.com:1935/live"
 * }</pre>
 *
 * @param host       host name or address (IPv6 literals without brackets)
 * @param port       TCP port, 1..65535; 0 (any free port) only in a listening address
 *                   ({@link #parseListening})
 * @param app        application name (may contain one '/', an application instance)
 * @param streamName stream name / play path, empty when the URL names none
 * @param tls        RTMPS ({@code rtmps://}): RTMP inside TLS (the port defaults to {@link #DEFAULT_TLS_PORT})
 */
public record RtmpUrl(String host, int port, String app, String streamName, boolean tls) {

    /** The RTMP port (rtmp-1.0.txt §4: "port 1935 by default"). */
    public static final int DEFAULT_PORT = 1935;

    /** The RTMPS port clients assume when the URL names none (what FFmpeg, OBS, YouTube and Facebook use). */
    public static final int DEFAULT_TLS_PORT = 443;

    /**
     * A plain RTMP URL's parts.
     *
     * @param host host name or address (IPv6 literals without brackets)
     * @param port TCP port, 1..65535
     * @param app application name (may contain one '/', an application instance)
     * @param streamName stream name / play path, empty when the URL names none
     */
    public RtmpUrl(String host, int port, String app, String streamName) {
        this(host, port, app, streamName, false);
    }

    /**
     * Validates the components.
     *
     * @param host host name or address (IPv6 literals without brackets)
     * @param port TCP port, 1..65535
     * @param app application name (may contain one '/', an application instance)
     * @param streamName stream name / play path, empty when the URL names none
     * @param tls RTMPS: RTMP inside TLS
     */
    public RtmpUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(streamName, "streamName");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535 (0 only to listen on any free port): "
                    + port);
        }
    }

    /**
     * Parses {@code rtmp://host[:port]/app[/instance]/stream}, a URL to connect to.
     *
     * @param url the URL
     * @return the parts
     * @throws IllegalArgumentException if the scheme is not {@code rtmp} (or {@code rtmps} for a client), the host is missing or the
     *                                  port is not a number in 1..65535 (port 0 gets its own message:
     *                                  a client must name the server's port)
     */
    public static RtmpUrl parse(String url) {
        return parse(url, false);
    }

    /**
     * Parses the URL a server listens on, {@code rtmp://host[:port]/app[/stream]}: as {@link #parse}, but
     * port 0 is allowed and means "any free port" (the transport then reports the port it bound).
     *
     * @param url the listening URL, e.g. {@code rtmp://127.0.0.1:0/live/cam}
     * @return its parts
     * @throws IllegalArgumentException if the scheme is not {@code rtmp} (or {@code rtmps} for a client), the host is missing or the
     *                                  port is not a number in 0..65535
     */
    public static RtmpUrl parseListening(String url) {
        return parse(url, true);
    }

    private static RtmpUrl parse(String url, boolean listening) {
        Objects.requireNonNull(url, "url");
        int schemeEnd = url.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        boolean tls = scheme.equals("rtmps");
        if (!scheme.equals("rtmp") && !(tls && !listening)) {
            throw new IllegalArgumentException(tls ? "a listening address is rtmp:// (RTMPS listens through "
                    + "RtmpServer.Builder#tls with its certificate): " + url : "not an rtmp:// or rtmps:// URL: " + url);
        }
        String rest = url.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash); // starts with '/' or is empty
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1); // user info is not used by RTMP
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unterminated IPv6 literal in " + url);
            }
            host = authority.substring(1, close);
            if (close + 1 < authority.length()) {
                if (authority.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("bad authority in " + url);
                }
                portText = authority.substring(close + 2);
            }
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in " + url);
        }
        int port = tls ? DEFAULT_TLS_PORT : DEFAULT_PORT;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port '" + portText + "' in " + url, e);
            }
            if (port == 0 && !listening) {
                throw new IllegalArgumentException("port 0 in " + url + ": a client must name the server's port "
                        + "(0, any free port, is only for a listening address: RtmpUrl.parseListening)");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range in " + url);
            }
        }
        // rtmpproto.c rtmp_open: app / playpath split
        String next = path.isEmpty() ? "" : path.substring(1);
        int p = next.indexOf('/');
        String app;
        String stream;
        if (p < 0) {
            app = next;
            stream = "";
        } else {
            int second = next.indexOf('/', p + 1);
            int colon = next.indexOf(':', p + 1);
            if (second < 0 || (colon >= 0 && colon < second)) {
                app = next.substring(0, p);
                stream = next.substring(p + 1);
            } else {
                app = next.substring(0, second);
                stream = next.substring(second + 1);
            }
        }
        return new RtmpUrl(host, port, app, stream, tls);
    }

    /**
     * {@code rtmp://host:port/app} ({@code rtmps://} for RTMPS): what goes in {@code connect}'s tcUrl.
     *
     * @return the tcUrl
     */
    public String tcUrl() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return (tls ? "rtmps://" : "rtmp://") + h + ":" + port + "/" + app;
    }

    /**
     * Resolves a Reconnect Request's {@code tcUrl} against the current connection's tcUrl
     * (enhanced-rtmp-v2.md "Reconnect Request": "A relative URI reference should be resolved relative to
     * the tcUrl for the current connection"; absent = the current tcUrl). The four documented shapes:
     * <ul>
     *   <li>absolute ({@code rtmp://foo.example:1935/realtimeapp}): itself;</li>
     *   <li>network-path ({@code //192.0.2.0/realtimeapp}): the current scheme with that authority and path;</li>
     *   <li>absolute-path ({@code /realtimeapp}): the current scheme and authority with that path;</li>
     *   <li>relative-path ({@code realtimeapp}): the current URL with its last path segment replaced
     *       (RFC 3986 §5.2.3 merge), e.g. {@code rtmp://h/live} + {@code other} = {@code rtmp://h/other}.</li>
     * </ul>
     *
     * @param currentTcUrl the tcUrl of the current connection
     * @param reference    the request's tcUrl, or null / empty when it carries none
     * @return the absolute tcUrl
     */
    public static String resolveTcUrl(String currentTcUrl, String reference) {
        Objects.requireNonNull(currentTcUrl, "currentTcUrl");
        if (reference == null || reference.isEmpty()) {
            return currentTcUrl;
        }
        int schemeEnd = currentTcUrl.indexOf("://");
        String scheme = schemeEnd < 0 ? "rtmp" : currentTcUrl.substring(0, schemeEnd);
        if (hasScheme(reference)) {
            return reference;
        }
        if (reference.startsWith("//")) {
            return scheme + ":" + reference;
        }
        String afterScheme = schemeEnd < 0 ? currentTcUrl : currentTcUrl.substring(schemeEnd + 3);
        int pathStart = afterScheme.indexOf('/');
        String authority = pathStart < 0 ? afterScheme : afterScheme.substring(0, pathStart);
        String base = scheme + "://" + authority;
        if (reference.startsWith("/")) {
            return base + reference;
        }
        String basePath = pathStart < 0 ? "/" : afterScheme.substring(pathStart);
        int q = basePath.indexOf('?');
        if (q >= 0) {
            basePath = basePath.substring(0, q);
        }
        return base + basePath.substring(0, basePath.lastIndexOf('/') + 1) + reference;
    }

    private static boolean hasScheme(String s) {
        // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
        int colon = s.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = s.charAt(i);
            boolean ok = Character.isLetter(c) || (i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.'));
            if (!ok || c > 127) {
                return false;
            }
        }
        return true;
    }
}
