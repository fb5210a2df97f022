package io.rtmp4j.amf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ordered name / value pairs shared by {@link Amf0Object}, {@link Amf0TypedObject} and
 * {@link Amf0EcmaArray}, with typed lookups for protocol code.
 *
 * <p>Lookups return {@link Optional}: empty when the name is absent <em>or</em> holds a value of
 * another type, e.g. {@code cmd.string("tcUrl").orElse("")}, {@code cmd.number("objectEncoding").orElse(0.0)}.
 * Properties keep their wire order (docs/ARCHITECTURE.md "Conventions"). A decoded value keeps duplicate names
 * exactly as received (so it re-encodes byte for byte); lookups then return the <em>last</em>
 * occurrence, which is what an ActionScript reader ends up with.
 */
public sealed interface Amf0Properties permits Amf0Object, Amf0TypedObject, Amf0EcmaArray {

    /**
     * The properties in order.
     *
     * @return the properties, in wire order
     */
    List<Amf0Property> properties();

    /**
     * The value of {@code name}, if present.
     *
     * @param name the property name
     * @return the value, or empty
     */
    default Optional<Amf0Value> get(String name) {
        List<Amf0Property> props = properties();
        for (int i = props.size() - 1; i >= 0; i--) {
            Amf0Property p = props.get(i);
            if (p.name().equals(name)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    /**
     * True if a property {@code name} exists.
     *
     * @param name the property name
     * @return true if it is present
     */
    default boolean has(String name) {
        return get(name).isPresent();
    }

    /**
     * The text of {@code name} if it is a string (either form).
     *
     * @param name the property name
     * @return the text, or empty
     */
    default Optional<String> string(String name) {
        return get(name).map(Amf0Value::asString);
    }

    /**
     * The number {@code name} if it is a number.
     *
     * @param name the property name
     * @return the number, or empty
     */
    default Optional<Double> number(String name) {
        return get(name).map(Amf0Value::asNumber);
    }

    /**
     * The boolean {@code name} if it is a boolean.
     *
     * @param name the property name
     * @return the boolean, or empty
     */
    default Optional<Boolean> bool(String name) {
        return get(name).map(Amf0Value::asBoolean);
    }

    /**
     * The nested object, typed object or ECMA array {@code name}.
     *
     * @param name the property name
     * @return the nested properties, or empty
     */
    default Optional<Amf0Properties> object(String name) {
        return get(name).filter(v -> v instanceof Amf0Properties).map(v -> (Amf0Properties) v);
    }

    /**
     * Number of properties (duplicates counted).
     *
     * @return the number of properties
     */
    default int size() {
        return properties().size();
    }

    /**
     * The property names in order (duplicates included).
     *
     * @return the names, in order
     */
    default List<String> names() {
        List<String> names = new ArrayList<>(properties().size());
        for (Amf0Property p : properties()) {
            names.add(p.name());
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * An unmodifiable insertion-ordered map view (a later duplicate replaces an earlier one).
     *
     * @return the map view
     */
    default Map<String, Amf0Value> asMap() {
        Map<String, Amf0Value> map = new LinkedHashMap<>();
        for (Amf0Property p : properties()) {
            map.put(p.name(), p.value());
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Collects properties in insertion order; {@code put} of an existing name replaces its value in
     * place. Shared by the builders of the three property-holding types.
     */
    abstract class Builder<B extends Builder<B>> {
        final List<Amf0Property> props = new ArrayList<>();

        Builder() {
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /**
         * Sets {@code name} to {@code value}.
         *
         * @param name the property name
         * @param value the value
         * @return this builder
         */
        public B put(String name, Amf0Value value) {
            Amf0Property p = new Amf0Property(name, value);
            for (int i = 0; i < props.size(); i++) {
                if (props.get(i).name().equals(name)) {
                    props.set(i, p);
                    return self();
                }
            }
            props.add(p);
            return self();
        }

        /**
         * Sets {@code name} to a string.
         *
         * @param name the property name
         * @param value the text
         * @return this builder
         */
        public B put(String name, String value) {
            return put(name, Amf0Value.of(value));
        }

        /**
         * Sets {@code name} to a number.
         *
         * @param name the property name
         * @param value the number
         * @return this builder
         */
        public B put(String name, double value) {
            return put(name, Amf0Value.of(value));
        }

        /**
         * Sets {@code name} to a boolean.
         *
         * @param name the property name
         * @param value the boolean
         * @return this builder
         */
        public B put(String name, boolean value) {
            return put(name, Amf0Value.of(value));
        }

        /**
         * Sets {@code name} to null ({@link Amf0Null}).
         *
         * @param name the property name
         * @return this builder
         */
        public B putNull(String name) {
            return put(name, Amf0Null.INSTANCE);
        }

        /**
         * Adds every property of {@code other}, in its order.
         *
         * @param other the properties to copy
         * @return this builder
         */
        public B putAll(Amf0Properties other) {
            for (Amf0Property p : other.properties()) {
                put(p.name(), p.value());
            }
            return self();
        }
    }
}
