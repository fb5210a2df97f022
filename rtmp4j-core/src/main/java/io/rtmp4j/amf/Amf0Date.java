package io.rtmp4j.amf;

/**
 * AMF0 Date (marker 0x0B, amf0.txt §2.13): milliseconds since the Unix epoch (UTC) as a double,
 * plus the reserved S16 time-zone field, kept verbatim so that input re-encodes byte for byte
 * (the spec says writers should put 0 there).
 *
 * @param epochMillis milliseconds since 1970-01-01T00:00:00Z
 * @param timeZone    the S16 time-zone field (-32768..32767), normally 0
 */
public record Amf0Date(double epochMillis, int timeZone) implements Amf0Value {

    /**
     * Checks that the time zone fits in the S16 field of the date marker (amf0.txt §2.13).
     *
     * @param epochMillis milliseconds since 1970-01-01T00:00:00Z
     * @param timeZone the S16 time-zone field (-32768..32767), normally 0
     * @throws IllegalArgumentException if a value is out of its range
     */
    public Amf0Date {
        if (timeZone < Short.MIN_VALUE || timeZone > Short.MAX_VALUE) {
            throw new IllegalArgumentException("timeZone is an S16: " + timeZone);
        }
    }

    /**
     * A date with time zone 0, as §2.13 recommends.
     *
     * @param epochMillis milliseconds since 1970-01-01T00:00Z
     * @return the date
     */
    public static Amf0Date of(double epochMillis) {
        return new Amf0Date(epochMillis, 0);
    }

    /**
     * A date from an {@link java.time.Instant} (millisecond precision), time zone 0.
     *
     * @param instant the point in time
     * @return the date
     */
    public static Amf0Date of(java.time.Instant instant) {
        return new Amf0Date(instant.toEpochMilli(), 0);
    }
}
