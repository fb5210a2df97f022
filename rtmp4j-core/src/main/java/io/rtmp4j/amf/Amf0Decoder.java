package io.rtmp4j.amf;

import io.rtmp4j.RtmpProtocolException;

import java.util.ArrayList;
import java.util.List;

/**
 * AMF0 decoder for one decode call (one message body): owns the complex-object reference table of
 * amf0.txt §2.9, which is local to the call (§4.1.3: reset per message body).
 */
final class Amf0Decoder {

    /** A reference-table slot: filled when its complex value is complete. */
    private static final class Slot {
        Amf0Value value;
        long expandedSize;
        int height;
    }

    private final AmfInput in;
    private final List<Slot> table = new ArrayList<>();

    Amf0Decoder(AmfInput in) {
        this.in = in;
    }

    Amf0Value readValue() {
        long mark = in.expandedMark();
        int marker = in.u8("a type marker");
        switch (marker) {
            case 0x00: // number-marker, §2.2
                return new Amf0Number(in.f64("a number"));
            case 0x01: // boolean-marker, §2.3: any non-zero byte is true
                return Amf0Boolean.of(in.u8("a boolean") != 0);
            case 0x02: // string-marker, §2.4: U16 length
                return new Amf0String(shortUtf8("a string"), false);
            case 0x03: // object-marker, §2.5
                return readObjectLike(marker, null, 0, mark);
            case 0x05: // null-marker, §2.7
                return Amf0Null.INSTANCE;
            case 0x06: // undefined-marker, §2.8
                return Amf0Undefined.INSTANCE;
            case 0x07: // reference-marker, §2.9
                return readReference();
            case 0x08: { // ecma-array-marker, §2.10: U32 count (advisory), then properties
                long count = in.u32("an ECMA array count");
                return readObjectLike(marker, null, count, mark);
            }
            case 0x0A: // strict-array-marker, §2.12
                return readStrictArray(mark);
            case 0x0B: { // date-marker, §2.13: DOUBLE then S16 time zone
                double millis = in.f64("a date");
                return new Amf0Date(millis, in.s16("a date time zone"));
            }
            case 0x0C: // long-string-marker, §2.14: U32 length
                return new Amf0String(in.utf8(in.u32("a long string length"), "a long string"), true);
            case 0x0D: // unsupported-marker, §2.15
                return Amf0Unsupported.INSTANCE;
            case 0x0F: // xml-document-marker, §2.17: U32 length
                return new Amf0XmlDocument(in.utf8(in.u32("an XML document length"), "an XML document"));
            case 0x10: { // typed-object-marker, §2.18: class-name UTF-8 then properties
                String className = shortUtf8("a class name");
                return readObjectLike(marker, className, 0, mark);
            }
            case 0x11: // avmplus-object-marker, §3.1: one AMF3 value follows
                if (in.amf3 == null) {
                    in.amf3 = new Amf3Decoder(in);
                }
                return new Amf0Avmplus(in.amf3.readValue());
            case 0x04: // movieclip-marker, §2.6: reserved, not supported
            case 0x0E: // recordset-marker, §2.16: reserved, not supported
                throw new RtmpProtocolException(String.format(
                        "AMF0 marker 0x%02X is reserved and not supported (amf0.txt §2.6/§2.16)", marker));
            case 0x09: // object-end-marker, §2.11: only inside objects
                throw new RtmpProtocolException("AMF0 object-end marker 0x09 outside an object at offset "
                        + (in.consumed() - 1));
            default:
                throw new RtmpProtocolException(String.format("unknown AMF0 type marker 0x%02X at offset %d",
                        marker, in.consumed() - 1));
        }
    }

    /** A UTF-8 string with a U16 length (amf0.txt §1.3.1). */
    private String shortUtf8(String what) {
        return checkShort(in.utf8(in.u16(what + " length"), what), what);
    }

    /**
     * Malformed UTF-8 decodes to U+FFFD (3 bytes each in UTF-8), so a short string of malformed
     * bytes may no longer fit a U16 length when written back; refuse such input.
     */
    private static String checkShort(String s, String what) {
        if (s.length() > Amf0String.MAX_SHORT_BYTES / 3 && Amf0String.utf8Length(s) > Amf0String.MAX_SHORT_BYTES) {
            throw new RtmpProtocolException(what + " is malformed UTF-8 that does not fit a U16 length once repaired");
        }
        return s;
    }

    private Amf0Value readReference() {
        int index = in.u16("a reference index");
        if (index >= table.size()) {
            throw new RtmpProtocolException("AMF0 reference " + index + " to an object not yet sent ("
                    + table.size() + " in the table)");
        }
        Slot slot = table.get(index);
        if (slot.value == null) {
            throw new RtmpProtocolException("AMF0 reference " + index
                    + " to an enclosing object (cyclic graphs are not supported)");
        }
        in.reference(slot.expandedSize, slot.height);
        return slot.value;
    }

    private Slot newSlot() {
        Slot slot = new Slot();
        table.add(slot);
        return slot;
    }

    /** Object (§2.5), ECMA array (§2.10) and typed object (§2.18) properties up to the object end. */
    private Amf0Value readObjectLike(int marker, String className, long ecmaCount, long mark) {
        Slot slot = newSlot();
        int saved = in.enter();
        List<Amf0Property> props = new ArrayList<>();
        String what = marker == 0x08 ? "an ECMA array" : "an object";
        while (true) {
            if (marker == 0x08 && !in.hasRemaining() && props.size() == ecmaCount) {
                // lal before its PR #237 (2022) wrote ECMA arrays without the object-end type; accept
                // one that ends the input right after its declared number of properties
                break;
            }
            int nameLength = in.u16("a property name length");
            if (nameLength == 0 && in.peekU8() == 0x09) {
                in.u8("object end"); // object-end-type, §2.11: 0x00 0x00 0x09
                break;
            }
            String name = checkShort(in.utf8(nameLength, "a property name"), "a property name");
            Amf0Value value = readValue();
            props.add(new Amf0Property(name, value));
            in.checkCount(props.size(), what);
        }
        int height = in.exit(saved);
        Amf0Value result = switch (marker) {
            case 0x03 -> new Amf0Object(props);
            case 0x08 -> new Amf0EcmaArray(ecmaCount, props);
            default -> new Amf0TypedObject(className, props);
        };
        fill(slot, result, mark, height);
        return result;
    }

    private Amf0Value readStrictArray(long mark) {
        Slot slot = newSlot();
        // every element takes at least its one marker byte: refuse an impossible count at once
        int count = in.count(in.u32("a strict array count"), 1, "a strict array");
        int saved = in.enter();
        List<Amf0Value> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readValue());
        }
        int height = in.exit(saved);
        Amf0StrictArray result = new Amf0StrictArray(values);
        fill(slot, result, mark, height);
        return result;
    }

    private void fill(Slot slot, Amf0Value value, long mark, int height) {
        slot.value = value;
        slot.expandedSize = in.expandedSince(mark);
        slot.height = height;
    }
}
