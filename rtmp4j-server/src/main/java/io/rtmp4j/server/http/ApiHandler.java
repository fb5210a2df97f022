package io.rtmp4j.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.rtmp4j.server.ClientInfo;
import io.rtmp4j.server.LiveServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP connection of an {@link HttpApiServer}: routes each aggregated request and answers it with a
 * full response (so every response has its Content-Length). Runs on the listener's own event loop.
 *
 * <p>Routing is a match on the path's segments; a new endpoint (the planned {@code POST /api/v1/reload})
 * is one more case in {@link #route}.
 */
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String JSON = "application/json";
    private static final String GET = "GET, HEAD";

    /** What every connection of one listener shares. */
    record Shared(LiveServer server, ServerMetrics metrics, String token, String version, Clock clock,
                  IntSupplier httpPort, java.util.concurrent.Callable<String> reload) {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** A response in the making: status, type, body, and an Allow or WWW-Authenticate header. */
    private record Reply(HttpResponseStatus status, String type, byte[] body, String allow, boolean challenge) {
        static Reply json(HttpResponseStatus status, Object node) {
            try {
                return new Reply(status, JSON, Shared.MAPPER.writeValueAsBytes(node), null, false);
            } catch (IOException e) {
                throw new IllegalStateException("JSON of a tree cannot fail", e);
            }
        }

        static Reply error(HttpResponseStatus status, String message) {
            return json(status, Shared.MAPPER.createObjectNode().put("error", message));
        }

        static Reply noContent() {
            return new Reply(HttpResponseStatus.NO_CONTENT, null, new byte[0], null, false);
        }

        static Reply notAllowed(String allow) {
            Reply r = error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed; allowed: " + allow);
            return new Reply(r.status, r.type, r.body, allow, false);
        }
    }

    /** A path segment that is not valid percent-encoding. */
    private static final class BadPath extends Exception {
        BadPath(String message) {
            super(message);
        }
    }

    private final Shared shared;

    ApiHandler(Shared shared) {
        this.shared = shared;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (req.decoderResult().isFailure()) {
            // the decoder skips the rest of the connection's bytes: answer and close
            String why = String.valueOf(req.decoderResult().cause().getMessage());
            send(ctx, req, Reply.error(HttpResponseStatus.BAD_REQUEST, "bad request: " + why), false);
            return;
        }
        Reply reply;
        try {
            reply = answer(req);
        } catch (RuntimeException e) {
            LOG.warn("HTTP {} {} failed", req.method(), req.uri(), e);
            reply = Reply.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");
        }
        send(ctx, req, reply, HttpUtil.isKeepAlive(req));
    }

    private Reply answer(FullHttpRequest req) {
        String uri = req.uri();
        int end = uri.length();
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String rawPath = uri.substring(0, end);
        if (rawPath.regionMatches(true, 0, "http://", 0, 7) || rawPath.regionMatches(true, 0, "https://", 0, 8)) {
            // the absolute-form, which a server must accept too (RFC 9112 §3.2.2): the path after the authority
            int slash = rawPath.indexOf('/', rawPath.indexOf("//") + 2);
            rawPath = slash < 0 ? "/" : rawPath.substring(slash);
        }
        if (!rawPath.startsWith("/")) {
            return Reply.error(HttpResponseStatus.BAD_REQUEST, "the request target must be an absolute path");
        }
        List<String> path;
        try {
            path = segments(rawPath);
        } catch (BadPath e) {
            return Reply.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
        }
        if (!path.isEmpty() && path.get(0).equals("api") && shared.token() != null && !authorized(req)) {
            return new Reply(HttpResponseStatus.UNAUTHORIZED, JSON,
                    Reply.error(HttpResponseStatus.UNAUTHORIZED, "a bearer token is required").body(), null, true);
        }
        return route(req.method(), path);
    }

    /** The decoded segments of {@code /a/b%2Fc/d}: {@code [a, b/c, d]} ({@code +} stays a plus). */
    private static List<String> segments(String rawPath) throws BadPath {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.substring(1).split("/", -1)) {
            try {
                out.add(QueryStringDecoder.decodeComponent(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new BadPath("bad percent-encoding in the path: " + s);
            }
        }
        return out;
    }

    private boolean authorized(FullHttpRequest req) {
        String h = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (h == null || h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = h.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        // constant time in the token's content: a timing probe learns nothing of it
        return MessageDigest.isEqual(given, shared.token().getBytes(StandardCharsets.UTF_8));
    }

    private Reply route(HttpMethod method, List<String> p) {
        boolean get = method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);
        boolean delete = method.equals(HttpMethod.DELETE);
        int n = p.size();
        if (n == 1 && p.get(0).equals("metrics") && shared.metrics() != null) {
            return get ? metrics() : Reply.notAllowed(GET);
        }
        if (n < 3 || !p.get(0).equals("api") || !p.get(1).equals("v1")) {
            return notFound();
        }
        String resource = p.get(2);
        switch (resource) {
            case "reload":
                if (n != 3 || shared.reload() == null) {
                    return notFound();
                }
                return method.equals(HttpMethod.POST) ? reload() : Reply.notAllowed("POST");
            case "server":
                if (n != 3) {
                    return notFound();
                }
                return get ? Reply.json(HttpResponseStatus.OK, serverView()) : Reply.notAllowed(GET);
            case "streams":
                if (n == 3) {
                    return get ? Reply.json(HttpResponseStatus.OK, streamsView()) : Reply.notAllowed(GET);
                }
                if (n == 5) {
                    if (get) {
                        return stream(p.get(3), p.get(4));
                    }
                    if (delete) {
                        return shared.server().stopPublishing(p.get(3), p.get(4)) ? Reply.noContent()
                                : Reply.error(HttpResponseStatus.NOT_FOUND, "no publisher of that stream");
                    }
                    return Reply.notAllowed(GET + ", DELETE");
                }
                return notFound();
            case "connections":
            case "clients": // the name issue 12 and SRS use; the same resource
                if (n == 3) {
                    return get ? Reply.json(HttpResponseStatus.OK, connectionsView()) : Reply.notAllowed(GET);
                }
                if (n == 4) {
                    if (!get && !delete) {
                        return Reply.notAllowed(GET + ", DELETE");
                    }
                    long id;
                    try {
                        id = Long.parseLong(p.get(3));
                    } catch (NumberFormatException e) {
                        return Reply.error(HttpResponseStatus.BAD_REQUEST, "a connection id is a number");
                    }
                    return get ? connection(id) : shared.server().disconnect(id, "closed through the HTTP API")
                            ? Reply.noContent() : Reply.error(HttpResponseStatus.NOT_FOUND, "no such connection");
                }
                return notFound();
            default:
                return notFound();
        }
    }

    /** Runs the server's reload (on this HTTP thread: it reads a file): 200 with what it says, else 409. */
    private Reply reload() {
        try {
            return Reply.json(HttpResponseStatus.OK, java.util.Map.of("reloaded", shared.reload().call()));
        } catch (Exception e) {
            return Reply.error(HttpResponseStatus.CONFLICT, "reload refused, the configuration in force stays: "
                    + e.getMessage());
        }
    }

    private static Reply notFound() {
        return Reply.error(HttpResponseStatus.NOT_FOUND, "not found");
    }

    private Reply metrics() {
        ByteBufOutputStream out = new ByteBufOutputStream(Unpooled.buffer(4096));
        try {
            shared.metrics().writeTo(out);
            ByteBuf buf = out.buffer();
            byte[] body = new byte[buf.readableBytes()];
            buf.readBytes(body);
            return new Reply(HttpResponseStatus.OK, shared.metrics().contentType(), body, null, false);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        } finally {
            out.buffer().release();
        }
    }

    private Reply stream(String app, String name) {
        for (LiveServer.StreamInfo s : shared.server().streams()) {
            if (s.app().equals(app) && s.stream().equals(name)) {
                return Reply.json(HttpResponseStatus.OK, streamView(s));
            }
        }
        return Reply.error(HttpResponseStatus.NOT_FOUND, "no such stream");
    }

    private Reply connection(long id) {
        for (LiveServer.ConnectionInfo c : shared.server().connections()) {
            if (c.client().id() == id) {
                return Reply.json(HttpResponseStatus.OK, connectionView(c));
            }
        }
        return Reply.error(HttpResponseStatus.NOT_FOUND, "no such connection");
    }

    private ObjectNode serverView() {
        LiveServer server = shared.server();
        List<LiveServer.StreamInfo> streams = server.streams();
        ObjectNode o = Shared.MAPPER.createObjectNode();
        o.put("version", shared.version());
        Optional<Instant> started = server.startedAt();
        o.put("startedAt", started.map(Instant::toString).orElse(null));
        o.put("uptimeSeconds", started.map(t -> Duration.between(t, shared.clock().instant()).toSeconds())
                .orElse(0L));
        ObjectNode ports = o.putObject("ports");
        ports.put("rtmp", server.port());
        ports.put("http", shared.httpPort().getAsInt());
        o.put("connections", server.connections().size());
        o.put("streams", streams.size());
        o.put("live", streams.stream().filter(s -> s.publisher().isPresent()).count());
        o.put("players", streams.stream().mapToLong(LiveServer.StreamInfo::players).sum());
        return o;
    }

    private ArrayNode streamsView() {
        ArrayNode a = Shared.MAPPER.createArrayNode();
        for (LiveServer.StreamInfo s : shared.server().streams()) {
            a.add(streamView(s));
        }
        return a;
    }

    private static ObjectNode streamView(LiveServer.StreamInfo s) {
        ObjectNode o = Shared.MAPPER.createObjectNode();
        o.put("app", s.app());
        o.put("name", s.stream());
        o.put("live", s.publisher().isPresent());
        if (s.publisher().isPresent()) {
            ClientInfo p = s.publisher().get();
            o.putObject("publisher").put("id", p.id()).put("address", p.address());
        } else {
            o.putNull("publisher");
        }
        o.put("players", s.players());
        o.put("messagesIn", s.messagesIn());
        o.put("bytesIn", s.bytesIn());
        o.put("publishedAt", s.publishedAt().map(Instant::toString).orElse(null));
        return o;
    }

    private ArrayNode connectionsView() {
        ArrayNode a = Shared.MAPPER.createArrayNode();
        for (LiveServer.ConnectionInfo c : shared.server().connections()) {
            a.add(connectionView(c));
        }
        return a;
    }

    private static ObjectNode connectionView(LiveServer.ConnectionInfo c) {
        ClientInfo i = c.client();
        ObjectNode o = Shared.MAPPER.createObjectNode();
        o.put("id", i.id());
        o.put("address", i.address());
        o.put("app", i.app());
        o.put("tcUrl", i.tcUrl());
        o.put("flashVer", i.flashVer());
        o.put("connectedAt", i.connectedAt().toString());
        ArrayNode pub = o.putArray("publishing");
        c.publishing().forEach(pub::add);
        ArrayNode play = o.putArray("playing");
        c.playing().forEach(play::add);
        return o;
    }

    private static void send(ChannelHandlerContext ctx, FullHttpRequest req, Reply r, boolean keepAlive) {
        boolean head = req.method().equals(HttpMethod.HEAD);
        ByteBuf content = head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(r.body());
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, r.status(), content);
        if (r.type() != null) {
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, r.type());
        }
        if (r.status().code() != 204) {
            // RFC 9110 §8.6: no Content-Length on a 204; a HEAD gets the length the GET would have
            HttpUtil.setContentLength(res, r.body().length);
        }
        if (r.allow() != null) {
            res.headers().set(HttpHeaderNames.ALLOW, r.allow());
        }
        if (r.challenge()) {
            res.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"rtmp4j\"");
        }
        res.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        HttpUtil.setKeepAlive(res, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(res, ctx.voidPromise());
        } else {
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection {} failed", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }
}
