package io.rtmp4j.flv;

import io.rtmp4j.RtmpProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.ToIntFunction;

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

    /**
     * Reverse lookup from a FOURCC (UI32 code or text) to the enum constant that names it, shared by
     * {@link AudioFourCc} and {@link VideoFourCc}: a scan of the constants (a handful) without
     * copying them, and one form for the error about an unknown FOURCC.
     *
     * @param <E> the enum; its {@link FlvCodec#specName()} is the four characters
     */
    static final class Table<E extends Enum<E> & FlvCodec> {
        private final E[] constants;
        private final int[] codes;
        private final String field;
        private final String reference;

        /**
         * @param constants the enum's constants ({@code values()})
         * @param codeOf    a constant's UI32 code
         * @param field     the field's name in error messages, e.g. {@code "audio FourCC"}
         * @param reference where the field is defined, e.g. {@code "enhanced-rtmp-v2.md AudioFourCc"}
         */
        Table(E[] constants, ToIntFunction<E> codeOf, String field, String reference) {
            this.constants = constants;
            this.codes = new int[constants.length];
            for (int i = 0; i < constants.length; i++) {
                codes[i] = codeOf.applyAsInt(constants[i]);
            }
            this.field = field;
            this.reference = reference;
        }

        /** The constant with this UI32 code, or null. */
        E get(int code) {
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] == code) {
                    return constants[i];
                }
            }
            return null;
        }

        /** The constant with this UI32 code; empty for an unknown FOURCC. */
        Optional<E> find(int code) {
            return Optional.ofNullable(get(code));
        }

        /** The constant with these four characters; empty for an unknown FOURCC. */
        Optional<E> find(String text) {
            for (E e : constants) {
                if (e.specName().equals(text)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }

        /** The constant with this UI32 code; an unknown FOURCC is a protocol error. */
        E require(int code) {
            E e = get(code);
            if (e == null) {
                throw new RtmpProtocolException("unknown " + field + " " + describe(code) + " (" + reference + ")");
            }
            return e;
        }
    }
}
