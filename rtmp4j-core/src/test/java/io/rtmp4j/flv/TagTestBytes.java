package io.rtmp4j.flv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Helpers to write golden vectors as commented byte lists. */
final class TagTestBytes {
    private TagTestBytes() {
    }

    /** Concatenates parts: Integer (one byte), String (its ASCII bytes), byte[] (as is). */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof Integer i) {
                if (i < -128 || i > 255) {
                    throw new IllegalArgumentException("not a byte: " + i);
                }
                out.write(i);
            } else if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            } else if (p instanceof byte[] b) {
                out.writeBytes(b);
            } else {
                throw new IllegalArgumentException("unsupported part " + p);
            }
        }
        return out.toByteArray();
    }

    /** {@code n} bytes 0, 1, 2, ... (mod 256) as a recognizable payload. */
    static byte[] ramp(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }
}
