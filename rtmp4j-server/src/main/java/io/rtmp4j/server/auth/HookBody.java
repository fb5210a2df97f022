package io.rtmp4j.server.auth;

import io.rtmp4j.server.ClientInfo;
import io.rtmp4j.server.StreamRequestInfo;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The body of one hook call, in either {@link HookFormat}. */
final class HookBody {

    /** Fields of the nginx-rtmp form that a query parameter may not overwrite. */
    private static final Set<String> NGINX_FIELDS = Set.of("app", "flashver", "swfurl", "tcurl", "pageurl",
            "addr", "clientid", "epoch", "call", "name", "type", "start", "duration", "reset", "recorder", "path");

    private HookBody() {
    }

    static String contentType(HookFormat format) {
        return format == HookFormat.JSON ? "application/json; charset=utf-8" : "application/x-www-form-urlencoded";
    }

    /**
     * The body of {@code event}.
     *
     * @param request the stream request, or null for connect
     * @param file    the recording, for record_done only
     */
    static String of(HookFormat format, HookEvent event, ClientInfo client, StreamRequestInfo request, Path file,
                     Duration duration) {
        return format == HookFormat.JSON ? json(event, client, request, file, duration)
                : form(event, client, request, file);
    }

    static String ip(ClientInfo client) {
        return Cidr.clientAddress(client.address()).map(InetAddress::getHostAddress).orElse(client.address());
    }

    private static String json(HookEvent event, ClientInfo c, StreamRequestInfo r, Path file, Duration duration) {
        Json j = new Json().field("event", event.call()).field("clientId", c.id()).field("address", c.address())
                .field("ip", ip(c)).field("app", r != null ? r.app() : c.app()).field("tcUrl", c.tcUrl())
                .field("flashVer", c.flashVer());
        if (r != null) {
            j.field("stream", r.stream()).field("query", r.query()).field("params", r.params());
        }
        if (file != null) {
            j.field("path", file.toString()).field("durationMs", duration.toMillis());
        }
        return j.end();
    }

    /** nginx-rtmp's field order: the connection's fields, {@code call}, the event's, the query's. */
    private static String form(HookEvent event, ClientInfo c, StreamRequestInfo r, Path file) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("app", r != null ? r.app() : c.app());
        f.put("flashver", c.flashVer());
        f.put("swfurl", "");
        f.put("tcurl", c.tcUrl());
        f.put("pageurl", "");
        f.put("addr", ip(c));
        if (event == HookEvent.CONNECT) {
            f.put("epoch", "0"); // nginx-rtmp sends the handshake epoch, which the server does not keep
        } else {
            f.put("clientid", Long.toString(c.id()));
        }
        f.put("call", event.call());
        Map<String, String> params = Map.of();
        if (r != null) {
            f.put("name", r.stream());
            params = r.params();
        } else {
            int q = c.tcUrl().indexOf('?'); // a connect's own query: rtmp://host/live?token=t
            if (q >= 0) {
                params = parse(c.tcUrl().substring(q + 1));
            }
        }
        switch (event) {
            case PUBLISH -> f.put("type", "live");
            case PLAY -> {
                f.put("start", "0");
                f.put("duration", "0");
                f.put("reset", "0");
            }
            case RECORD_DONE -> {
                f.put("recorder", "");
                f.put("path", file.toString());
            }
            default -> {
            }
        }
        params.forEach((k, v) -> {
            if (!NGINX_FIELDS.contains(k)) {
                f.putIfAbsent(k, v);
            }
        });
        StringBuilder b = new StringBuilder(256);
        f.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                out.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed %-escape: left out
            }
        }
        return out;
    }
}
