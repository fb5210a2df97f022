package io.rtmp4j.amf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * AMF3 Object (marker 0x0A, amf3.txt §3.12) with non-externalizable traits: sealed member values in
 * the order of {@link Amf3Traits#sealedNames()}, then (for dynamic traits) dynamic members.
 * Externalizable objects are {@link Amf3Externalizable}.
 *
 * <pre>{@code
 * Amf3Object o = Amf3Object.builder().put("width", Amf3Value.of(1280)).build(); // anonymous, dynamic
 * }</pre>
 *
 * @param traits         class name, dynamic flag and sealed member names
 * @param sealedValues   one value per sealed name, same order (an unmodifiable copy)
 * @param dynamicMembers dynamic members in order; must be empty unless the traits are dynamic
 */
public record Amf3Object(Amf3Traits traits, List<Amf3Value> sealedValues, List<Amf3Property> dynamicMembers)
        implements Amf3Value {

    /**
     * Copies both lists and checks them against the traits: one sealed value per sealed name of the
     * traits, dynamic members only when the traits are dynamic, and no empty dynamic member name (on the
     * wire the empty name ends the list, amf3.txt §3.12).
     *
     * @param traits class name, dynamic flag and sealed member names
     * @param sealedValues one value per sealed name, same order (an unmodifiable copy)
     * @param dynamicMembers dynamic members in order
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public Amf3Object {
        Objects.requireNonNull(traits, "traits");
        sealedValues = List.copyOf(sealedValues);
        dynamicMembers = List.copyOf(dynamicMembers);
        if (sealedValues.size() != traits.sealedNames().size()) {
            throw new IllegalArgumentException("traits name " + traits.sealedNames().size()
                    + " sealed members but " + sealedValues.size() + " values were given");
        }
        if (!traits.dynamic() && !dynamicMembers.isEmpty()) {
            throw new IllegalArgumentException("dynamic members on non-dynamic traits");
        }
        for (Amf3Property p : dynamicMembers) {
            if (p.name().isEmpty()) {
                throw new IllegalArgumentException("dynamic member names cannot be empty (the empty string ends the list)");
            }
        }
    }

    /**
     * An anonymous dynamic object with {@code members}.
     *
     * @param members the dynamic members, in order
     * @return the object
     */
    public static Amf3Object anonymous(List<Amf3Property> members) {
        return new Amf3Object(Amf3Traits.ANONYMOUS, List.of(), members);
    }

    /**
     * A builder for an anonymous dynamic object.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sealed members then dynamic members, as name / value pairs in wire order.
     *
     * @return every member, in wire order
     */
    public List<Amf3Property> properties() {
        List<Amf3Property> all = new ArrayList<>(sealedValues.size() + dynamicMembers.size());
        List<String> names = traits.sealedNames();
        for (int i = 0; i < names.size(); i++) {
            all.add(new Amf3Property(names.get(i), sealedValues.get(i)));
        }
        all.addAll(dynamicMembers);
        return List.copyOf(all);
    }

    /**
     * The member {@code name} (a dynamic member wins over a sealed one of the same name).
     *
     * @param name the member name
     * @return the value, or empty
     */
    public Optional<Amf3Value> get(String name) {
        for (int i = dynamicMembers.size() - 1; i >= 0; i--) {
            if (dynamicMembers.get(i).name().equals(name)) {
                return Optional.of(dynamicMembers.get(i).value());
            }
        }
        List<String> names = traits.sealedNames();
        for (int i = names.size() - 1; i >= 0; i--) {
            if (names.get(i).equals(name)) {
                return Optional.of(sealedValues.get(i));
            }
        }
        return Optional.empty();
    }

    /** Builder of anonymous dynamic objects; {@code put} of an existing name replaces it in place. */
    public static final class Builder {
        private final List<Amf3Property> members = new ArrayList<>();

        Builder() {
        }

        /**
         * Sets {@code name} to {@code value}.
         *
         * @param name the member name
         * @param value the value
         * @return this builder
         */
        public Builder put(String name, Amf3Value value) {
            Amf3Property p = new Amf3Property(name, value);
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).name().equals(name)) {
                    members.set(i, p);
                    return this;
                }
            }
            members.add(p);
            return this;
        }

        /**
         * The object.
         *
         * @return the object of the members put so far
         */
        public Amf3Object build() {
            return anonymous(members);
        }
    }
}
