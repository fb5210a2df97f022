package io.rtmp4j.amf;

import java.util.Objects;

/**
 * One name / value pair of an AMF0 object, typed object or ECMA array (amf0.txt §2.5
 * {@code object-property}). The name is written as a UTF-8 string with a U16 length, so its UTF-8
 * form may not exceed 65535 bytes; the empty name is allowed (the object-end marker is recognised by
 * the 0x09 marker that follows it).
 *
 * @param name  the property name
 * @param value the property value
 */
public record Amf0Property(String name, Amf0Value value) {
    /**
     * Checks that name and value are present and that the name fits in the UTF-8 form of a property name
     * (at most 65535 bytes, amf0.txt §1.3.1).
     *
     * @param name the property name
     * @param value the property value
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public Amf0Property {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.length() > Amf0String.MAX_SHORT_BYTES / 3 && Amf0String.utf8Length(name) > Amf0String.MAX_SHORT_BYTES) {
            throw new IllegalArgumentException("property name longer than 65535 UTF-8 bytes");
        }
    }
}
