package io.rtmp4j.session;

import io.rtmp4j.RtmpProtocolException;
import java.nio.ByteBuffer;

/**
 * What a transport sees of one RTMP connection's session, server or client: bytes in, bytes out, the
 * few facts its timers need, and closing. {@link ServerSession} and {@link ClientSession} implement it, and
 * one transport drives both through it (rtmp4j-netty's {@code SessionDriver}, docs/ARCHITECTURE.md
 * "Threading"). Everything else (requests and decisions, publish and play, media) is on the session
 * classes and their listeners.
 *
 * <p>A session is sans-IO: it opens no socket, starts no thread and reads no clock; the transport
 * passes in the time where one is needed ({@link #sendPingRequest}). It is not thread-safe: drive it from
 * one thread.
 *
 * <pre>{@code
 * RtmpSession s = ...;                       // a ServerSession or a ClientSession
 * write(s.pollOutbound());                   // a client's C0+C1 are ready at once
 * // on every read:
 * s.receive(buf);                            // may throw RtmpProtocolException: close this connection
 * if (s.hasOutbound()) write(s.pollOutbound());
 * if (s.isCloseRequested()) { flush(); shutdownOutput(); }  // then read until the peer closes
 * // when the socket is gone:
 * s.transportClosed("closed by the peer");
 * }</pre>
 *
 * <p>The spec sections behind this surface:
 * <ul>
 *   <li>{@link #receive} and {@link #pollOutbound}: the handshake (rtmp-1.0.txt §5.2), then the chunk
 *       stream (§5.3) carrying messages (§5.4, §6, §7). Protocol control replies (Window Acknowledgement
 *       Size §5.4.4, Acknowledgement §5.4.3 per the peer's window, PingResponse §7.1.7) are queued by the
 *       session itself, from byte counts, not from time.</li>
 *   <li>{@link #phase()}: the handshake (§5.2) and the {@code connect} exchange (§7.2.1.1), which a
 *       transport bounds with its handshake timeout ({@link #isAwaitingConnect()}).</li>
 *   <li>{@link #sendPingRequest}: User Control PingRequest (§7.1.7), the transport's liveness probe on an
 *       idle connection; the time is the caller's.</li>
 *   <li>{@link #close} and {@link #isCloseRequested()}: the graceful end of docs/INTEROP.md "Closing"
 *       (the session queues its ending messages; the transport flushes, half-closes and reads until the
 *       peer closes).</li>
 * </ul>
 */
public interface RtmpSession {

    /**
     * Consumes every byte of {@code in}; listener events fire from inside this call.
     *
     * @param in the bytes received; consumed entirely
     * @throws RtmpProtocolException on a protocol violation: the transport closes this connection
     */
    void receive(ByteBuffer in);

    /**
     * Whether {@link #pollOutbound()} has bytes.
     *
     * @return true while bytes wait
     */
    boolean hasOutbound();

    /**
     * How many bytes {@link #pollOutbound()} would return now: the session never drops or blocks, so a
     * transport that cannot write (a slow peer) watches this to apply its own limit.
     *
     * @return the number of bytes queued
     */
    int pendingOutboundBytes();

    /**
     * Every byte queued since the last call, coalesced into one buffer the caller owns; empty when none.
     *
     * @return the bytes to send, possibly empty
     */
    ByteBuffer pollOutbound();

    /**
     * True once the session wants the connection closed (after {@link #close}, or when the session ended
     * it itself, e.g. on a refused connect): the transport writes {@link #pollOutbound()}, flushes,
     * half-closes its write side and keeps reading until the peer closes.
     *
     * @return true once a close is due
     */
    boolean isCloseRequested();

    /**
     * Where a connection is, in the terms both sides share (each session's own {@code State} says more).
     */
    enum Phase {
        /** The handshake (rtmp-1.0.txt §5.2) is in progress. */
        HANDSHAKE,
        /**
         * The {@code connect} exchange (rtmp-1.0.txt §7.2.1.1) waits on the peer: a server for the peer's
         * {@code connect} command, a client for the server's answer to its own.
         */
        AWAITING_CONNECT,
        /** A server's application has not decided the peer's {@code connect} yet (it may do so later). */
        DECIDING_CONNECT,
        /** {@code connect} was accepted. */
        CONNECTED,
        /** The session has ended ({@link #close}, a refused connect, or {@link #transportClosed}). */
        CLOSED
    }

    /**
     * Where the connection is.
     *
     * @return the phase
     */
    Phase phase();

    /**
     * Whether the session still waits on the peer to finish the handshake or the {@code connect} exchange
     * ({@link Phase#HANDSHAKE} or {@link Phase#AWAITING_CONNECT}; not while the application decides). A
     * transport's handshake timeout acts only while this is true.
     *
     * @return true while the handshake or connect is the peer's to finish
     */
    default boolean isAwaitingConnect() {
        Phase p = phase();
        return p == Phase.HANDSHAKE || p == Phase.AWAITING_CONNECT;
    }

    /**
     * Whether {@code connect} has been accepted and the session is not closed ({@link Phase#CONNECTED}).
     *
     * @return true while connected
     */
    default boolean isConnected() {
        return phase() == Phase.CONNECTED;
    }

    /**
     * Whether the session has ended ({@link Phase#CLOSED}).
     *
     * @return true once closed
     */
    default boolean isClosed() {
        return phase() == Phase.CLOSED;
    }

    /**
     * Queues a User Control PingRequest (rtmp-1.0.txt §7.1.7) carrying the caller's time (milliseconds,
     * kept as unsigned 32 bits; time is passed in). Call it only while {@link #isConnected()}.
     *
     * @param pingTime the caller's time in ms
     * @return true if queued, false if the session sends nothing more
     * @throws IllegalStateException where a session refuses to send once closed ({@link ClientSession})
     */
    boolean sendPingRequest(long pingTime);

    /**
     * The chunk size this session writes with (rtmp-1.0.txt §5.4.1: 128 until it announces another).
     *
     * @return the outbound chunk size in bytes
     */
    int outboundChunkSize();

    /**
     * Graceful close (docs/INTEROP.md "Closing"): queues the session's ending messages, reports the end to
     * the listener and sets {@link #isCloseRequested()}. Idempotent.
     *
     * @param reason why, for the logs and the listener's {@code onClose}
     */
    void close(String reason);

    /**
     * The connection is gone (the peer closed, an I/O error, or the transport closed it after an
     * {@link RtmpProtocolException}): reports the end to the listener. Idempotent; nothing is sent.
     *
     * @param reason why the connection ended
     */
    void transportClosed(String reason);
}
