package io.rtmp4j.netty;

import io.netty.channel.Channel;
import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.media.MediaPacket;
import io.rtmp4j.media.MediaPacketAdapter;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One publisher's media as {@link MediaPacket}s for a consumer thread ({@link MediaSource},
 * {@link IngestServer.Stream}): filled on the publisher's event loop, taken by the consumer; with
 * backpressure (the publisher's connection stops being read while {@link #PAUSE_AT} packets wait, and
 * is read again once the consumer has taken them down to {@link #RESUME_AT}) and an end that every
 * later take sees.
 */
final class PacketQueue {

    private static final Logger LOG = LoggerFactory.getLogger(PacketQueue.class);

    /** Queued packets at which reading from the publisher pauses (about 10 s of 25 fps video + audio). */
    static final int PAUSE_AT = 1024;
    /** Queued packets at which reading resumes. */
    static final int RESUME_AT = 256;

    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final MediaPacketAdapter adapter = new MediaPacketAdapter();
    private final AtomicReference<Metadata> metadata = new AtomicReference<>();
    private final AtomicReference<String> endReason = new AtomicReference<>();
    private volatile Channel publisher;
    private volatile boolean paused;
    private boolean ended;

    /** The publisher's connection, whose reading pauses while the queue is full. */
    void publisher(Channel channel) {
        publisher = channel;
    }

    /** Metadata from the publisher (its event loop). */
    void metadata(Metadata m) {
        metadata.set(m);
    }

    /** A media message from the publisher (its event loop); data messages are not media here. */
    void media(MediaKind kind, long timestamp, byte[] payload, String peer) {
        if (kind == MediaKind.DATA) {
            return;
        }
        try {
            for (MediaPacket p : adapter.adapt(kind.messageType().id(), timestamp, payload)) {
                queue.offer(p);
            }
        } catch (RtmpProtocolException e) {
            LOG.debug("unreadable {} tag from {} skipped: {}", kind, peer, e.getMessage());
        }
        Channel ch = publisher;
        if (!paused && ch != null && queue.size() >= PAUSE_AT) {
            paused = true;
            ch.config().setAutoRead(false);
            if (queue.size() <= RESUME_AT) { // the consumer drained it meanwhile
                paused = false;
                ch.config().setAutoRead(true);
            }
        }
    }

    /** The end (unpublish, disconnect, close); idempotent, the first reason stays. */
    void end(String reason) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        endReason.compareAndSet(null, reason);
        queue.offer(END);
    }

    Optional<Metadata> metadata() {
        return Optional.ofNullable(metadata.get());
    }

    Optional<String> endReason() {
        return Optional.ofNullable(endReason.get());
    }

    MediaPacket take() throws InterruptedException {
        return unwrap(queue.take());
    }

    Optional<MediaPacket> poll(Duration timeout) throws InterruptedException {
        Object o = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return o == null ? Optional.empty() : Optional.ofNullable(unwrap(o));
    }

    private MediaPacket unwrap(Object o) {
        if (o == END) {
            queue.offer(END); // every later take sees the end too
            return null;
        }
        Channel ch = publisher;
        if (paused && queue.size() <= RESUME_AT && ch != null) {
            paused = false;
            ch.eventLoop().execute(() -> ch.config().setAutoRead(true));
        }
        return (MediaPacket) o;
    }
}
