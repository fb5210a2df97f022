package io.rtmp4j.amf;

import io.rtmp4j.RtmpProtocolException;

import java.util.ArrayList;
import java.util.List;

/**
 * AMF3 decoder for one decode call: owns the three reference tables of amf3.txt §2.2 (strings,
 * objects, traits), which live as long as the call (§4.1: reset per message).
 */
final class Amf3Decoder implements Amf3ExternalizableRegistry.Input {

    /** An object-table slot: filled when its value is complete (an empty slot means "still being read"). */
    private static final class Slot {
        Amf3Value value;
        long expandedSize;
        int height;
    }

    /** A traits-table entry; {@code externalizable} traits have no members. */
    private record Traits(String className, boolean dynamic, boolean externalizable, List<String> sealedNames) {
    }

    private final AmfInput in;
    private final List<String> strings = new ArrayList<>();
    private final List<Slot> objects = new ArrayList<>();
    private final List<Traits> traits = new ArrayList<>();

    Amf3Decoder(AmfInput in) {
        this.in = in;
    }

    @Override
    public Amf3Value readValue() {
        long mark = in.expandedMark();
        int marker = in.u8("an AMF3 type marker");
        switch (marker) {
            case 0x00: // undefined-marker, §3.2
                return Amf3Undefined.INSTANCE;
            case 0x01: // null-marker, §3.3
                return Amf3Null.INSTANCE;
            case 0x02: // false-marker, §3.4
                return Amf3Boolean.FALSE;
            case 0x03: // true-marker, §3.5
                return Amf3Boolean.TRUE;
            case 0x04: { // integer-marker, §3.6: U29, sign-extended from 29 bits
                int u29 = in.u29("an AMF3 integer");
                return new Amf3Integer((u29 << 3) >> 3);
            }
            case 0x05: // double-marker, §3.7
                return new Amf3Double(in.f64("an AMF3 double"));
            case 0x06: // string-marker, §3.8
                return new Amf3String(readString());
            case 0x07: // xml-doc-marker, §3.9
            case 0x0B: // xml-marker, §3.13
            case 0x08: // date-marker, §3.10
            case 0x0C: // byte-array-marker, §3.14
            case 0x09: // array-marker, §3.11
            case 0x0A: // object-marker, §3.12
            case 0x0D: // vector-int-marker, §3.15
            case 0x0E: // vector-uint-marker
            case 0x0F: // vector-double-marker
            case 0x10: // vector-object-marker
            case 0x11: // dictionary-marker, §3.16
                return readComplex(marker, mark);
            default:
                throw new RtmpProtocolException(String.format("unknown AMF3 type marker 0x%02X at offset %d",
                        marker, in.consumed() - 1));
        }
    }

    /** UTF-8-vr (§1.3.2): a literal (low bit 1, length above it) or a string-table reference. */
    String readString() {
        int header = in.u29("an AMF3 string header");
        if ((header & 1) == 0) {
            int index = header >>> 1;
            if (index >= strings.size()) {
                throw new RtmpProtocolException("AMF3 string reference " + index + " but only "
                        + strings.size() + " strings were sent");
            }
            String s = strings.get(index);
            in.reference(s.length(), 0);
            return s;
        }
        int length = header >>> 1;
        if (length == 0) {
            return ""; // UTF-8-empty: never sent by reference, never added to the table
        }
        String s = in.utf8(length, "an AMF3 string");
        strings.add(s);
        return s;
    }

    /**
     * Every type that the object table covers (§2.2, §3.1): the U29 after the marker is either an
     * object reference (low bit 0) or the start of an inline value.
     */
    private Amf3Value readComplex(int marker, long mark) {
        int header = in.u29("an AMF3 value header");
        if ((header & 1) == 0) {
            int index = header >>> 1;
            if (index >= objects.size()) {
                throw new RtmpProtocolException("AMF3 object reference " + index + " but only "
                        + objects.size() + " objects were sent");
            }
            Slot slot = objects.get(index);
            if (slot.value == null) {
                throw new RtmpProtocolException("AMF3 object reference " + index
                        + " to an enclosing object (cyclic graphs are not supported)");
            }
            if (!referenceMatches(marker, slot.value)) {
                throw new RtmpProtocolException(String.format(
                        "AMF3 reference %d under marker 0x%02X points to a %s", index, marker,
                        slot.value.getClass().getSimpleName()));
            }
            in.reference(slot.expandedSize, slot.height);
            return slot.value;
        }
        int rest = header >>> 1;
        Slot slot = new Slot();
        objects.add(slot);
        Amf3Value value;
        int height = 0;
        switch (marker) {
            case 0x07 -> value = new Amf3XmlDocument(in.utf8(rest, "an AMF3 XMLDocument"));
            case 0x0B -> value = new Amf3Xml(in.utf8(rest, "an AMF3 XML value"));
            case 0x08 -> value = new Amf3Date(in.f64("an AMF3 date")); // U29D-value: other bits unused
            case 0x0C -> value = new Amf3ByteArray(in.bytes(rest, "an AMF3 ByteArray"));
            default -> {
                int saved = in.enter();
                value = switch (marker) {
                    case 0x09 -> readArray(rest);
                    case 0x0A -> readObject(rest);
                    case 0x11 -> readDictionary(rest);
                    default -> readVector(marker, rest);
                };
                height = in.exit(saved);
            }
        }
        slot.value = value;
        slot.height = height;
        slot.expandedSize = in.expandedSince(mark);
        return value;
    }

    /** A reference must point to a value of the marker's own type. */
    private static boolean referenceMatches(int marker, Amf3Value v) {
        return switch (marker) {
            case 0x07 -> v instanceof Amf3XmlDocument;
            case 0x0B -> v instanceof Amf3Xml;
            case 0x08 -> v instanceof Amf3Date;
            case 0x0C -> v instanceof Amf3ByteArray;
            case 0x09 -> v instanceof Amf3Array;
            case 0x0A -> v instanceof Amf3Object || v instanceof Amf3Externalizable;
            case 0x0D -> v instanceof Amf3VectorInt;
            case 0x0E -> v instanceof Amf3VectorUint;
            case 0x0F -> v instanceof Amf3VectorDouble;
            case 0x10 -> v instanceof Amf3VectorObject;
            default -> v instanceof Amf3Dictionary;
        };
    }

    /** §3.11: dense count, associative pairs up to the empty name, then the dense values. */
    private Amf3Array readArray(int denseCount) {
        int count = in.count(denseCount, 1, "an AMF3 array");
        List<Amf3Property> assoc = new ArrayList<>();
        while (true) {
            String name = readString();
            if (name.isEmpty()) {
                break;
            }
            assoc.add(new Amf3Property(name, readValue()));
            in.checkCount(assoc.size(), "an AMF3 array's associative portion");
        }
        count = in.count(count, 1, "an AMF3 array");
        List<Amf3Value> dense = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            dense.add(readValue());
        }
        return new Amf3Array(assoc, dense);
    }

    /** §3.12: traits (inline, by reference, or externalizable), sealed values, dynamic members. */
    private Amf3Value readObject(int rest) {
        Traits t;
        if ((rest & 1) == 0) { // U29O-traits-ref
            int index = rest >>> 1;
            if (index >= traits.size()) {
                throw new RtmpProtocolException("AMF3 traits reference " + index + " but only "
                        + traits.size() + " traits were sent");
            }
            t = traits.get(index);
        } else if ((rest & 2) != 0) { // U29O-traits-ext: the remaining bits are not significant
            t = new Traits(readString(), false, true, List.of());
            traits.add(t);
        } else { // U29O-traits: dynamic flag, then the sealed member count
            boolean dynamic = (rest & 4) != 0;
            int sealedCount = in.count(rest >>> 3, 1, "AMF3 traits");
            String className = readString();
            List<String> names = new ArrayList<>(sealedCount);
            for (int i = 0; i < sealedCount; i++) {
                names.add(readString());
            }
            t = new Traits(className, dynamic, false, List.copyOf(names));
            traits.add(t);
        }
        if (t.externalizable()) {
            Amf3ExternalizableRegistry.Codec codec = in.registry.codec(t.className()).orElseThrow(() ->
                    new RtmpProtocolException("AMF3 externalizable class '" + t.className()
                            + "' is not registered; its body cannot be read"));
            Amf3Value content = codec.read(this);
            if (content == null) {
                throw new RtmpProtocolException("codec for " + t.className() + " returned no value");
            }
            return new Amf3Externalizable(t.className(), content);
        }
        int n = in.count(t.sealedNames().size(), 1, "an AMF3 object's sealed members");
        List<Amf3Value> sealed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sealed.add(readValue());
        }
        List<Amf3Property> dynamicMembers = new ArrayList<>();
        if (t.dynamic()) {
            while (true) {
                String name = readString();
                if (name.isEmpty()) {
                    break;
                }
                dynamicMembers.add(new Amf3Property(name, readValue()));
                in.checkCount(dynamicMembers.size(), "an AMF3 object's dynamic members");
            }
        }
        return new Amf3Object(new Amf3Traits(t.className(), t.dynamic(), t.sealedNames()), sealed, dynamicMembers);
    }

    /** §3.15: count, fixed flag, [type name], elements. */
    private Amf3Value readVector(int marker, int length) {
        boolean fixed = in.u8("a vector's fixed-length flag") != 0;
        switch (marker) {
            case 0x0D -> {
                int count = in.count(length, 4, "an AMF3 Vector.<int>");
                List<Integer> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(in.s32("a vector element"));
                }
                return new Amf3VectorInt(fixed, values);
            }
            case 0x0E -> {
                int count = in.count(length, 4, "an AMF3 Vector.<uint>");
                List<Long> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(in.u32("a vector element"));
                }
                return new Amf3VectorUint(fixed, values);
            }
            case 0x0F -> {
                int count = in.count(length, 8, "an AMF3 Vector.<Number>");
                List<Double> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(in.f64("a vector element"));
                }
                return new Amf3VectorDouble(fixed, values);
            }
            default -> {
                String typeName = readString();
                int count = in.count(length, 1, "an AMF3 Vector.<Object>");
                List<Amf3Value> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(readValue());
                }
                return new Amf3VectorObject(fixed, typeName, values);
            }
        }
    }

    /** §3.16: entry count, weak-keys flag, key / value pairs. */
    private Amf3Dictionary readDictionary(int length) {
        boolean weak = in.u8("a dictionary's weak-keys flag") != 0;
        int count = in.count(length, 2, "an AMF3 Dictionary");
        List<Amf3Dictionary.Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Amf3Value key = readValue();
            entries.add(new Amf3Dictionary.Entry(key, readValue()));
        }
        return new Amf3Dictionary(weak, entries);
    }

    // Amf3ExternalizableRegistry.Input, for codecs of externalizable bodies

    @Override
    public int readUnsignedByte() {
        return in.u8("an externalizable body");
    }

    @Override
    public int readInt() {
        return in.s32("an externalizable body");
    }

    @Override
    public double readDouble() {
        return in.f64("an externalizable body");
    }

    @Override
    public byte[] readBytes(int length) {
        if (length < 0) {
            throw new RtmpProtocolException("negative length in an externalizable body: " + length);
        }
        return in.bytes(length, "an externalizable body");
    }
}
