package io.rtmp4j.amf;

import java.util.List;

/**
 * AMF0 anonymous Object (marker 0x03, amf0.txt §2.5): ordered name / value pairs ended by the
 * object-end type (0x00 0x00 0x09).
 *
 * <pre>{@code
 * Amf0Object cmd = Amf0Object.builder()
 *         .put("app", "live")
 *         .put("tcUrl", "rtmp://localhost/live")
 *         .put("objectEncoding", 0.0)
 *         .build();
 * String app = cmd.string("app").orElseThrow();
 * }</pre>
 *
 * @param properties the properties in order (an unmodifiable copy)
 */
public record Amf0Object(List<Amf0Property> properties) implements Amf0Value, Amf0Properties {

    /** The object without properties. */
    public static final Amf0Object EMPTY = new Amf0Object(List.of());

    /**
     * Copies the properties into an unmodifiable list, keeping their order.
     *
     * @param properties the properties in order (an unmodifiable copy)
     */
    public Amf0Object {
        properties = List.copyOf(properties);
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link Amf0Object}. */
    public static final class Builder extends Amf0Properties.Builder<Builder> {
        Builder() {
        }

        /**
         * The object.
         *
         * @return the object of the properties put so far
         */
        public Amf0Object build() {
            return new Amf0Object(props);
        }
    }
}
