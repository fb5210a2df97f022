package io.rtmp4j.amf;

import java.util.List;
import java.util.Objects;

/**
 * AMF3 {@code Vector.<T>} of objects (marker 0x10, amf3.txt §3.15).
 *
 * @param fixedLength whether the vector has a fixed length
 * @param typeName    the element type name, {@code "*"} for the ANY type
 * @param values      the elements (an unmodifiable copy)
 */
public record Amf3VectorObject(boolean fixedLength, String typeName, List<Amf3Value> values) implements Amf3Value {
    /**
     * Checks that the type name is present and copies the values into an unmodifiable list.
     *
     * @param fixedLength whether the vector has a fixed length
     * @param typeName the element type name, {@code "*"} for the ANY type
     * @param values the elements (an unmodifiable copy)
     * @throws NullPointerException if a required value is null
     */
    public Amf3VectorObject {
        Objects.requireNonNull(typeName, "typeName");
        values = List.copyOf(values);
    }
}
