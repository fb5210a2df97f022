package io.rtmp4j.amf;

/**
 * AMF3 false (marker 0x02, amf3.txt §3.4) and true (marker 0x03, §3.5).
 *
 * @param value the boolean
 */
public record Amf3Boolean(boolean value) implements Amf3Value {
    /** {@code true}. */
    public static final Amf3Boolean TRUE = new Amf3Boolean(true);
    /** {@code false}. */
    public static final Amf3Boolean FALSE = new Amf3Boolean(false);

    /**
     * The shared instance for {@code value}.
     *
     * @param value true or false
     * @return the instance
     */
    public static Amf3Boolean of(boolean value) {
        return value ? TRUE : FALSE;
    }
}
