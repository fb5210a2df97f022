package io.rtmp4j.netty;

import io.rtmp4j.media.MediaPacket;
import io.rtmp4j.message.StatusCode;
import io.rtmp4j.session.Metadata;
import io.rtmp4j.session.PlayRequest;
import io.rtmp4j.session.PublishRequest;
import io.rtmp4j.session.RtmpUrl;
import io.rtmp4j.session.ServerSessionListener;
import io.rtmp4j.session.StreamName;
import io.rtmp4j.session.MediaKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A blocking RTMP ingest for programs that want one thread per stream: publishers of any app and stream
 * name connect; {@link #accept()} hands out their publish requests one by one; the program decides each
 * ({@link Request#allow()} or {@link Request#deny}) and reads an allowed stream's audio and video as
 * {@link MediaPacket}s on the nanosecond timeline with {@link Stream#take()} until the publisher ends.
 * Players are refused ({@code NetStream.Play.StreamNotFound}): this server only ingests (the live server
 * with players is {@code io.rtmp4j.server.LiveServer}).
 *
 * <pre>{@code
 * try (IngestServer server = IngestServer.listen("rtmp://0.0.0.0:1935")) {
 *     for (IngestServer.Request r; (r = server.accept()) != null; ) {
 *         if (!"s3cret".equals(r.params().get("key"))) {
 *             r.deny("bad stream key");                  // NetStream.Publish.Unauthorized
 *             continue;
 *         }
 *         IngestServer.Stream s = r.allow();             // NetStream.Publish.Start
 *         workers.submit(() -> {
 *             for (MediaPacket p; (p = s.take()) != null; ) {
 *                 decoder.feed(p);
 *             }
 *             return null;
 *         });
 *     }
 * }
 * }</pre>
 *
 * <p>Nothing of a publisher flows before its request is allowed, and a request waits at most
 * {@code decisionTimeout} (then it is denied). Each allowed stream has the backpressure of
 * {@link MediaSource}: its publisher's connection stops being read while {@value PacketQueue#PAUSE_AT}
 * packets wait unread. Every method is safe from any thread.
 */
public final class IngestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestServer.class);

    /** Requests waiting for {@link #accept()}; more are refused at once. */
    public static final int MAX_PENDING = 64;

    private static final Request CLOSED = new Request(null, null, null, null, null, null);

    private final RtmpServer server;
    private final Duration decisionTimeout;
    private final LinkedBlockingQueue<Request> pending = new LinkedBlockingQueue<>(MAX_PENDING);
    private final AtomicBoolean closed = new AtomicBoolean();

    private IngestServer(RtmpServer.Settings settings, Duration decisionTimeout) {
        this.decisionTimeout = decisionTimeout;
        this.server = RtmpServer.builder().settings(settings).listener(this::listenerFor).build();
    }

    /**
     * Starts listening on the URL's host and port (1935 if absent; 0 picks a free one, see
     * {@link #port()}); the URL's path, if any, is ignored: every app and stream may publish.
     *
     * @param url {@code rtmp://host[:port]}
     * @return the server, listening
     * @throws IllegalArgumentException if the URL is not {@code rtmp://host[:port]}
     * @throws java.io.UncheckedIOException if the port cannot be bound (see {@link RtmpServer#start()})
     */
    public static IngestServer listen(String url) {
        RtmpUrl u = RtmpUrl.parseListening(url);
        return listen(RtmpServer.Settings.defaults().withHost(u.host()).withPort(u.port()), Duration.ofSeconds(10));
    }

    /**
     * Starts listening with these transport settings.
     *
     * @param settings        the transport settings (their host and port are listened on)
     * @param decisionTimeout how long a request may wait for {@link #accept()} and its decision before it
     *                        is denied
     * @return the server, listening
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public static IngestServer listen(RtmpServer.Settings settings, Duration decisionTimeout) {
        IngestServer s = new IngestServer(Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(decisionTimeout, "decisionTimeout"));
        s.server.start();
        return s;
    }

    /**
     * The port listened on.
     *
     * @return the TCP port (the one bound when 0 was asked for)
     */
    public int port() {
        return server.port();
    }

    /**
     * The next publish request, waiting for one; null once the server is closed.
     *
     * @return the request, to be allowed or denied
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public Request accept() throws InterruptedException {
        Request r = pending.take();
        if (r == CLOSED) {
            pending.offer(CLOSED); // every later accept sees it too
            return null;
        }
        return r;
    }

    /**
     * As {@link #accept()}, waiting at most {@code timeout}.
     *
     * @param timeout how long to wait at most
     * @return the request; empty on timeout or once the server is closed
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public Optional<Request> accept(Duration timeout) throws InterruptedException {
        Request r = pending.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (r == CLOSED) {
            pending.offer(CLOSED);
            return Optional.empty();
        }
        return Optional.ofNullable(r);
    }

    /** Stops listening and ends every connection gracefully (publishers get their status); idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
            pending.clear();
            pending.offer(CLOSED);
        }
    }

    /**
     * A publisher's request, waiting for a decision.
     */
    public static final class Request {
        private final RtmpConnection conn;
        private final PublishRequest request;
        private final String app;
        private final String stream;
        private final String query;
        private final PacketQueue queue;
        private final AtomicBoolean decided = new AtomicBoolean();

        private Request(RtmpConnection conn, PublishRequest request, String app, String stream, String query,
                        PacketQueue queue) {
            this.conn = conn;
            this.request = request;
            this.app = app;
            this.stream = stream;
            this.query = query;
            this.queue = queue;
        }

        /**
         * The application asked for.
         *
         * @return e.g. {@code live}
         */
        public String app() {
            return app;
        }

        /**
         * The stream name, without its query string.
         *
         * @return e.g. {@code cam} for {@code cam?key=k}
         */
        public String stream() {
            return stream;
        }

        /**
         * The query string of the stream name, without the {@code ?}.
         *
         * @return e.g. {@code key=k}, empty if none
         */
        public String query() {
            return query;
        }

        /**
         * The query string's parameters, percent-decoded, in order (the first of a repeated name).
         *
         * @return name to value
         */
        public Map<String, String> params() {
            return new StreamName(stream, query).params();
        }

        /**
         * The publisher's address.
         *
         * @return "ip:port"
         */
        public String peer() {
            return conn.peer();
        }

        /**
         * Allows it: the publisher gets {@code NetStream.Publish.Start}, then its media flows to the stream.
         *
         * @return the stream to read; it ends at once if the publisher left meanwhile
         * @throws IllegalStateException if already decided
         */
        public Stream allow() {
            decide();
            if (!request.accept()) {
                queue.end("the publisher left before the decision");
            }
            LOG.info("publish {}/{} by {} allowed", app, stream, conn.peer());
            return new Stream(this);
        }

        /**
         * Denies it with {@code NetStream.Publish.Unauthorized}.
         *
         * @param reason the description the publisher gets (ffmpeg prints it)
         * @throws IllegalStateException if already decided
         */
        public void deny(String reason) {
            deny(StatusCode.PUBLISH_UNAUTHORIZED, reason);
        }

        /**
         * Denies it with {@code status}.
         *
         * @param status an error-level publish status (e.g. {@link StatusCode#PUBLISH_BAD_NAME})
         * @param reason the description the publisher gets
         * @throws IllegalStateException if already decided
         */
        public void deny(StatusCode status, String reason) {
            decide();
            queue.end("denied: " + reason);
            request.reject(status, reason);
            LOG.info("publish {}/{} by {} denied: {}", app, stream, conn.peer(), reason);
        }

        private void decide() {
            if (!decided.compareAndSet(false, true)) {
                throw new IllegalStateException("already decided");
            }
        }

        /** Denies a request no one decided in time (the server's event loop). */
        private void expire(Duration timeout) {
            if (decided.compareAndSet(false, true)) {
                queue.end("no decision within " + timeout.toMillis() + " ms");
                request.reject(StatusCode.PUBLISH_UNAUTHORIZED, "no decision within " + timeout.toMillis() + " ms");
            }
        }
    }

    /**
     * An allowed publication: its media until the publisher ends. Read it from one thread.
     */
    public static final class Stream implements AutoCloseable {
        private final Request request;

        private Stream(Request request) {
            this.request = request;
        }

        /**
         * The application.
         *
         * @return e.g. {@code live}
         */
        public String app() {
            return request.app;
        }

        /**
         * The stream name, without its query string.
         *
         * @return e.g. {@code cam}
         */
        public String stream() {
            return request.stream;
        }

        /**
         * The next packet, waiting for it; null once the publisher has gone and every packet was taken.
         *
         * @return the next packet, or null at the end
         * @throws InterruptedException if the waiting thread is interrupted
         */
        public MediaPacket take() throws InterruptedException {
            return request.queue.take();
        }

        /**
         * As {@link #take()}, waiting at most {@code timeout}.
         *
         * @param timeout how long to wait at most
         * @return the next packet; empty on timeout or at the end
         * @throws InterruptedException if the waiting thread is interrupted
         */
        public Optional<MediaPacket> poll(Duration timeout) throws InterruptedException {
            return request.queue.poll(timeout);
        }

        /**
         * The publisher's latest metadata ({@code onMetaData}), if it sent any.
         *
         * @return the metadata, or empty
         */
        public Optional<Metadata> metadata() {
            return request.queue.metadata();
        }

        /**
         * Why the stream ended (unpublished, disconnected, closed), once it has.
         *
         * @return the reason, or empty while it is live
         */
        public Optional<String> endReason() {
            return request.queue.endReason();
        }

        /** Disconnects the publisher gracefully; the packets already queued can still be taken. */
        @Override
        public void close() {
            request.conn.execute(() -> request.conn.close("closed by the application"));
        }
    }

    private ServerSessionListener listenerFor(RtmpConnection conn) {
        return new ServerSessionListener() {
            private final Map<Integer, PacketQueue> streams = new LinkedHashMap<>();

            @Override
            public void onPublish(PublishRequest r) {
                StreamName name = StreamName.parse(r.streamName());
                PacketQueue queue = new PacketQueue();
                queue.publisher(conn.channel());
                Request request = new Request(conn, r, conn.session().app(), name.name(), name.query(), queue);
                if (closed.get() || !pending.offer(request)) {
                    r.reject(StatusCode.PUBLISH_UNAUTHORIZED, closed.get() ? "the server is closing"
                            : "too many publishers waiting for a decision");
                    return;
                }
                streams.put(r.streamId(), queue); // before the decision: accept() delivers held media
                conn.executor().schedule(() -> request.expire(decisionTimeout), decisionTimeout.toNanos(),
                        TimeUnit.NANOSECONDS);
            }

            @Override
            public void onPlay(PlayRequest r) {
                r.rejectNotFound("this server only ingests");
            }

            @Override
            public void onMetadata(Metadata m) {
                PacketQueue queue = streams.get(m.streamId());
                if (queue != null) {
                    queue.metadata(m);
                }
            }

            @Override
            public void onMedia(MediaKind kind, int id, long timestamp, byte[] payload) {
                PacketQueue queue = streams.get(id);
                if (queue != null) {
                    queue.media(kind, timestamp, payload, conn.peer());
                }
            }

            @Override
            public void onUnpublish(int id, String name) {
                PacketQueue queue = streams.remove(id);
                if (queue != null) {
                    queue.end("unpublished");
                }
            }

            @Override
            public void onClose(String reason) {
                streams.values().forEach(queue -> queue.end(reason));
                streams.clear();
            }
        };
    }
}
