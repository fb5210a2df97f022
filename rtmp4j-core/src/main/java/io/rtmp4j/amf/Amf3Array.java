package io.rtmp4j.amf;

import java.util.List;
import java.util.Optional;

/**
 * AMF3 Array (marker 0x09, amf3.txt §3.11): an associative portion (ordered name / value pairs)
 * and a dense portion (values at indices 0..n−1). On the wire the dense count comes first, then the
 * associative pairs ended by the empty string, then the dense values.
 *
 * @param associative the associative portion in order (an unmodifiable copy)
 * @param dense       the dense portion (an unmodifiable copy)
 */
public record Amf3Array(List<Amf3Property> associative, List<Amf3Value> dense) implements Amf3Value {

    /**
     * Copies both parts into unmodifiable lists and checks that no associative name is empty: on the wire
     * the empty name ends the associative part (amf3.txt §3.11).
     *
     * @param associative the associative portion in order (an unmodifiable copy)
     * @param dense the dense portion (an unmodifiable copy)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public Amf3Array {
        associative = List.copyOf(associative);
        dense = List.copyOf(dense);
        for (Amf3Property p : associative) {
            if (p.name().isEmpty()) {
                throw new IllegalArgumentException("associative names cannot be empty (the empty string ends the list)");
            }
        }
    }

    /**
     * A dense array of {@code values}.
     *
     * @param values the elements, in order
     * @return the dense array
     */
    public static Amf3Array of(Amf3Value... values) {
        return new Amf3Array(List.of(), List.of(values));
    }

    /**
     * A dense array of {@code values}.
     *
     * @param values the elements, in order
     * @return the dense array
     */
    public static Amf3Array dense(List<? extends Amf3Value> values) {
        return new Amf3Array(List.of(), List.copyOf(values));
    }

    /**
     * The associative value {@code name} (last occurrence), if present.
     *
     * @param name the associative name
     * @return the value, or empty
     */
    public Optional<Amf3Value> get(String name) {
        for (int i = associative.size() - 1; i >= 0; i--) {
            if (associative.get(i).name().equals(name)) {
                return Optional.of(associative.get(i).value());
            }
        }
        return Optional.empty();
    }
}
