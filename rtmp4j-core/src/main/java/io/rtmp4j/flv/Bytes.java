package io.rtmp4j.flv;

/** Big-endian helpers for the FLV file layer (flv-10.1.txt E.1: multi-byte numbers are big-endian). */
final class Bytes {

    private Bytes() {
    }

    static int u24(byte[] b, int off) {
        return (b[off] & 0xFF) << 16 | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF);
    }

    static long u32(byte[] b, int off) {
        return ((long) (b[off] & 0xFF) << 24) | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8
                | (b[off + 3] & 0xFF);
    }

    static void putU24(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 16);
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) v;
    }

    static void putU32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
