package io.rtmp4j.amf;

import java.util.List;

/**
 * AMF3 {@code Vector.<uint>} (marker 0x0E, amf3.txt §3.15): unsigned 32-bit values.
 *
 * @param fixedLength whether the vector has a fixed length
 * @param values      the elements, each in 0..2³²−1 (an unmodifiable copy)
 */
public record Amf3VectorUint(boolean fixedLength, List<Long> values) implements Amf3Value {
    /**
     * Copies the values into an unmodifiable list and checks that each fits in 32 unsigned bits (amf3.txt
     * §3.15).
     *
     * @param fixedLength whether the vector has a fixed length
     * @param values the elements, each in 0..2³²−1 (an unmodifiable copy)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public Amf3VectorUint {
        values = List.copyOf(values);
        for (Long v : values) {
            if (v < 0 || v > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("uint out of range: " + v);
            }
        }
    }
}
