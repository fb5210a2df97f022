package io.rtmp4j.amf;

/**
 * AMF0 Boolean (marker 0x01, amf0.txt §2.3). The decoder maps every non-zero byte to {@code true};
 * the encoder writes 0x00 or 0x01.
 *
 * @param value the boolean
 */
public record Amf0Boolean(boolean value) implements Amf0Value {

    /** {@code true}. */
    public static final Amf0Boolean TRUE = new Amf0Boolean(true);
    /** {@code false}. */
    public static final Amf0Boolean FALSE = new Amf0Boolean(false);

    /**
     * The shared instance for {@code value}.
     *
     * @param value true or false
     * @return the instance
     */
    public static Amf0Boolean of(boolean value) {
        return value ? TRUE : FALSE;
    }
}
