package io.rtmp4j.amf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Growable big-endian byte sink used by the AMF0 and AMF3 encoders. */
final class AmfOutput {

    private byte[] buf = new byte[64];
    private int size;

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    void u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    void u32(long v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    void f64(double v) {
        long bits = Double.doubleToRawLongBits(v);
        u32(bits >>> 32);
        u32(bits & 0xFFFF_FFFFL);
    }

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
