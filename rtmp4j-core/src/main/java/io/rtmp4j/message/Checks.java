package io.rtmp4j.message;

import java.util.Arrays;
import java.util.Objects;

/** Argument checks shared by the message records (programming errors, not protocol errors). */
final class Checks {

    /** Lowest chunk stream id a message can use (0 and 1 select 2- and 3-byte basic headers), §5.3.1.1. */
    static final int MIN_CSID = 2;
    /** Highest chunk stream id: 65599 = 64 + 65535, rtmp-1.0.txt §5.3.1.1. */
    static final int MAX_CSID = 65599;
    static final long MAX_U32 = 0xFFFF_FFFFL;

    private Checks() {
    }

    static void header(long timestamp, int chunkStreamId) {
        if (timestamp < 0 || timestamp > MAX_U32) {
            throw new IllegalArgumentException("timestamp out of unsigned 32-bit range: " + timestamp);
        }
        if (chunkStreamId < MIN_CSID || chunkStreamId > MAX_CSID) {
            throw new IllegalArgumentException("chunk stream id out of range 2..65599: " + chunkStreamId);
        }
    }

    static long u32(String what, long value) {
        if (value < 0 || value > MAX_U32) {
            throw new IllegalArgumentException(what + " out of unsigned 32-bit range: " + value);
        }
        return value;
    }

    static String hex(byte[] bytes, int max) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(bytes.length, max);
        for (int i = 0; i < n; i++) {
            sb.append(String.format("%02x", bytes[i] & 0xFF));
        }
        if (bytes.length > max) {
            sb.append("...");
        }
        return sb.toString();
    }

    static int hash(byte[] b) {
        return Arrays.hashCode(b);
    }

    /** Whether two messages have the same timestamp, message stream id and chunk stream id. */
    static boolean sameHeader(RtmpMessage a, RtmpMessage b) {
        return a.timestamp() == b.timestamp() && a.messageStreamId() == b.messageStreamId()
                && a.chunkStreamId() == b.chunkStreamId();
    }

    /** The hash of a message that is an opaque body plus the three header fields (body by content). */
    static int hash(byte[] body, RtmpMessage m) {
        return Objects.hash(hash(body), m.timestamp(), m.messageStreamId(), m.chunkStreamId());
    }

    /** {@code Name[length=.., ts=.., msid=.., csid=.., payload=<first 16 bytes in hex>]}, for the media messages. */
    static String describe(String name, byte[] payload, RtmpMessage m) {
        return name + "[length=" + payload.length + ", ts=" + m.timestamp() + ", msid=" + m.messageStreamId()
                + ", csid=" + m.chunkStreamId() + ", payload=" + hex(payload, 16) + "]";
    }
}
