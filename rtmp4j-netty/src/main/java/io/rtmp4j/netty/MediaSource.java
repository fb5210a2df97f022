package io.rtmp4j.netty;

import io.netty.channel.Channel;
import io.rtmp4j.media.MediaPacket;
import io.rtmp4j.media.MediaPacketAdapter;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import io.rtmp4j.session.PlayRequest;
import io.rtmp4j.session.PublishRequest;
import io.rtmp4j.session.RtmpUrl;
import io.rtmp4j.session.ServerSessionListener;
import io.rtmp4j.session.StreamName;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-shot RTMP ingest: listens on {@code rtmp://host:port/app/stream}, accepts exactly one
 * publisher whose app and stream name match (any other publish is refused with
 * NetStream.Publish.BadName, any play with NetStream.Play.StreamNotFound), and yields its audio and
 * video as {@link MediaPacket}s on the nanosecond timeline ({@link MediaPacketAdapter}), in arrival
 * order, until that publisher unpublishes or disconnects.
 *
 * <pre>{@code
 * try (MediaSource source = MediaSource.listen("rtmp://127.0.0.1:1935/live/cam")) {
 *     for (MediaPacket p; (p = source.take()) != null; ) {
 *         decoder.feed(p);                        // e.g. ffmpeg -f flv rtmp://127.0.0.1/live/cam
 *     }
 * }
 * }</pre>
 *
 * <p>Backpressure: when more than {@value #PAUSE_AT} packets wait unread, the publisher's connection
 * stops being read (TCP slows the encoder) until the consumer has taken them down to
 * {@value #RESUME_AT}. Thread-safe: {@link #take()} from any one thread.
 */
public final class MediaSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaSource.class);

    /** Queued packets at which reading from the publisher pauses (about 10 s of 25 fps video + audio). */
    public static final int PAUSE_AT = PacketQueue.PAUSE_AT;
    /** Queued packets at which reading resumes. */
    public static final int RESUME_AT = PacketQueue.RESUME_AT;

    private final RtmpUrl url;
    private final RtmpServer server;
    private final PacketQueue queue = new PacketQueue();
    private final AtomicBoolean claimed = new AtomicBoolean();
    private volatile Channel publisher;

    private MediaSource(RtmpUrl url, RtmpServer.Settings settings) {
        this.url = url;
        this.server = RtmpServer.builder().settings(settings).listener(this::listenerFor).build();
    }

    /**
     * Starts listening on the URL's host and port (1935 if absent; 0 picks a free port, see
     * {@link #port()}).
     *
     * @param url {@code rtmp://host[:port]/app/stream}: where to listen and which publish to accept
     * @return the source, listening
     * @throws IllegalArgumentException if the URL is not {@code rtmp://host[:port]/app/stream}
     * @throws java.io.UncheckedIOException if the port cannot be bound (see {@link RtmpServer#start()})
     */
    public static MediaSource listen(String url) {
        RtmpUrl u = RtmpUrl.parseListening(url);
        RtmpServer.Settings d = RtmpServer.Settings.defaults();
        return listen(url, new RtmpServer.Settings(u.host(), u.port(), d.session(), d.handshakeTimeout(),
                d.idleTimeout(), d.closeTimeout(), d.writeLowWaterMark(), d.writeHighWaterMark(), 16, 1));
    }

    /**
     * As {@link #listen(String)}, with explicit transport settings (their host and port are used).
     *
     * @param url {@code rtmp://host[:port]/app/stream}: which app and stream name to accept
     * @param settings transport settings; the server listens on their host and port
     * @return the source, listening
     */
    public static MediaSource listen(String url, RtmpServer.Settings settings) {
        RtmpUrl u = RtmpUrl.parseListening(url);
        if (u.streamName() == null || u.streamName().isEmpty()) {
            throw new IllegalArgumentException("the URL names no stream: " + url);
        }
        MediaSource s = new MediaSource(u, Objects.requireNonNull(settings, "settings"));
        s.server.start();
        return s;
    }

    /**
     * The port listened on (the one bound when the URL asked for port 0).
     *
     * @return the TCP port
     */
    public int port() {
        return server.port();
    }

    /**
     * The publisher's latest metadata ({@code onMetaData}), if it sent any.
     *
     * @return the metadata, or empty
     */
    public Optional<Metadata> metadata() {
        return queue.metadata();
    }

    /**
     * Why the source ended (publisher unpublished, disconnected, protocol error), once it has.
     *
     * @return the reason, or empty while the source is live
     */
    public Optional<String> endReason() {
        return queue.endReason();
    }

    /**
     * The next packet, waiting for it; null once the publisher has gone and every packet was taken.
     *
     * @return the next packet, or null at the end
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public MediaPacket take() throws InterruptedException {
        return queue.take();
    }

    /**
     * As {@link #take()}, waiting at most {@code timeout}; empty on timeout.
     *
     * @param timeout how long to wait at most
     * @return the next packet; empty on timeout or at the end
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public Optional<MediaPacket> poll(Duration timeout) throws InterruptedException {
        return queue.poll(timeout);
    }

    /** Stops listening and disconnects the publisher. */
    @Override
    public void close() {
        server.close();
        end("source closed");
    }

    private void end(String reason) {
        queue.end(reason);
    }

    private ServerSessionListener listenerFor(RtmpConnection conn) {
        return new ServerSessionListener() {
            private int streamId = -1;

            @Override
            public void onPublish(PublishRequest r) {
                String name = r.streamName();
                String bare = StreamName.parse(name).name();
                if (!conn.session().app().equals(url.app()) || !bare.equals(url.streamName())) {
                    LOG.info("publish {}/{} by {} refused: this source takes only {}/{}", conn.session().app(),
                            name, conn.peer(), url.app(), url.streamName());
                    r.rejectBadName("only " + url.app() + "/" + url.streamName() + " is accepted here");
                } else if (!claimed.compareAndSet(false, true)) {
                    r.rejectBadName("this source has already had its publisher");
                } else {
                    streamId = r.streamId();
                    publisher = conn.channel();
                    queue.publisher(conn.channel());
                    r.accept();
                    LOG.info("publish {}/{} by {}", url.app(), bare, conn.peer());
                }
            }

            @Override
            public void onPlay(PlayRequest r) {
                r.rejectNotFound("this server only ingests");
            }

            @Override
            public void onMetadata(Metadata m) {
                if (m.streamId() == streamId) {
                    queue.metadata(m);
                }
            }

            @Override
            public void onMedia(MediaKind kind, int id, long timestamp, byte[] payload) {
                if (id == streamId) {
                    queue.media(kind, timestamp, payload, conn.peer());
                }
            }

            @Override
            public void onUnpublish(int id, String name) {
                if (id == streamId) {
                    end("unpublished");
                }
            }

            @Override
            public void onClose(String reason) {
                if (conn.channel() == publisher) {
                    end(reason);
                }
            }
        };
    }
}
