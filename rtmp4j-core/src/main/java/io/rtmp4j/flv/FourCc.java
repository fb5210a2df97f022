package io.rtmp4j.flv;

import java.nio.charset.StandardCharsets;

/** FOURCC helpers: "Four-character ASCII code, encoded as UI32" (enhanced-rtmp-v2.md "Simple Data Types"). */
final class FourCc {
    private FourCc() {
    }

    static int of(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        if (b.length != 4) {
            throw new IllegalArgumentException("FOURCC must have 4 characters: " + text);
        }
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    /** Printable form for error messages: the four characters if printable ASCII, else hex. */
    static String describe(int code) {
        StringBuilder sb = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = (code >>> shift) & 0xFF;
            if (c < 0x20 || c > 0x7E) {
                return String.format("0x%08X", code);
            }
            sb.append((char) c);
        }
        return "'" + sb + "'";
    }
}
