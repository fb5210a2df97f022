package io.rtmp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import io.rtmp4j.session.ChunkLayout;

/**
 * A player's connection as the {@link StreamHub} sees it. The transport implements it; the hub calls
 * every method on {@link #executor()} only, so an implementation needs no locking.
 */
public interface PlayerSink {

    /**
     * The thread (a Netty event loop) that owns the connection.
     *
     * @return the connection's event loop
     */
    EventExecutor executor();

    /**
     * How this connection frames media (fixed once play was accepted).
     *
     * @return the chunk layout of this play
     */
    ChunkLayout layout();

    /**
     * Whether the connection's outbound queue is below its high-water mark.
     *
     * @return true while more may be queued without passing the high-water mark
     */
    boolean writable();

    /**
     * Whether the player wants messages of this type now (receiveAudio / receiveVideo / pause,
     * rtmp-1.0.txt §7.2.2.2, §7.2.2.3, §7.2.2.8).
     *
     * @param typeId the RTMP message type id (8 audio, 9 video, 18 data)
     * @return true to send it, false to skip it
     */
    default boolean accepts(int typeId) {
        return true;
    }

    /**
     * Queues pre-encoded media chunks, after anything the session has queued before. Takes ownership
     * of {@code chunks}. Not flushed until {@link #flush()}.
     *
     * @param chunks whole chunked messages (fmt 0 first chunks)
     */
    void write(ByteBuf chunks);

    /** Writes out what was queued. */
    void flush();

    /** The stream was (re)published: tell the player (NetStream.Play.PublishNotify, StreamBegin). */
    void publishStarted();

    /** The publisher left: tell the player (StreamEOF, NetStream.Play.UnpublishNotify). */
    void publishEnded();

    /**
     * Disconnects the player; {@code reason} goes to the log.
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
