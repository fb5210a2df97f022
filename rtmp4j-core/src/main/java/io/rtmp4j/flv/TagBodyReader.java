package io.rtmp4j.flv;

import io.rtmp4j.RtmpProtocolException;
import java.util.Arrays;

/**
 * Bounds-checked big-endian reader over one audio or video tag body (or a slice of it). Every read
 * checks the remaining length first, so malformed input ends in {@link RtmpProtocolException} and
 * never allocates more than the input holds.
 */
final class TagBodyReader {
    private final byte[] buf;
    private final String what;
    private int pos;
    private final int end;

    TagBodyReader(byte[] buf, String what) {
        this(buf, 0, buf.length, what);
    }

    TagBodyReader(byte[] buf, int from, int end, String what) {
        this.buf = buf;
        this.pos = from;
        this.end = end;
        this.what = what;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    boolean hasRemaining() {
        return pos < end;
    }

    private void need(int n, String field) {
        if (end - pos < n) {
            throw new RtmpProtocolException(what + " truncated: " + field + " needs " + n + " byte(s) at offset "
                    + pos + ", " + (end - pos) + " left");
        }
    }

    int u8(String field) {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    int u16(String field) {
        need(2, field);
        int v = (buf[pos] & 0xFF) << 8 | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    int u24(String field) {
        need(3, field);
        int v = (buf[pos] & 0xFF) << 16 | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF);
        pos += 3;
        return v;
    }

    /** SI24: sign-extended 24-bit integer. */
    int si24(String field) {
        return (u24(field) << 8) >> 8;
    }

    int u32(String field) {
        need(4, field);
        int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8 | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    byte[] bytes(int n, String field) {
        need(n, field);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    void skip(int n, String field) {
        need(n, field);
        pos += n;
    }

    byte[] rest() {
        byte[] out = Arrays.copyOfRange(buf, pos, end);
        pos = end;
        return out;
    }
}
