package io.rtmp4j.amf;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * AMF0 String (marker 0x02, U16 length, amf0.txt §2.4) or Long String (marker 0x0C, U32 length,
 * §2.14). {@link #longForm()} records which of the two encodings is used, so that decoded input
 * re-encodes byte for byte; {@link #of(String)} picks the short form whenever the UTF-8 bytes fit in
 * 65535 bytes, as §2.4 prescribes.
 *
 * <p>Two strings with the same text but different forms are not {@code equals}; compare
 * {@link #value()} when only the text matters (the lookup helpers of {@link Amf0Properties} do).
 *
 * @param value    the text
 * @param longForm {@code true} for the long-string marker 0x0C
 */
public record Amf0String(String value, boolean longForm) implements Amf0Value {

    /** Largest UTF-8 byte length of the short form (U16). */
    public static final int MAX_SHORT_BYTES = 0xFFFF;

    /** The empty string, short form. */
    public static final Amf0String EMPTY = new Amf0String("", false);

    /**
     * Checks that the value is present and, unless {@code longForm} is set, that it fits in the short
     * string form (at most 65535 UTF-8 bytes; longer ones need the long string of amf0.txt §2.14).
     *
     * @param value the text
     * @param longForm {@code true} for the long-string marker 0x0C
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public Amf0String {
        Objects.requireNonNull(value, "value");
        if (!longForm && value.length() > MAX_SHORT_BYTES / 3 && utf8Length(value) > MAX_SHORT_BYTES) {
            throw new IllegalArgumentException("string of " + utf8Length(value)
                    + " UTF-8 bytes needs the long-string form (amf0.txt §2.14)");
        }
    }

    /**
     * A string in the short form if it fits, else the long form.
     *
     * @param value the text
     * @return the string value
     */
    public static Amf0String of(String value) {
        Objects.requireNonNull(value, "value");
        boolean fits = value.length() <= MAX_SHORT_BYTES / 3 || utf8Length(value) <= MAX_SHORT_BYTES;
        return new Amf0String(value, !fits);
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        return (longForm ? "Amf0String[long]" : "Amf0String") + "[" + value + "]";
    }
}
