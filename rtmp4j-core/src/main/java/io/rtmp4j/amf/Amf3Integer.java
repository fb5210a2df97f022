package io.rtmp4j.amf;

/**
 * AMF3 integer (marker 0x04, amf3.txt §3.6): a signed 29-bit value in the U29 encoding of §1.3.1,
 * range −2²⁸..2²⁸−1. Larger values travel as {@link Amf3Double}; see {@link Amf3Value#of(long)}.
 *
 * @param value the integer, within [{@link #MIN_VALUE}, {@link #MAX_VALUE}]
 */
public record Amf3Integer(int value) implements Amf3Value {
    /** −2²⁸. */
    public static final int MIN_VALUE = -(1 << 28);
    /** 2²⁸−1. */
    public static final int MAX_VALUE = (1 << 28) - 1;

    /**
     * Checks that the value fits in the 29-bit signed range of U29 integers (amf3.txt §3.6); a number
     * outside it is an {@link Amf3Double}.
     *
     * @param value the integer, within [{@link #MIN_VALUE}, {@link #MAX_VALUE}]
     * @throws IllegalArgumentException if a value is out of its range
     */
    public Amf3Integer {
        if (value < MIN_VALUE || value > MAX_VALUE) {
            throw new IllegalArgumentException("AMF3 integer out of 29-bit range: " + value);
        }
    }
}
