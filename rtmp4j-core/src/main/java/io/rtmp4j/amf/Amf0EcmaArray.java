package io.rtmp4j.amf;

import java.util.List;

/**
 * AMF0 ECMA Array (marker 0x08, amf0.txt §2.10): a U32 associative count, then ordered name / value
 * pairs ended by the object-end type. This is what {@code onMetaData} usually is.
 *
 * <p>The count on the wire is advisory: encoders write 0 or a number that differs from the real one,
 * so the decoder reads properties until the object-end marker and keeps the declared count in
 * {@link #associativeCount()} (so input re-encodes byte for byte). {@link #of(List)} and the
 * builder set it to the number of properties.
 *
 * <p>One deviation is tolerated on decode: an ECMA array that ends the input right after its
 * declared number of properties, with no object-end type (older lal servers wrote them so). It is
 * re-encoded with the object end.
 *
 * @param associativeCount the U32 count as written (0..2³²−1)
 * @param properties       the properties in order (an unmodifiable copy)
 */
public record Amf0EcmaArray(long associativeCount, List<Amf0Property> properties) implements Amf0Value, Amf0Properties {

    /**
     * Checks that the associative count fits in its U32 field (amf0.txt §2.10) and copies the properties
     * into an unmodifiable list. The count is kept as given: it need not match the number of properties,
     * as on the wire.
     *
     * @param associativeCount the U32 count as written (0..2³²−1)
     * @param properties the properties in order (an unmodifiable copy)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public Amf0EcmaArray {
        if (associativeCount < 0 || associativeCount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("associativeCount is a U32: " + associativeCount);
        }
        properties = List.copyOf(properties);
    }

    /**
     * An ECMA array whose count is the number of properties.
     *
     * @param properties the properties, in order
     * @return the ECMA array
     */
    public static Amf0EcmaArray of(List<Amf0Property> properties) {
        return new Amf0EcmaArray(properties.size(), properties);
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link Amf0EcmaArray}; the count is the number of properties. */
    public static final class Builder extends Amf0Properties.Builder<Builder> {
        Builder() {
        }

        /**
         * The ECMA array.
         *
         * @return the ECMA array of the properties put so far
         */
        public Amf0EcmaArray build() {
            return of(props);
        }
    }
}
