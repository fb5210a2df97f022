package io.rtmp4j.amf;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * AMF3 encoder for one encode call, with the three reference tables of amf3.txt §2.2: a non-empty
 * string already written is sent as a string reference, traits equal to ones already written as a
 * traits reference, and the same complex-value <em>instance</em> written again as an object reference.
 */
final class Amf3Encoder implements Amf3ExternalizableRegistry.Output {

    /** Largest U29 (§1.3.1). */
    private static final int U29_MAX = (1 << 29) - 1;
    /** Largest length / count / index that fits above a U29's flag bit. */
    private static final int U28_MAX = (1 << 28) - 1;

    /** Traits-table key of an externalizable class. */
    private record ExternalTraits(String className) {
    }

    private final AmfOutput out;
    private final Amf3ExternalizableRegistry registry;
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<Object, Integer> objects = new IdentityHashMap<>();
    private final Map<Object, Integer> traits = new HashMap<>();

    Amf3Encoder(AmfOutput out, Amf3ExternalizableRegistry registry) {
        this.out = out;
        this.registry = registry;
    }

    void write(Amf3Value value) {
        if (value instanceof Amf3Undefined) {
            out.u8(0x00); // undefined-marker, §3.2
        } else if (value instanceof Amf3Null) {
            out.u8(0x01); // null-marker, §3.3
        } else if (value instanceof Amf3Boolean b) {
            out.u8(b.value() ? 0x03 : 0x02); // true-marker §3.5 / false-marker §3.4
        } else if (value instanceof Amf3Integer i) {
            out.u8(0x04); // integer-marker, §3.6: 29-bit two's complement in a U29
            u29(i.value() & U29_MAX);
        } else if (value instanceof Amf3Double d) {
            out.u8(0x05); // double-marker, §3.7
            out.f64(d.value());
        } else if (value instanceof Amf3String s) {
            out.u8(0x06); // string-marker, §3.8
            string(s.value());
        } else {
            writeComplex(value);
        }
    }

    /** Types covered by the object table: a reference if this instance was written before. */
    private void writeComplex(Amf3Value value) {
        out.u8(marker(value));
        Integer index = objects.get(value);
        if (index != null) {
            u29(index << 1); // U29O-ref
            return;
        }
        objects.put(value, objects.size());
        if (value instanceof Amf3XmlDocument x) {
            utf8Inline(x.xml()); // U29X-value, §3.9
        } else if (value instanceof Amf3Xml x) {
            utf8Inline(x.xml()); // §3.13
        } else if (value instanceof Amf3Date d) {
            u29(1); // U29D-value, §3.10
            out.f64(d.epochMillis());
        } else if (value instanceof Amf3ByteArray b) {
            byte[] bytes = b.unsafeBytes();
            u29(lengthFlag(bytes.length)); // U29B-value, §3.14
            out.bytes(bytes);
        } else if (value instanceof Amf3Array a) {
            u29(lengthFlag(a.dense().size())); // U29A-value, §3.11
            for (Amf3Property p : a.associative()) {
                string(p.name());
                write(p.value());
            }
            string(""); // end of the associative portion
            for (Amf3Value v : a.dense()) {
                write(v);
            }
        } else if (value instanceof Amf3Object o) {
            writeObject(o);
        } else if (value instanceof Amf3Externalizable e) {
            writeExternalizable(e);
        } else if (value instanceof Amf3VectorInt v) {
            u29(lengthFlag(v.values().size())); // U29V-value, §3.15
            out.u8(v.fixedLength() ? 1 : 0);
            for (int i : v.values()) {
                out.u32(i & 0xFFFF_FFFFL);
            }
        } else if (value instanceof Amf3VectorUint v) {
            u29(lengthFlag(v.values().size()));
            out.u8(v.fixedLength() ? 1 : 0);
            for (long i : v.values()) {
                out.u32(i);
            }
        } else if (value instanceof Amf3VectorDouble v) {
            u29(lengthFlag(v.values().size()));
            out.u8(v.fixedLength() ? 1 : 0);
            for (double d : v.values()) {
                out.f64(d);
            }
        } else if (value instanceof Amf3VectorObject v) {
            u29(lengthFlag(v.values().size()));
            out.u8(v.fixedLength() ? 1 : 0);
            string(v.typeName());
            for (Amf3Value e : v.values()) {
                write(e);
            }
        } else if (value instanceof Amf3Dictionary d) {
            u29(lengthFlag(d.entries().size())); // U29Dict-value, §3.16
            out.u8(d.weakKeys() ? 1 : 0);
            for (Amf3Dictionary.Entry e : d.entries()) {
                write(e.key());
                write(e.value());
            }
        } else {
            throw new IllegalStateException("unknown AMF3 value " + value);
        }
    }

    private static int marker(Amf3Value v) {
        if (v instanceof Amf3XmlDocument) {
            return 0x07;
        } else if (v instanceof Amf3Date) {
            return 0x08;
        } else if (v instanceof Amf3Array) {
            return 0x09;
        } else if (v instanceof Amf3Object || v instanceof Amf3Externalizable) {
            return 0x0A;
        } else if (v instanceof Amf3Xml) {
            return 0x0B;
        } else if (v instanceof Amf3ByteArray) {
            return 0x0C;
        } else if (v instanceof Amf3VectorInt) {
            return 0x0D;
        } else if (v instanceof Amf3VectorUint) {
            return 0x0E;
        } else if (v instanceof Amf3VectorDouble) {
            return 0x0F;
        } else if (v instanceof Amf3VectorObject) {
            return 0x10;
        } else if (v instanceof Amf3Dictionary) {
            return 0x11;
        }
        throw new IllegalStateException("not a complex AMF3 value: " + v);
    }

    /** §3.12: traits (by reference when equal traits were written), sealed values, dynamic members. */
    private void writeObject(Amf3Object o) {
        Amf3Traits t = o.traits();
        Integer ref = traits.get(t);
        if (ref != null) {
            u29((ref << 2) | 0b01); // U29O-traits-ref
        } else {
            int count = t.sealedNames().size();
            if (count > (1 << 25) - 1) {
                throw new IllegalArgumentException("too many sealed members for a U29: " + count);
            }
            traits.put(t, traits.size());
            u29((count << 4) | (t.dynamic() ? 0b1000 : 0) | 0b011); // U29O-traits
            string(t.className());
            for (String name : t.sealedNames()) {
                string(name);
            }
        }
        for (Amf3Value v : o.sealedValues()) {
            write(v);
        }
        if (t.dynamic()) {
            for (Amf3Property p : o.dynamicMembers()) {
                string(p.name());
                write(p.value());
            }
            string(""); // end of the dynamic members
        }
    }

    private void writeExternalizable(Amf3Externalizable e) {
        Amf3ExternalizableRegistry.Codec codec = registry.codec(e.className()).orElseThrow(() ->
                new IllegalArgumentException("externalizable class '" + e.className() + "' is not registered"));
        ExternalTraits key = new ExternalTraits(e.className());
        Integer ref = traits.get(key);
        if (ref != null) {
            u29((ref << 2) | 0b01); // U29O-traits-ref
        } else {
            traits.put(key, traits.size());
            u29(0b111); // U29O-traits-ext
            string(e.className());
        }
        codec.write(e.content(), this);
    }

    /** UTF-8-vr (§1.3.2): the empty string inline, a repeated string by reference. */
    private void string(String s) {
        if (s.isEmpty()) {
            u29(1); // UTF-8-empty
            return;
        }
        Integer index = strings.get(s);
        if (index != null) {
            u29(index << 1); // U29S-ref
            return;
        }
        byte[] utf8 = AmfOutput.utf8(s);
        u29(lengthFlag(utf8.length)); // U29S-value
        out.bytes(utf8);
        if (strings.size() <= U28_MAX) {
            strings.put(s, strings.size());
        }
    }

    private void utf8Inline(String s) {
        byte[] utf8 = AmfOutput.utf8(s);
        u29(lengthFlag(utf8.length));
        out.bytes(utf8);
    }

    private static int lengthFlag(int length) {
        if (length > U28_MAX) {
            throw new IllegalArgumentException("length " + length + " does not fit an AMF3 U29 (max 2^28-1)");
        }
        return (length << 1) | 1;
    }

    /** §1.3.1: 1 to 4 bytes; 7 bits per byte with a continuation bit, all 8 bits in a fourth byte. */
    private void u29(int v) {
        if (v < 0 || v > U29_MAX) {
            throw new IllegalArgumentException("not a U29: " + v);
        }
        if (v < 0x80) {
            out.u8(v);
        } else if (v < 0x4000) {
            out.u8((v >>> 7) | 0x80);
            out.u8(v & 0x7F);
        } else if (v < 0x20_0000) {
            out.u8((v >>> 14) | 0x80);
            out.u8(((v >>> 7) & 0x7F) | 0x80);
            out.u8(v & 0x7F);
        } else {
            out.u8((v >>> 22) | 0x80);
            out.u8(((v >>> 15) & 0x7F) | 0x80);
            out.u8(((v >>> 8) & 0x7F) | 0x80);
            out.u8(v & 0xFF);
        }
    }

    // Amf3ExternalizableRegistry.Output, for codecs of externalizable bodies

    @Override
    public void writeValue(Amf3Value value) {
        write(value);
    }

    @Override
    public void writeByte(int value) {
        out.u8(value);
    }

    @Override
    public void writeInt(int value) {
        out.u32(value & 0xFFFF_FFFFL);
    }

    @Override
    public void writeDouble(double value) {
        out.f64(value);
    }

    @Override
    public void writeBytes(byte[] bytes) {
        out.bytes(bytes);
    }

}
