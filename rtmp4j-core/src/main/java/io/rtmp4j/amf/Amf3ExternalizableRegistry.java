package io.rtmp4j.amf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The externalizable classes the AMF3 codec knows (amf3.txt §3.12, {@code U29O-traits-ext}): class
 * alias → codec for its custom body. The body of an externalizable object has no self-describing
 * length, so a class that is not registered cannot be skipped or guessed: the decoder refuses it
 * with {@link io.rtmp4j.RtmpProtocolException}.
 *
 * <p>{@link #DEFAULT} knows the two Flex wrappers that carry a single AMF3 value as their body:
 * {@code flex.messaging.io.ArrayCollection} (its source array) and
 * {@code flex.messaging.io.ObjectProxy} (the proxied object). Add others with the builder:
 * <pre>{@code
 * Amf3ExternalizableRegistry reg = Amf3ExternalizableRegistry.builder()
 *         .registerDefaults()
 *         .register("com.example.Point", new Amf3ExternalizableRegistry.Codec() {
 *             public Amf3Value read(Input in) { return Amf3Value.of(in.readDouble()); }
 *             public void write(Amf3Value content, Output out) { out.writeDouble(((Amf3Double) content).value()); }
 *         })
 *         .build();
 * }</pre>
 */
public final class Amf3ExternalizableRegistry {

    /** Class alias of the Flex {@code ArrayCollection}: the body is one AMF3 value (the source array). */
    public static final String ARRAY_COLLECTION = "flex.messaging.io.ArrayCollection";
    /** Class alias of the Flex {@code ObjectProxy}: the body is one AMF3 value (the proxied object). */
    public static final String OBJECT_PROXY = "flex.messaging.io.ObjectProxy";

    /** A codec whose body is exactly one AMF3 value. */
    public static final Codec SINGLE_VALUE = new Codec() {
        @Override
        public Amf3Value read(Input in) {
            return in.readValue();
        }

        @Override
        public void write(Amf3Value content, Output out) {
            out.writeValue(content);
        }
    };

    /** No externalizable classes at all. */
    public static final Amf3ExternalizableRegistry EMPTY = new Amf3ExternalizableRegistry(Map.of());

    /** {@link #ARRAY_COLLECTION} and {@link #OBJECT_PROXY}. */
    public static final Amf3ExternalizableRegistry DEFAULT = builder().registerDefaults().build();

    private final Map<String, Codec> codecs;

    private Amf3ExternalizableRegistry(Map<String, Codec> codecs) {
        this.codecs = codecs;
    }

    /**
     * A new, empty builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The codec for {@code className}, if registered.
     *
     * @param className the class alias
     * @return the codec, or empty
     */
    public Optional<Codec> codec(String className) {
        return Optional.ofNullable(codecs.get(className));
    }

    /**
     * The registered class aliases.
     *
     * @return the class aliases
     */
    public Set<String> classNames() {
        return codecs.keySet();
    }

    /**
     * Reads and writes the custom body of one externalizable class. {@code read} must consume
     * exactly what {@code write} produces; both go through the call's reference tables.
     */
    public interface Codec {
        /**
         * Reads the body that follows the class name; returns its representation.
         *
         * @param in reads the body
         * @return the value that stands for the body
         */
        Amf3Value read(Input in);

        /**
         * Writes {@code content} (as {@link #read} returned it) as the body.
         *
         * @param content the value to write
         * @param out writes the body
         */
        void write(Amf3Value content, Output out);
    }

    /**
     * What a codec may read. Every method is bounds-checked and throws
     * {@link io.rtmp4j.RtmpProtocolException} on truncated or over-limit input.
     */
    public interface Input {
        /**
         * One AMF3 value (sharing the enclosing reference tables).
         *
         * @return the value
         */
        Amf3Value readValue();

        /**
         * One unsigned byte.
         *
         * @return the byte, 0..255
         */
        int readUnsignedByte();

        /**
         * A big-endian signed 32-bit integer.
         *
         * @return the integer
         */
        int readInt();

        /**
         * A big-endian IEEE-754 double.
         *
         * @return the double
         */
        double readDouble();

        /**
         * {@code length} raw bytes (subject to {@link AmfLimits#maxStringBytes()}).
         *
         * @param length how many bytes
         * @return the bytes
         */
        byte[] readBytes(int length);
    }

    /** What a codec may write. */
    public interface Output {
        /**
         * One AMF3 value (sharing the enclosing reference tables).
         *
         * @param value the value
         */
        void writeValue(Amf3Value value);

        /**
         * One byte (the low 8 bits).
         *
         * @param value the byte
         */
        void writeByte(int value);

        /**
         * A big-endian signed 32-bit integer.
         *
         * @param value the integer
         */
        void writeInt(int value);

        /**
         * A big-endian IEEE-754 double.
         *
         * @param value the double
         */
        void writeDouble(double value);

        /**
         * Raw bytes.
         *
         * @param bytes the bytes
         */
        void writeBytes(byte[] bytes);
    }

    /** Builder of a registry. */
    public static final class Builder {
        private final Map<String, Codec> codecs = new LinkedHashMap<>();

        Builder() {
        }

        /**
         * Registers {@code codec} for {@code className} (replacing an earlier registration).
         *
         * @param className the class alias
         * @param codec reads and writes the class's body
         * @return this builder
         */
        public Builder register(String className, Codec codec) {
            codecs.put(Objects.requireNonNull(className, "className"), Objects.requireNonNull(codec, "codec"));
            return this;
        }

        /**
         * Registers {@link #ARRAY_COLLECTION} and {@link #OBJECT_PROXY} as single-value bodies.
         *
         * @return this builder
         */
        public Builder registerDefaults() {
            register(ARRAY_COLLECTION, SINGLE_VALUE);
            return register(OBJECT_PROXY, SINGLE_VALUE);
        }

        /**
         * The registry.
         *
         * @return the registry of the codecs registered so far
         */
        public Amf3ExternalizableRegistry build() {
            return new Amf3ExternalizableRegistry(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codecs)));
        }
    }
}
