package io.rtmp4j.amf;

import java.util.Objects;

/**
 * An AMF3 object with externalizable traits (amf3.txt §3.12, {@code U29O-traits-ext}): its body is
 * a custom serialization that only a reader who knows the class can parse. The decoder parses it with
 * the {@link Amf3ExternalizableRegistry} entry for {@link #className()} (an unknown class is refused,
 * never guessed); {@link #content()} is what that entry produced, e.g. the source array of a
 * {@code flex.messaging.io.ArrayCollection}.
 *
 * @param className the class alias
 * @param content   the body as the registered codec represents it
 */
public record Amf3Externalizable(String className, Amf3Value content) implements Amf3Value {
    /**
     * Checks that the class name and the content are present.
     *
     * @param className the class alias
     * @param content the body as the registered codec represents it
     * @throws NullPointerException if a required value is null
     */
    public Amf3Externalizable {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(content, "content");
    }
}
