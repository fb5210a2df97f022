package io.rtmp4j.amf;

import java.util.List;
import java.util.Objects;

/**
 * AMF0 Typed Object (marker 0x10, amf0.txt §2.18): a class alias followed by ordered properties
 * ended by the object-end type.
 *
 * @param className  the registered class alias (a U16-length UTF-8 string)
 * @param properties the properties in order (an unmodifiable copy)
 */
public record Amf0TypedObject(String className, List<Amf0Property> properties) implements Amf0Value, Amf0Properties {

    /**
     * Checks that the class name is present and at most 65535 UTF-8 bytes (amf0.txt §2.18), and copies
     * the properties into an unmodifiable list.
     *
     * @param className the registered class alias (a U16-length UTF-8 string)
     * @param properties the properties in order (an unmodifiable copy)
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public Amf0TypedObject {
        Objects.requireNonNull(className, "className");
        if (className.length() > Amf0String.MAX_SHORT_BYTES / 3 && Amf0String.utf8Length(className) > Amf0String.MAX_SHORT_BYTES) {
            throw new IllegalArgumentException("class name longer than 65535 UTF-8 bytes");
        }
        properties = List.copyOf(properties);
    }

    /**
     * A new builder for an object of class {@code className}.
     *
     * @param className the class name written before the properties
     * @return an empty builder
     */
    public static Builder builder(String className) {
        return new Builder(className);
    }

    /** Builder for {@link Amf0TypedObject}. */
    public static final class Builder extends Amf0Properties.Builder<Builder> {
        private final String className;

        Builder(String className) {
            this.className = Objects.requireNonNull(className, "className");
        }

        /**
         * The typed object.
         *
         * @return the typed object of the properties put so far
         */
        public Amf0TypedObject build() {
            return new Amf0TypedObject(className, props);
        }
    }
}
