package io.rtmp4j.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Helpers to write golden vectors byte by byte. */
final class TestBytes {

    private TestBytes() {
    }

    /** The given values as bytes (each 0..255). */
    static byte[] b(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFF) {
                throw new IllegalArgumentException("not a byte: " + values[i]);
            }
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** The ASCII bytes of {@code s}. */
    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The parts one after another. */
    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /** An AMF0 short string (amf0.txt §2.4): marker 0x02, U16 length, UTF-8 bytes (ASCII here). */
    static byte[] amfString(String s) {
        return cat(b(0x02, s.length() >> 8, s.length() & 0xFF), ascii(s));
    }

    /** An AMF0 object property name (amf0.txt §2.5): U16 length, bytes (no marker). */
    static byte[] name(String s) {
        return cat(b(s.length() >> 8, s.length() & 0xFF), ascii(s));
    }
}
