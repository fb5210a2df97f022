package io.rtmp4j.server;

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
}
