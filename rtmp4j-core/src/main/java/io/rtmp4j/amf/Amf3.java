package io.rtmp4j.amf;

import io.rtmp4j.RtmpProtocolException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * AMF3 entry point (amf3.txt): decode bytes into {@link Amf3Value}s, encode them back, and bridge
 * them to AMF0 shapes.
 *
 * <pre>{@code
 * byte[] bytes = Amf3.encode(Amf3Object.builder().put("width", Amf3Value.of(1280)).build());
 * Amf3Value v = Amf3.decode(ByteBuffer.wrap(bytes));
 * Amf0Value meta = Amf3.toAmf0(v);   // an Amf0Object {width: 1280.0}
 * }</pre>
 *
 * <p>Decoding reads from the buffer's position and advances it only on success; bad input raises
 * {@link RtmpProtocolException} only. The string, object and traits tables live for one call
 * (amf3.txt §4.1, §4.2), so {@link #decodeAll} and {@link #encode(List)} share them across the
 * values of the call. Externalizable objects are read and written with a
 * {@link Amf3ExternalizableRegistry} ({@link Amf3ExternalizableRegistry#DEFAULT} unless given); an
 * unregistered class is refused.
 */
public final class Amf3 {

    private Amf3() {
    }

    /**
     * Decodes one value with the default limits and registry.
     *
     * @param in the bytes, read from its position (which advances past what was decoded)
     * @return the value
     */
    public static Amf3Value decode(ByteBuffer in) {
        return decode(in, AmfLimits.DEFAULT);
    }

    /**
     * Decodes one value with the default registry.
     *
     * @param in the bytes, read from its position (which advances past what was decoded)
     * @param limits the limits the decode enforces
     * @return the value
     */
    public static Amf3Value decode(ByteBuffer in, AmfLimits limits) {
        return decode(in, limits, Amf3ExternalizableRegistry.DEFAULT);
    }

    /**
     * Decodes one value.
     *
     * @param in the bytes, read from its position (which advances past what was decoded)
     * @param limits the limits the decode enforces
     * @param registry the codecs of AMF3 externalizable classes
     * @return the value
     */
    public static Amf3Value decode(ByteBuffer in, AmfLimits limits, Amf3ExternalizableRegistry registry) {
        AmfInput input = new AmfInput(in, Objects.requireNonNull(limits, "limits"),
                Objects.requireNonNull(registry, "registry"));
        Amf3Value value = new Amf3Decoder(input).readValue();
        in.position(input.position());
        return value;
    }

    /**
     * Decodes values until the buffer is exhausted, with the default limits and registry.
     *
     * @param in the bytes, read from its position (which advances past what was decoded)
     * @return the values, in order
     */
    public static List<Amf3Value> decodeAll(ByteBuffer in) {
        return decodeAll(in, AmfLimits.DEFAULT);
    }

    /**
     * Decodes values until the buffer is exhausted, with the default registry.
     *
     * @param in the bytes, read from its position (which advances past what was decoded)
     * @param limits the limits the decode enforces
     * @return the values, in order
     */
    public static List<Amf3Value> decodeAll(ByteBuffer in, AmfLimits limits) {
        return decodeAll(in, limits, Amf3ExternalizableRegistry.DEFAULT);
    }

    /**
     * Decodes values until the buffer is exhausted; fails if it holds more than {@link AmfLimits#maxTotalBytes()}.
     *
     * @param in the bytes, read from its position (which advances past what was decoded)
     * @param limits the limits the decode enforces
     * @param registry the codecs of AMF3 externalizable classes
     * @return the values, in order
     */
    public static List<Amf3Value> decodeAll(ByteBuffer in, AmfLimits limits, Amf3ExternalizableRegistry registry) {
        Objects.requireNonNull(limits, "limits");
        if (in.remaining() > limits.maxTotalBytes()) {
            throw new RtmpProtocolException("AMF input of " + in.remaining()
                    + " bytes exceeds the limit of " + limits.maxTotalBytes() + " (AmfLimits.maxTotalBytes)");
        }
        AmfInput input = new AmfInput(in, limits, Objects.requireNonNull(registry, "registry"));
        Amf3Decoder decoder = new Amf3Decoder(input);
        List<Amf3Value> values = new ArrayList<>();
        while (input.hasRemaining()) {
            values.add(decoder.readValue());
        }
        in.position(input.position());
        return Collections.unmodifiableList(values);
    }

    /**
     * Encodes values one after another (one set of reference tables).
     *
     * @param values the values, in order
     * @return the encoded bytes
     */
    public static byte[] encode(Amf3Value... values) {
        return encode(List.of(values));
    }

    /**
     * Encodes values one after another (one set of reference tables).
     *
     * @param values the values, in order
     * @return the encoded bytes
     */
    public static byte[] encode(List<? extends Amf3Value> values) {
        return encode(values, Amf3ExternalizableRegistry.DEFAULT);
    }

    /**
     * Encodes values one after another, writing externalizable objects with {@code registry}.
     *
     * @param values the values, in order
     * @param registry the codecs of AMF3 externalizable classes
     * @return the encoded bytes
     * @throws IllegalArgumentException for an unregistered externalizable class or a length beyond 2²⁸−1
     */
    public static byte[] encode(List<? extends Amf3Value> values, Amf3ExternalizableRegistry registry) {
        AmfOutput out = new AmfOutput();
        Amf3Encoder encoder = new Amf3Encoder(out, Objects.requireNonNull(registry, "registry"));
        for (Amf3Value v : values) {
            encoder.write(Objects.requireNonNull(v, "value"));
        }
        return out.toByteArray();
    }

    /**
     * The AMF0 form of an AMF3 value, for metadata and for code that only handles AMF0 shapes. Every
     * value that metadata can carry keeps its value:
     * <ul>
     * <li>undefined, null, booleans → the AMF0 values of the same name;</li>
     * <li>integer and double → {@link Amf0Number} (every 29-bit integer is exact in a double);</li>
     * <li>string → {@link Amf0String} (long form only beyond 65535 UTF-8 bytes);</li>
     * <li>XMLDocument and XML → {@link Amf0XmlDocument} with the same text;</li>
     * <li>date → {@link Amf0Date} with the same milliseconds and time zone 0;</li>
     * <li>array without associative part → {@link Amf0StrictArray}; with one → {@link Amf0EcmaArray}
     *     holding the dense values under the keys "0", "1", … first, then the associative pairs (the
     *     key form AMF0 itself uses for ECMA arrays, amf0.txt §2.10);</li>
     * <li>anonymous object → {@link Amf0Object}, typed object → {@link Amf0TypedObject}; sealed members
     *     first, then dynamic members, in order;</li>
     * <li>externalizable object → the AMF0 form of its {@link Amf3Externalizable#content()} (an
     *     {@code ArrayCollection} becomes its array, an {@code ObjectProxy} its object);</li>
     * <li>ByteArray → {@link Amf0StrictArray} of numbers 0..255, one per byte;</li>
     * <li>int / uint / Number vectors → {@link Amf0StrictArray} of numbers (all exact); object vectors
     *     → {@link Amf0StrictArray} of the converted elements;</li>
     * <li>dictionary → {@link Amf0EcmaArray} when every key is a string or a number (numbers as their
     *     base-10 text, as amf3.txt §3.16 says Flash serializes integer keys) and fits an AMF0 name;
     *     otherwise a {@link Amf0StrictArray} of two-element [key, value] strict arrays. The form is
     *     chosen from the keys before any entry is converted, so each entry is converted once.</li>
     * </ul>
     *
     * <p><b>Budget.</b> The bridge writes a shared (referenced) AMF3 value out once per reference and
     * makes one AMF0 value per ByteArray byte and vector element, so a small AMF3 body can stand for a
     * huge AMF0 tree (a reference bomb). It therefore makes at most
     * {@link AmfLimits#maxCollectionCount()} AMF0 values of {@link AmfLimits#DEFAULT}
     * ({@link #toAmf0(Amf3Value, AmfLimits)} takes other limits) and refuses the value beyond that.
     * The count is exactly the number of AMF0 values in the result, each value counted where it
     * stands (a value reached twice counts twice), since that is what costs the conversion its work
     * and memory: a container and each of its elements count one each (a ByteArray of n bytes or a
     * vector of n numbers counts n + 1); property names, including dictionary keys in the ECMA-array
     * form, are not values and do not count; a dictionary in the pair form counts each [key, value]
     * pair array and its key; an externalizable object counts only as its content, which it becomes.
     * Conversion stops as soon as the count passes the budget, so a refused value costs at most the
     * budget in work.
     *
     * @param value the AMF3 value
     * @return its AMF0 form
     * @throws RtmpProtocolException if a property or class name is longer than an AMF0 name can be
     *                               (65535 UTF-8 bytes), or if the AMF0 form would exceed the limit
     */
    public static Amf0Value toAmf0(Amf3Value value) {
        return toAmf0(value, AmfLimits.DEFAULT);
    }

    /**
     * {@link #toAmf0(Amf3Value)} making at most {@code limits.maxCollectionCount()} AMF0 values in all.
     *
     * @param value the AMF3 value
     * @param limits the limits the decode enforces
     * @return its AMF0 form
     * @throws RtmpProtocolException as {@link #toAmf0(Amf3Value)} does
     */
    public static Amf0Value toAmf0(Amf3Value value, AmfLimits limits) {
        try {
            return new Bridge(limits.maxCollectionCount()).toAmf0(value);
        } catch (OverBudget e) {
            throw new RtmpProtocolException("AMF3 value too large to convert to AMF0: more than the limit of "
                    + limits.maxCollectionCount() + " AMF0 values (AmfLimits.maxCollectionCount; shared "
                    + "references are written out once per reference)");
        }
    }

    /**
     * {@link #toAmf0(Amf3Value, AmfLimits)}, or empty if the AMF0 form would hold more than
     * {@code limits.maxCollectionCount()} values (counted as {@link #toAmf0(Amf3Value)} describes), for
     * callers that keep the AMF3 value as it is rather than fail. Works at most the budget before it
     * gives up.
     *
     * @param value the AMF3 value
     * @param limits the limits the decode enforces
     * @return its AMF0 form, or empty when it would be too large
     * @throws RtmpProtocolException if a property or class name is longer than an AMF0 name can be
     *                               (the other refusal of {@link #toAmf0(Amf3Value)})
     */
    public static Optional<Amf0Value> tryToAmf0(Amf3Value value, AmfLimits limits) {
        try {
            return Optional.of(new Bridge(limits.maxCollectionCount()).toAmf0(value));
        } catch (OverBudget e) {
            return Optional.empty();
        }
    }

    /** The bridge's budget ran out; caught by the entry points, never escapes this class. */
    private static final class OverBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverBudget() {
            super(null, null, false, false); // control flow only: no stack trace
        }
    }

    /** One conversion, with its budget of AMF0 values left. */
    private static final class Bridge {
        private long left;

        Bridge(long budget) {
            this.left = budget;
        }

        /** Accounts for {@code n} more AMF0 values before they are made. */
        private void spend(long n) {
            left -= n;
            if (left < 0) {
                throw new OverBudget();
            }
        }

        Amf0Value toAmf0(Amf3Value value) {
            if (value instanceof Amf3Externalizable e) {
                return toAmf0(e.content()); // becomes its content: no AMF0 value of its own
            }
            spend(1);
            if (value instanceof Amf3Undefined) {
                return Amf0Undefined.INSTANCE;
            } else if (value instanceof Amf3Null) {
                return Amf0Null.INSTANCE;
            } else if (value instanceof Amf3Boolean b) {
                return Amf0Boolean.of(b.value());
            } else if (value instanceof Amf3Integer i) {
                return new Amf0Number(i.value());
            } else if (value instanceof Amf3Double d) {
                return new Amf0Number(d.value());
            } else if (value instanceof Amf3String s) {
                return Amf0String.of(s.value());
            } else if (value instanceof Amf3XmlDocument x) {
                return new Amf0XmlDocument(x.xml());
            } else if (value instanceof Amf3Xml x) {
                return new Amf0XmlDocument(x.xml());
            } else if (value instanceof Amf3Date d) {
                return new Amf0Date(d.epochMillis(), 0);
            } else if (value instanceof Amf3Array a) {
                if (a.associative().isEmpty()) {
                    return new Amf0StrictArray(convertAll(a.dense()));
                }
                List<Amf0Property> props = new ArrayList<>(a.dense().size() + a.associative().size());
                for (int i = 0; i < a.dense().size(); i++) {
                    props.add(new Amf0Property(Integer.toString(i), toAmf0(a.dense().get(i))));
                }
                for (Amf3Property p : a.associative()) {
                    props.add(new Amf0Property(amf0Name(p.name()), toAmf0(p.value())));
                }
                return Amf0EcmaArray.of(props);
            } else if (value instanceof Amf3Object o) {
                List<Amf0Property> props = new ArrayList<>();
                for (Amf3Property p : o.properties()) {
                    props.add(new Amf0Property(amf0Name(p.name()), toAmf0(p.value())));
                }
                String className = o.traits().className();
                return className.isEmpty() ? new Amf0Object(props) : new Amf0TypedObject(amf0Name(className), props);
            } else if (value instanceof Amf3ByteArray b) {
                byte[] bytes = b.unsafeBytes();
                spend(bytes.length);
                List<Amf0Value> numbers = new ArrayList<>(bytes.length);
                for (byte x : bytes) {
                    numbers.add(new Amf0Number(x & 0xFF));
                }
                return new Amf0StrictArray(numbers);
            } else if (value instanceof Amf3VectorInt v) {
                spend(v.values().size());
                List<Amf0Value> numbers = new ArrayList<>(v.values().size());
                for (int x : v.values()) {
                    numbers.add(new Amf0Number(x));
                }
                return new Amf0StrictArray(numbers);
            } else if (value instanceof Amf3VectorUint v) {
                spend(v.values().size());
                List<Amf0Value> numbers = new ArrayList<>(v.values().size());
                for (long x : v.values()) {
                    numbers.add(new Amf0Number(x));
                }
                return new Amf0StrictArray(numbers);
            } else if (value instanceof Amf3VectorDouble v) {
                spend(v.values().size());
                List<Amf0Value> numbers = new ArrayList<>(v.values().size());
                for (double x : v.values()) {
                    numbers.add(new Amf0Number(x));
                }
                return new Amf0StrictArray(numbers);
            } else if (value instanceof Amf3VectorObject v) {
                return new Amf0StrictArray(convertAll(v.values()));
            } else if (value instanceof Amf3Dictionary d) {
                return dictionaryToAmf0(d);
            }
            throw new IllegalStateException("unknown AMF3 value " + value);
        }

        /** AMF0 names carry a U16 length (amf0.txt §1.3.1); AMF3 names may be longer. */
        private static String amf0Name(String name) {
            if (!fitsAmf0Name(name)) {
                throw new RtmpProtocolException("AMF3 name of more than 65535 UTF-8 bytes cannot be represented in AMF0");
            }
            return name;
        }

        private static boolean fitsAmf0Name(String name) {
            return name.length() <= Amf0String.MAX_SHORT_BYTES / 3 || Amf0String.utf8Length(name) <= Amf0String.MAX_SHORT_BYTES;
        }

        private List<Amf0Value> convertAll(List<Amf3Value> values) {
            List<Amf0Value> out = new ArrayList<>(values.size());
            for (Amf3Value v : values) {
                out.add(toAmf0(v));
            }
            return out;
        }

        /**
         * The ECMA-array form if every key has one (checked for all keys first, without converting
         * anything), else the pair form; either way each entry is converted once.
         */
        private Amf0Value dictionaryToAmf0(Amf3Dictionary d) {
            List<Amf3Dictionary.Entry> entries = d.entries();
            String[] names = new String[entries.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = amf0Key(entries.get(i).key());
                if (names[i] == null) {
                    return pairsToAmf0(entries);
                }
            }
            List<Amf0Property> props = new ArrayList<>(names.length);
            for (int i = 0; i < names.length; i++) {
                props.add(new Amf0Property(names[i], toAmf0(entries.get(i).value())));
            }
            return Amf0EcmaArray.of(props);
        }

        /** A strict array of [key, value] strict arrays; each pair array is one more AMF0 value. */
        private Amf0Value pairsToAmf0(List<Amf3Dictionary.Entry> entries) {
            List<Amf0Value> pairs = new ArrayList<>(entries.size());
            for (Amf3Dictionary.Entry e : entries) {
                spend(1);
                pairs.add(Amf0Value.array(toAmf0(e.key()), toAmf0(e.value())));
            }
            return new Amf0StrictArray(pairs);
        }

        /**
         * The ECMA-array name of a dictionary key: a string as it is, an integral number as its
         * base-10 text (amf3.txt §3.16); null for any other key or a name AMF0 cannot carry.
         */
        private static String amf0Key(Amf3Value key) {
            String name;
            if (key instanceof Amf3String s) {
                name = s.value();
            } else if (key instanceof Amf3Integer i) {
                name = Integer.toString(i.value());
            } else if (key instanceof Amf3Double n && n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15) {
                name = Long.toString((long) n.value());
            } else {
                return null;
            }
            return fitsAmf0Name(name) ? name : null;
        }
    }
}
