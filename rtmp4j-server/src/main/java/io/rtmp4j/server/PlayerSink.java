package io.rtmp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;

/**
 * A player's connection as the {@link StreamHub} sees it. The transport implements it; the hub calls
 * every method on {@link #executor()} only, so an implementation needs no locking.
 */
public interface PlayerSink {

    /** The thread (a Netty event loop) that owns the connection. */
    EventExecutor executor();

    /** How this connection frames media (fixed once play was accepted). */
    ChunkLayout layout();

    /** Whether the connection's outbound queue is below its high-water mark. */
    boolean writable();

    /**
     * Whether the player wants messages of this type now (receiveAudio / receiveVideo / pause,
     * rtmp-1.0.txt §7.2.2.2, §7.2.2.3, §7.2.2.8).
     */
    default boolean accepts(int typeId) {
        return true;
    }

    /**
     * Queues pre-encoded media chunks, after anything the session has queued before. Takes ownership
     * of {@code chunks}. Not flushed until {@link #flush()}.
     */
    void write(ByteBuf chunks);

    /** Writes out what was queued. */
    void flush();

    /** The stream was (re)published: tell the player (NetStream.Play.PublishNotify, StreamBegin). */
    void publishStarted();

    /** The publisher left: tell the player (StreamEOF, NetStream.Play.UnpublishNotify). */
    void publishEnded();

    /** Disconnects the player; {@code reason} goes to the log. */
    void close(String reason);

    /** The peer address, for logs. */
    String peer();
}
