package io.rtmp4j.amf;

/**
 * AMF0 Number (marker 0x00, amf0.txt §2.2): an IEEE-754 double. Equality follows
 * {@link Double#compare}, so NaN equals NaN and 0.0 differs from -0.0 (both round-trip bit-exactly
 * except for NaN payloads, which Java canonicalises only if the caller does).
 *
 * @param value the number
 */
public record Amf0Number(double value) implements Amf0Value {

    /**
     * The number as a long (truncated), a convenience for ids and counts.
     *
     * @return the number without its fraction, as a long
     */
    public long longValue() {
        return (long) value;
    }

    /**
     * The number as an int (truncated).
     *
     * @return the number without its fraction, as an int
     */
    public int intValue() {
        return (int) value;
    }
}
