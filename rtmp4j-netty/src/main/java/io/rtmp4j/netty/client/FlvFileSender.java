package io.rtmp4j.netty.client;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.flv.FlvFormatException;
import io.rtmp4j.flv.FlvReader;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.ScriptTag;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes an FLV file (flv-10.1.txt Annex E) through an {@link RtmpPublisher}, tag by tag, paced in real
 * time by the tags' timestamps: a tag at {@code t} ms goes out {@code t} ms after the first one (the clock
 * is read here, in the transport layer, never in core). {@code onMetaData} is sent once, as
 * {@code @setDataFrame}; other script tags as data messages; audio and video as they are.
 *
 * <p>With {@code loop}, the file starts over when it ends, its timestamps shifted so that they keep
 * increasing: each pass starts one frame interval (the last gap between two video tags, else between two
 * tags, at least 1 ms) after the last tag of the previous pass. The file's sequence headers are sent again
 * at the start of every pass.
 *
 * <p>Backpressure: before each tag the sender waits until everything sent before has reached the
 * connection's outbound buffer and that buffer is writable ({@link RtmpPublisher#whenWritable()}, bounded
 * by {@code stallTimeout}), so a slow network delays the stream instead of filling memory.
 *
 * <p>Blocking; runs on the caller's thread. Not reusable.
 */
public final class FlvFileSender {

    private static final Logger LOG = LoggerFactory.getLogger(FlvFileSender.class);

    /**
     * What was sent.
     *
     * @param tags          tags sent (all passes)
     * @param passes        passes over the file started
     * @param lastTimestamp timestamp of the last tag sent, in ms on the published timeline (before the
     *                      32-bit wrap RTMP applies)
     */
    public record Result(long tags, long passes, long lastTimestamp) {
    }

    private final Path file;
    private final RtmpPublisher publisher;
    private final boolean loop;
    private final boolean realTime;
    private final long stallTimeoutMs;
    private final LongSupplier nanoTime;
    private volatile boolean stopped;

    /**
     * @param file         the FLV file
     * @param publisher    where to send it
     * @param loop         start over at the end, forever (until {@link #stop()} or the connection closes)
     * @param realTime     pace by timestamps (false: as fast as the connection takes it)
     * @param stallTimeoutMs how long the connection may stay unwritable before the sender gives up
     */
    public FlvFileSender(Path file, RtmpPublisher publisher, boolean loop, boolean realTime, long stallTimeoutMs) {
        this(file, publisher, loop, realTime, stallTimeoutMs, System::nanoTime);
    }

    FlvFileSender(Path file, RtmpPublisher publisher, boolean loop, boolean realTime, long stallTimeoutMs,
                  LongSupplier nanoTime) {
        this.file = Objects.requireNonNull(file, "file");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.loop = loop;
        this.realTime = realTime;
        this.stallTimeoutMs = stallTimeoutMs;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * A builder: {@code FlvFileSender.of(file, publisher).loop(true).build().run()}; by default one pass,
     * paced in real time, giving up after 10 s of an unwritable connection.
     *
     * @param file      the FLV file
     * @param publisher where to send it
     * @return the builder
     */
    public static Builder of(Path file, RtmpPublisher publisher) {
        return new Builder(file, publisher);
    }

    /** Builds an {@link FlvFileSender} ({@link FlvFileSender#of}). */
    public static final class Builder {
        private final Path file;
        private final RtmpPublisher publisher;
        private boolean loop;
        private boolean realTime = true;
        private Duration stallTimeout = Duration.ofSeconds(10);

        private Builder(Path file, RtmpPublisher publisher) {
            this.file = Objects.requireNonNull(file, "file");
            this.publisher = Objects.requireNonNull(publisher, "publisher");
        }

        /**
         * Starts over at the end of the file, forever (default: one pass).
         *
         * @param loop whether to loop
         * @return this builder
         */
        public Builder loop(boolean loop) {
            this.loop = loop;
            return this;
        }

        /**
         * Paces the tags by their timestamps, as an encoder sends (default), or sends as fast as the
         * connection takes them.
         *
         * @param realTime whether to pace in real time
         * @return this builder
         */
        public Builder realTime(boolean realTime) {
            this.realTime = realTime;
            return this;
        }

        /**
         * How long the connection may stay unwritable before the sender gives up (default 10 s).
         *
         * @param timeout the stall timeout
         * @return this builder
         */
        public Builder stallTimeout(Duration timeout) {
            this.stallTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The sender.
         *
         * @return a new sender (not started: call {@link FlvFileSender#run()})
         */
        public FlvFileSender build() {
            return new FlvFileSender(file, publisher, loop, realTime, stallTimeout.toMillis());
        }
    }

    /** Makes {@link #run()} return after the tag it is sending (any thread). */
    public void stop() {
        stopped = true;
    }

    /**
     * Sends the file (every pass, with {@code loop}); returns when it is done, {@link #stop()} was called
     * or the connection closed. Does not close the publisher.
     *
     * @return what was sent and why it stopped
     * @throws IOException           if the file cannot be read
     * @throws FlvFormatException    if the file is not a readable FLV (a resumable bad tag is skipped and logged)
     * @throws RtmpClientException   if the connection closed or stayed unwritable
     * @throws InterruptedException  if the thread was interrupted
     */
    public Result run() throws IOException, InterruptedException {
        long start = -1;
        long offset = 0;
        long sent = 0;
        long passes = 0;
        long lastOut = 0;
        boolean metadataSent = false;
        while (!stopped) {
            passes++;
            long first = -1;
            long lastTs = -1;
            long prevVideo = -1;
            long videoGap = -1;
            long anyGap = -1;
            long tagsThisPass = 0;
            try (FlvReader reader = FlvReader.open(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                while (!stopped) {
                    FlvTag tag;
                    try {
                        tag = reader.next();
                    } catch (FlvFormatException e) {
                        if (!e.resumable()) {
                            throw e;
                        }
                        LOG.warn("{}: skipping a bad tag: {}", file, e.getMessage());
                        continue;
                    }
                    if (tag == null) {
                        break;
                    }
                    if (first < 0 && !tag.isScript()) {
                        // the timeline starts at the first audio / video tag: onMetaData is at 0 in every file
                        first = tag.timestamp();
                    }
                    long rel = first < 0 ? 0 : Math.max(0, tag.timestamp() - first);
                    if (lastTs >= 0 && rel > lastTs) {
                        anyGap = rel - lastTs;
                    }
                    if (tag.isVideo()) {
                        if (prevVideo >= 0 && rel > prevVideo) {
                            videoGap = rel - prevVideo;
                        }
                        prevVideo = rel;
                    }
                    lastTs = Math.max(lastTs, rel);
                    long out = offset + rel;
                    if (tag.isScript() && isMetadata(tag)) {
                        if (metadataSent) {
                            continue; // once per publication
                        }
                        metadataSent = true;
                    }
                    if (start < 0) {
                        start = nanoTime.getAsLong();
                    }
                    if (realTime) {
                        waitUntil(start + TimeUnit.MILLISECONDS.toNanos(out));
                    }
                    awaitWritable();
                    try {
                        publisher.send(tag.withTimestamp(out & 0xFFFF_FFFFL));
                    } catch (RtmpProtocolException | IllegalArgumentException e) {
                        LOG.warn("{}: skipping tag {} ({}): {}", file, reader.tagCount() - 1, tag, e.getMessage());
                        continue;
                    }
                    sent++;
                    tagsThisPass++;
                    lastOut = out;
                }
            }
            if (!loop || tagsThisPass == 0) {
                break;
            }
            long gap = videoGap > 0 ? videoGap : anyGap > 0 ? anyGap : 1;
            offset += lastTs + gap;
        }
        return new Result(sent, passes, lastOut);
    }

    private static boolean isMetadata(FlvTag tag) {
        try {
            return ScriptTag.decode(tag.body()).isOnMetaData();
        } catch (RtmpProtocolException e) {
            return false;
        }
    }

    private void waitUntil(long deadline) throws InterruptedException {
        for (long now = nanoTime.getAsLong(); now < deadline && !stopped; now = nanoTime.getAsLong()) {
            if (!publisher.isOpen()) {
                return;
            }
            // pacing, not synchronization: at most 50 ms at a time so that stop() is seen promptly
            LockSupport.parkNanos(Math.min(deadline - now, TimeUnit.MILLISECONDS.toNanos(50)));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    private void awaitWritable() throws InterruptedException, RtmpClientException {
        if (!publisher.isOpen()) {
            String why = publisher.closeFuture().getNow("the connection closed");
            throw new RtmpClientException(RtmpClientException.Kind.CLOSED, "connection closed while publishing: "
                    + why);
        }
        try {
            publisher.whenWritable().get(stallTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw RtmpClientException.unwrap(e);
        } catch (TimeoutException e) {
            throw new RtmpClientException(RtmpClientException.Kind.TIMEOUT, "the server took nothing for "
                    + stallTimeoutMs + " ms");
        }
    }
}
