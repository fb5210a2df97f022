package io.rtmp4j.server;

import java.nio.file.Path;
import java.time.Duration;

/** A publisher's connection as the {@link StreamHub} sees it: what it needs to drop a silent one. */
public interface PublisherSink {

    /**
     * Disconnects the publisher (from any thread); {@code reason} goes to the log.
     *
     * @param reason why, for the log
     */
    void close(String reason);

    /**
     * The peer address, for logs.
     *
     * @return the peer as "ip:port"
     */
    String peer();

    /**
     * The recording of one of this publisher's publications was closed (on the thread that ended it).
     *
     * @param publication the publication recorded
     * @param file        the FLV file
     * @param duration    from its first to its last media timestamp
     */
    default void recordDone(Publication publication, Path file, Duration duration) {
    }
}
