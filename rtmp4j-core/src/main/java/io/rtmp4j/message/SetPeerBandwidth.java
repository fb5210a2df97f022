package io.rtmp4j.message;

import java.util.Optional;

/**
 * Set Peer Bandwidth (type 6, rtmp-1.0.txt §5.4.5): limit the peer's output to a window of
 * unacknowledged bytes. Body: 32-bit window size, then one limit-type byte.
 *
 * <p>Example: {@code new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.DYNAMIC)}.
 *
 * @param windowSize      acknowledgement window in bytes, unsigned 32-bit
 * @param limitType       hard, soft or dynamic
 * @param timestamp       header timestamp (ignored, §5.4)
 * @param messageStreamId message stream id (MUST be 0, §5.4)
 * @param chunkStreamId   chunk stream id (2 by default)
 */
public record SetPeerBandwidth(long windowSize, LimitType limitType, long timestamp, int messageStreamId,
                               int chunkStreamId) implements RtmpMessage {

    /** The limit type byte of rtmp-1.0.txt §5.4.5. */
    public enum LimitType {
        /** 0: limit output to the window. */
        HARD(0),
        /** 1: limit output to the smaller of this window and the limit in effect. */
        SOFT(1),
        /** 2: treat as hard if the previous limit was hard, else ignore. */
        DYNAMIC(2);

        private final int id;

        LimitType(int id) {
            this.id = id;
        }

        /**
         * The byte written on the wire.
         *
         * @return the byte value, 0..2
         */
        public int id() {
            return id;
        }

        /**
         * The limit type with this byte value, or empty.
         *
         * @param id the byte value
         * @return the limit type, or empty
         */
        public static Optional<LimitType> byId(int id) {
            return id >= 0 && id < values().length ? Optional.of(values()[id]) : Optional.empty();
        }
    }

    /**
     * Checks the values: the window size must fit in 32 unsigned bits and the limit type is required
     * (rtmp-1.0.txt §5.4.5), and the timestamp must fit in 32 unsigned bits and the chunk stream id be
     * 2..65599 (rtmp-1.0.txt §5.3.1.1).
     *
     * @param windowSize acknowledgement window in bytes, unsigned 32-bit
     * @param limitType hard, soft or dynamic
     * @param timestamp header timestamp (ignored, §5.4)
     * @param messageStreamId message stream id (MUST be 0, §5.4)
     * @param chunkStreamId chunk stream id (2 by default)
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public SetPeerBandwidth {
        Checks.u32("window size", windowSize);
        java.util.Objects.requireNonNull(limitType, "limitType");
        Checks.header(timestamp, chunkStreamId);
    }

    /**
     * On the control stream, chunk stream 2, timestamp 0.
     *
     * @param windowSize the window in bytes
     * @param limitType hard, soft or dynamic
     */
    public SetPeerBandwidth(long windowSize, LimitType limitType) {
        this(windowSize, limitType, 0, 0, MessageCodec.CSID_PROTOCOL);
    }

    @Override
    public int typeId() {
        return MessageType.SET_PEER_BANDWIDTH.id();
    }

    @Override
    public SetPeerBandwidth withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
        return new SetPeerBandwidth(windowSize, limitType, timestamp, messageStreamId, chunkStreamId);
    }
}
