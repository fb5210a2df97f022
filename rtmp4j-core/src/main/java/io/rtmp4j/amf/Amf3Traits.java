package io.rtmp4j.amf;

import java.util.List;
import java.util.Objects;

/**
 * The traits of a non-externalizable AMF3 object (amf3.txt §3.12): class alias (empty for anonymous
 * objects), whether it is dynamic, and the sealed member names in wire order. Traits are sent inline
 * once and by reference to the traits table afterwards; the encoder reuses a reference for traits
 * that are {@code equals} to ones already written.
 *
 * @param className   the class alias, {@code ""} for an anonymous object
 * @param dynamic     whether dynamic members follow the sealed ones
 * @param sealedNames the sealed member names in order (an unmodifiable copy)
 */
public record Amf3Traits(String className, boolean dynamic, List<String> sealedNames) {

    /** The traits of an anonymous dynamic {@code Object}: no class name, no sealed members. */
    public static final Amf3Traits ANONYMOUS = new Amf3Traits("", true, List.of());

    /**
     * Checks that the class name is present (empty for an anonymous object) and copies the sealed member
     * names into an unmodifiable list.
     *
     * @param className the class alias, {@code ""} for an anonymous object
     * @param dynamic whether dynamic members follow the sealed ones
     * @param sealedNames the sealed member names in order (an unmodifiable copy)
     * @throws NullPointerException if a required value is null
     */
    public Amf3Traits {
        Objects.requireNonNull(className, "className");
        sealedNames = List.copyOf(sealedNames);
    }
}
