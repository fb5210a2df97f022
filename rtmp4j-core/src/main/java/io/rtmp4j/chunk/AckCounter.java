package io.rtmp4j.chunk;

/**
 * Acknowledgement accounting for the receiving side of a connection (rtmp-1.0.txt §5.3, §5.4.3,
 * §5.4.4): counts every byte received, and tells when an Acknowledgement is owed and which sequence
 * number it carries.
 *
 * <ul>
 *   <li>The window is what the peer announced with Window Acknowledgement Size (type 5); until one
 *       is known ({@code 0}) no acknowledgement is owed.</li>
 *   <li>An acknowledgement is owed once a full window has arrived since the last acknowledgement was
 *       taken, "or from the beginning of the session if no Acknowledgement has yet been sent"
 *       (§5.4.4).</li>
 *   <li>The sequence number is the cumulative count of bytes received, carried modulo 2³² (the field
 *       is 32 bits, §5.4.3); the counter itself is 64-bit, so the window arithmetic is unaffected by
 *       the wrap.</li>
 *   <li>A window change re-bases the threshold: the next acknowledgement is owed at
 *       (bytes at the last acknowledgement + new window). If that point has already passed (the window
 *       shrank), an acknowledgement is owed at once.</li>
 *   <li>If several windows arrive before the owner asks, one acknowledgement carrying the current
 *       count is owed (it acknowledges all of them; ffmpeg and nginx-rtmp do the same).</li>
 * </ul>
 *
 * <p>A {@link ChunkDecoder} owns one: it counts every byte handed to {@code decode} and applies a
 * received Window Acknowledgement Size itself. The session polls it after each decode:
 *
 * <pre>{@code
 * decoder.decode(buffer, messages::add);
 * long seq = decoder.ackCounter().takeAck();
 * if (seq >= 0) send(new Acknowledgement(seq));
 * }</pre>
 *
 * <p>Not thread-safe, like everything sans-IO in rtmp4j.
 */
public final class AckCounter {

    private long received;
    private long lastAck;
    private long window;

    /**
     * Sets the acknowledgement window, in bytes (the unsigned 32-bit value of a Window Acknowledgement
     * Size message); {@code 0} means no acknowledgements are owed.
     *
     * @param windowSize the window in bytes, 0..0xFFFFFFFF
     * @throws IllegalArgumentException outside 0..0xFFFFFFFF
     */
    public void setWindowSize(long windowSize) {
        if (windowSize < 0 || windowSize > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("window size must be 0..0xFFFFFFFF: " + windowSize);
        }
        this.window = windowSize;
    }

    /**
     * The current window in bytes, 0 when none is set.
     *
     * @return the window in bytes, or 0
     */
    public long windowSize() {
        return window;
    }

    /**
     * Counts {@code n} more bytes received (the decoder calls this for every byte it is given; a
     * session may also count the handshake bytes here if it wants them included).
     *
     * @param n how many bytes arrived
     */
    public void onBytesReceived(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative byte count: " + n);
        }
        received += n;
    }

    /**
     * Total bytes received, as a 64-bit count.
     *
     * @return the byte count since the start
     */
    public long bytesReceived() {
        return received;
    }

    /**
     * The sequence number an Acknowledgement would carry now: bytes received modulo 2³² (§5.4.3).
     *
     * @return the byte count modulo 2³²
     */
    public long sequenceNumber() {
        return received & 0xFFFF_FFFFL;
    }

    /**
     * Whether a full window has arrived since the last acknowledgement taken.
     *
     * @return true when an acknowledgement is owed
     */
    public boolean ackDue() {
        return window > 0 && received - lastAck >= window;
    }

    /**
     * If an acknowledgement is owed, marks it as sent and returns its sequence number (0..2³²−1);
     * otherwise returns −1.
     *
     * @return the sequence number to acknowledge, or −1 when none is owed
     */
    public long takeAck() {
        if (!ackDue()) {
            return -1;
        }
        lastAck = received;
        return sequenceNumber();
    }
}
