package io.rtmp4j.amf;

import io.rtmp4j.RtmpProtocolException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked big-endian reader shared by the AMF0 and AMF3 decoders of one decode call. Every
 * read checks the remaining input first and reports a shortfall as {@link RtmpProtocolException};
 * it also carries the nesting-depth and expanded-size accounting of {@link AmfLimits}.
 */
final class AmfInput {

    private final ByteBuffer buf;
    private final int start;
    /** True if the view was cut short at {@link AmfLimits#maxTotalBytes()}. */
    private final boolean capped;
    final AmfLimits limits;
    /** Containers currently open around the value being read. */
    int depth;
    /** Deepest nesting reached inside the container being read (see {@link #enter()} / {@link #exit}). */
    int deepest;
    /** Bytes added by resolving references: the expanded size is {@code consumed() + expandedExtra}. */
    long expandedExtra;
    /** The AMF3 reference tables, shared by every AVM+ value of this call (amf3.txt §4.1). */
    Amf3Decoder amf3;

    /** Codecs for AMF3 externalizable bodies. */
    final Amf3ExternalizableRegistry registry;

    AmfInput(ByteBuffer source, AmfLimits limits, Amf3ExternalizableRegistry registry) {
        this.limits = limits;
        this.registry = registry;
        ByteBuffer view = source.duplicate().order(ByteOrder.BIG_ENDIAN);
        capped = view.remaining() > limits.maxTotalBytes();
        if (capped) {
            view.limit(view.position() + limits.maxTotalBytes());
        }
        this.buf = view;
        this.start = view.position();
    }

    /** The position in the caller's buffer after what has been read. */
    int position() {
        return buf.position();
    }

    int consumed() {
        return buf.position() - start;
    }

    boolean hasRemaining() {
        return buf.hasRemaining();
    }

    int remaining() {
        return buf.remaining();
    }

    private void need(long n, String what) {
        if (n > buf.remaining()) {
            if (capped) {
                throw new RtmpProtocolException("AMF value longer than " + limits.maxTotalBytes()
                        + " bytes (AmfLimits.maxTotalBytes)");
            }
            throw new RtmpProtocolException("truncated AMF input: " + what + " needs " + n
                    + " bytes but " + buf.remaining() + " remain at offset " + consumed());
        }
    }

    int peekU8() {
        need(1, "a type marker");
        return buf.get(buf.position()) & 0xFF;
    }

    int u8(String what) {
        need(1, what);
        return buf.get() & 0xFF;
    }

    int u16(String what) {
        need(2, what);
        return buf.getShort() & 0xFFFF;
    }

    /**
     * A variable-length unsigned 29-bit integer (amf3.txt §1.3.1): up to three bytes with a
     * continuation bit carrying 7 bits each, then a fourth byte carrying all 8 bits.
     */
    int u29(String what) {
        int value = 0;
        for (int i = 0; i < 3; i++) {
            int b = u8(what);
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return (value << 8) | u8(what);
    }

    short s16(String what) {
        need(2, what);
        return buf.getShort();
    }

    int s32(String what) {
        need(4, what);
        return buf.getInt();
    }

    long u32(String what) {
        need(4, what);
        return buf.getInt() & 0xFFFF_FFFFL;
    }

    double f64(String what) {
        need(8, what);
        return buf.getDouble();
    }

    void skip(int n, String what) {
        need(n, what);
        buf.position(buf.position() + n);
    }

    /** Checks a declared byte length against the string limit and the remaining input, then reads it. */
    byte[] bytes(long length, String what) {
        if (length > limits.maxStringBytes()) {
            throw new RtmpProtocolException(what + " of " + length + " bytes exceeds the limit of "
                    + limits.maxStringBytes() + " (AmfLimits.maxStringBytes)");
        }
        need(length, what);
        byte[] b = new byte[(int) length];
        buf.get(b);
        return b;
    }

    /**
     * Reads UTF-8 text of a declared byte length. Malformed sequences become U+FFFD rather than an
     * error: metadata written by old encoders in Latin-1 should not cost the connection.
     */
    String utf8(long length, String what) {
        if (length == 0) {
            return "";
        }
        return new String(bytes(length, what), StandardCharsets.UTF_8);
    }

    /**
     * Checks a declared element count: against the collection limit, and (each element taking at
     * least {@code minBytesPerElement} bytes) against the remaining input, before anything is
     * allocated.
     */
    int count(long declared, int minBytesPerElement, String what) {
        if (declared > limits.maxCollectionCount()) {
            throw new RtmpProtocolException(what + " declares " + declared + " entries, more than the limit of "
                    + limits.maxCollectionCount() + " (AmfLimits.maxCollectionCount)");
        }
        if (declared * minBytesPerElement > buf.remaining()) {
            throw new RtmpProtocolException(what + " declares " + declared + " entries but only "
                    + buf.remaining() + " bytes remain");
        }
        return (int) declared;
    }

    /** Checks a running entry count (for collections whose size is not declared up front). */
    void checkCount(int count, String what) {
        if (count > limits.maxCollectionCount()) {
            throw new RtmpProtocolException(what + " has more than " + limits.maxCollectionCount()
                    + " entries (AmfLimits.maxCollectionCount)");
        }
    }

    /** Opens a container; returns the state {@link #exit} needs. */
    int enter() {
        if (depth + 1 > limits.maxDepth()) {
            throw new RtmpProtocolException("AMF nesting deeper than " + limits.maxDepth() + " (AmfLimits.maxDepth)");
        }
        depth++;
        int saved = deepest;
        deepest = depth;
        return saved;
    }

    /** Closes a container; returns its height (1 for a container of scalars). */
    int exit(int saved) {
        int height = deepest - depth + 1;
        depth--;
        deepest = Math.max(saved, deepest);
        return height;
    }

    /** Starting mark for {@link #expandedSince}. */
    long expandedMark() {
        return consumed() + expandedExtra;
    }

    long expandedSince(long mark) {
        return consumed() + expandedExtra - mark;
    }

    /** Accounts for a resolved reference to a value of the given expanded size and height. */
    void reference(long expandedSize, int height) {
        if (depth + height > limits.maxDepth()) {
            throw new RtmpProtocolException("AMF reference nests deeper than " + limits.maxDepth()
                    + " (AmfLimits.maxDepth)");
        }
        deepest = Math.max(deepest, depth + height);
        expandedExtra += expandedSize;
        if (consumed() + expandedExtra > limits.maxTotalBytes()) {
            throw new RtmpProtocolException("AMF references expand beyond " + limits.maxTotalBytes()
                    + " bytes (AmfLimits.maxTotalBytes)");
        }
    }
}
