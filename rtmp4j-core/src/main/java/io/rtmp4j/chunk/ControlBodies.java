package io.rtmp4j.chunk;

import io.rtmp4j.RtmpProtocolException;

/**
 * The few protocol control message bodies the chunk layer itself must act on (rtmp-1.0.txt §5.4):
 * Set Chunk Size (1), Abort Message (2) and Window Acknowledgement Size (5). Typed message values
 * live in {@code io.rtmp4j.message}; these are only the byte-level readers the decoder needs.
 */
final class ControlBodies {

    static final int SET_CHUNK_SIZE = 1;
    static final int ABORT = 2;
    static final int WINDOW_ACK_SIZE = 5;

    private ControlBodies() {
    }

    /** Big-endian unsigned 32-bit value at {@code off}. The caller checked the length. */
    static long u32(byte[] b, int off) {
        return ((b[off] & 0xFFL) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    private static void requireLength(byte[] body, int min, String what) {
        if (body.length < min) {
            throw new RtmpProtocolException(what + " body is " + body.length + " bytes, needs " + min);
        }
    }

    /**
     * The new chunk size of a Set Chunk Size body (§5.4.1): 31 bits, the top bit MUST be zero, valid
     * sizes 1..0x7FFFFFFF; also at most {@code max}.
     */
    static int setChunkSize(byte[] body, int max) {
        requireLength(body, 4, "Set Chunk Size (type 1, rtmp-1.0.txt §5.4.1)");
        long v = u32(body, 0);
        if (v == 0 || v > 0x7FFF_FFFFL) {
            throw new RtmpProtocolException("Set Chunk Size " + v + " (0x" + Long.toHexString(v)
                    + ") is invalid: must be 1..0x7FFFFFFF with the top bit zero (rtmp-1.0.txt §5.4.1)");
        }
        if (v > max) {
            throw new RtmpProtocolException("Set Chunk Size " + v + " exceeds the configured maximum chunk size " + max);
        }
        return (int) v;
    }

    /** The chunk stream id of an Abort Message body (§5.4.2), as an unsigned 32-bit value. */
    static long abortChunkStreamId(byte[] body) {
        requireLength(body, 4, "Abort Message (type 2, rtmp-1.0.txt §5.4.2)");
        return u32(body, 0);
    }

    /** The window size of a Window Acknowledgement Size body (§5.4.4), unsigned 32-bit. */
    static long windowAckSize(byte[] body) {
        requireLength(body, 4, "Window Acknowledgement Size (type 5, rtmp-1.0.txt §5.4.4)");
        return u32(body, 0);
    }
}
