package io.rtmp4j.amf;

import java.io.ByteArrayOutputStream;

/** Builds golden byte vectors from ints (so each byte can carry its own comment). */
final class AmfTestBytes {
    private AmfTestBytes() {
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < -128 || values[i] > 255) {
                throw new IllegalArgumentException("not a byte: " + values[i]);
            }
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
