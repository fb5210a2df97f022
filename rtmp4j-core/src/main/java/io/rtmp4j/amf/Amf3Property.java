package io.rtmp4j.amf;

import java.util.Objects;

/**
 * A name / value pair of an AMF3 associative array portion or an object's dynamic members
 * (amf3.txt §3.11 {@code assoc-value}, §3.12 {@code dynamic-member}), or a sealed member of an
 * object as {@link Amf3Object#properties()} lists it. Associative and dynamic names must not be
 * empty, because the empty string ends those lists on the wire; the array and object constructors
 * check that.
 *
 * @param name  the name
 * @param value the value
 */
public record Amf3Property(String name, Amf3Value value) {
    /**
     * Checks that name and value are present.
     *
     * @param name the name
     * @param value the value
     * @throws NullPointerException if a required value is null
     */
    public Amf3Property {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
