package io.rtmp4j.amf;

import java.util.List;

/**
 * AMF3 {@code Vector.<int>} (marker 0x0D, amf3.txt §3.15): signed 32-bit values written as U32.
 *
 * @param fixedLength whether the vector has a fixed length
 * @param values      the elements (an unmodifiable copy)
 */
public record Amf3VectorInt(boolean fixedLength, List<Integer> values) implements Amf3Value {
    /**
     * Copies the values into an unmodifiable list.
     *
     * @param fixedLength whether the vector has a fixed length
     * @param values the elements (an unmodifiable copy)
     */
    public Amf3VectorInt {
        values = List.copyOf(values);
    }
}
