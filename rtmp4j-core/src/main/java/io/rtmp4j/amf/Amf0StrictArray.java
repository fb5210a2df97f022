package io.rtmp4j.amf;

import java.util.List;

/**
 * AMF0 Strict Array (marker 0x0A, amf0.txt §2.12): a U32 count followed by that many values.
 *
 * @param values the elements, in order (an unmodifiable copy)
 */
public record Amf0StrictArray(List<Amf0Value> values) implements Amf0Value {

    /**
     * Copies the values into an unmodifiable list.
     *
     * @param values the elements, in order (an unmodifiable copy)
     */
    public Amf0StrictArray {
        values = List.copyOf(values);
    }

    /**
     * Number of elements.
     *
     * @return the number of elements
     */
    public int size() {
        return values.size();
    }

    /**
     * Element {@code index}.
     *
     * @param index 0-based position
     * @return the element
     */
    public Amf0Value get(int index) {
        return values.get(index);
    }
}
