package io.rtmp4j.amf;

import java.util.List;

/**
 * AMF3 {@code Vector.<Number>} (marker 0x0F, amf3.txt §3.15).
 *
 * @param fixedLength whether the vector has a fixed length
 * @param values      the elements (an unmodifiable copy)
 */
public record Amf3VectorDouble(boolean fixedLength, List<Double> values) implements Amf3Value {
    /**
     * Copies the values into an unmodifiable list.
     *
     * @param fixedLength whether the vector has a fixed length
     * @param values the elements (an unmodifiable copy)
     */
    public Amf3VectorDouble {
        values = List.copyOf(values);
    }
}
