package io.rtmp4j.amf;

import io.rtmp4j.RtmpProtocolException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static io.rtmp4j.amf.AmfTestBytes.bytes;
import static io.rtmp4j.amf.AmfTestBytes.concat;
import static io.rtmp4j.amf.AmfTestBytes.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden vectors, reference tables and round trips for every AMF3 marker (amf3.txt §3). */
class Amf3Test {

    private static void golden(byte[] wire, Amf3Value expected) {
        ByteBuffer buf = ByteBuffer.wrap(wire);
        assertThat(Amf3.decode(buf)).isEqualTo(expected);
        assertThat(buf.remaining()).as("whole vector consumed").isZero();
        assertThat(Amf3.encode(expected)).isEqualTo(wire);
    }

    private static void goldenAll(byte[] wire, List<Amf3Value> expected) {
        List<Amf3Value> decoded = Amf3.decodeAll(ByteBuffer.wrap(wire));
        assertThat(decoded).isEqualTo(expected);
        assertThat(Amf3.encode(decoded)).as("decoded values re-encode byte for byte").isEqualTo(wire);
    }

    private static void refused(byte[] wire, String messagePart) {
        assertThatThrownBy(() -> Amf3.decodeAll(ByteBuffer.wrap(wire)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining(messagePart);
    }

    @Test
    void singleByteMarkers() {
        golden(bytes(0x00), Amf3Undefined.INSTANCE); // undefined-marker, §3.2
        golden(bytes(0x01), Amf3Null.INSTANCE);      // null-marker, §3.3
        golden(bytes(0x02), Amf3Boolean.FALSE);      // false-marker, §3.4
        golden(bytes(0x03), Amf3Boolean.TRUE);       // true-marker, §3.5
    }

    @Test
    void integersInEveryU29Width() {
        golden(bytes(0x04, 0x00), new Amf3Integer(0));              // integer-marker, U29-1 0
        golden(bytes(0x04, 0x7F), new Amf3Integer(127));            // U29-1: 0xxxxxxx
        golden(bytes(0x04,
                0x81, 0x00), new Amf3Integer(128));                 // U29-2: 1|0000001 0|0000000
        golden(bytes(0x04,
                0x81, 0x80, 0x00), new Amf3Integer(16384));         // U29-3: 0x4000 = 1<<14
        golden(bytes(0x04,
                0x80, 0xC0, 0x80, 0x00), new Amf3Integer(0x200000));// U29-4: 7+7+7+8 bits, 2^21
        golden(bytes(0x04,
                0xBF, 0xFF, 0xFF, 0xFF), new Amf3Integer(Amf3Integer.MAX_VALUE)); // 2^28-1
        golden(bytes(0x04,
                0xFF, 0xFF, 0xFF, 0xFF), new Amf3Integer(-1));      // 29 one bits, sign-extended
        golden(bytes(0x04,
                0xC0, 0x80, 0x80, 0x00), new Amf3Integer(Amf3Integer.MIN_VALUE)); // -2^28
        assertThat(Amf3Value.of(1L << 28)).isEqualTo(new Amf3Double(1 << 28)); // §3.6: out of range → double
        assertThatThrownBy(() -> new Amf3Integer(1 << 28)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doubleAndDate() {
        golden(bytes(0x05,                                       // double-marker, §3.7
                0x3F, 0xF8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00), // 1.5
                new Amf3Double(1.5));
        golden(bytes(0x08,                                       // date-marker, §3.10
                0x01,                                            // U29D-value: inline (low bit 1)
                0x42, 0x6D, 0x1A, 0x94, 0xA2, 0x00, 0x00, 0x00), // 1e12 ms
                new Amf3Date(1e12));
    }

    @Test
    void strings() {
        golden(bytes(0x06,                      // string-marker, §3.8
                0x0B,                           // U29S-value: length 5 << 1 | 1
                'h', 'e', 'l', 'l', 'o'), Amf3Value.of("hello"));
        golden(bytes(0x06, 0x01), Amf3Value.of("")); // UTF-8-empty
    }

    @Test
    void stringReferences() {
        goldenAll(bytes(
                0x06, 0x07, 'a', 'b', 'c',      // "abc" inline → string table index 0
                0x06, 0x01,                     // "" inline (never referenced, never in the table)
                0x06, 0x00,                     // U29S-ref index 0 → "abc"
                0x06, 0x03, 'd',                // "d" inline → index 1
                0x06, 0x02                      // U29S-ref index 1 → "d"
        ), List.of(Amf3Value.of("abc"), Amf3Value.of(""), Amf3Value.of("abc"), Amf3Value.of("d"), Amf3Value.of("d")));
    }

    @Test
    void xmlDocumentAndXml() {
        golden(bytes(0x07,                      // xml-doc-marker, §3.9
                0x09, '<', 'a', '/', '>'),      // U29X-value: length 4 << 1 | 1
                new Amf3XmlDocument("<a/>"));
        golden(bytes(0x0B,                      // xml-marker, §3.13
                0x09, '<', 'b', '/', '>'),      // U29X-value length 4
                new Amf3Xml("<b/>"));
    }

    @Test
    void arrays() {
        golden(bytes(0x09,                      // array-marker, §3.11
                0x05,                           // U29A-value: dense count 2 << 1 | 1
                0x01,                           // associative portion: UTF-8-empty at once
                0x04, 0x01,                     // dense[0] integer 1
                0x04, 0x02),                    // dense[1] integer 2
                Amf3Array.of(new Amf3Integer(1), new Amf3Integer(2)));
        golden(bytes(0x09,                      // array-marker
                0x03,                           // dense count 1
                0x03, 'k',                      // associative name "k"
                0x06, 0x03, 'v',                // string "v"
                0x01,                           // end of associative portion
                0x02),                          // dense[0] false
                new Amf3Array(List.of(new Amf3Property("k", Amf3Value.of("v"))), List.of(Amf3Boolean.FALSE)));
    }

    @Test
    void anonymousDynamicObject() {
        golden(bytes(0x0A,                      // object-marker, §3.12
                0x0B,                           // U29O-traits: 0 sealed, dynamic (0b1000), inline traits (0b011)
                0x01,                           // class-name "" (anonymous)
                0x03, 'a',                      // dynamic member name "a"
                0x04, 0x01,                     // integer 1
                0x01),                          // end of dynamic members
                Amf3Object.builder().put("a", new Amf3Integer(1)).build());
    }

    @Test
    void typedSealedObject() {
        golden(bytes(0x0A,                      // object-marker
                0x13,                           // U29O-traits: 1 sealed member (1 << 4), not dynamic, 0b011
                0x07, 'F', 'o', 'o',            // class-name "Foo"
                0x03, 'x',                      // sealed member name "x"
                0x04, 0x05),                    // x = integer 5 (no dynamic section)
                new Amf3Object(new Amf3Traits("Foo", false, List.of("x")), List.of(new Amf3Integer(5)), List.of()));
    }

    @Test
    void objectAndTraitsReferences() {
        byte[] wire = bytes(0x09,               // array-marker (object table index 0)
                0x07,                           // dense count 3
                0x01,                           // no associative part
                0x0A,                           // [0] object-marker (object table index 1)
                0x13,                           //     traits inline: 1 sealed, not dynamic (traits index 0)
                0x07, 'F', 'o', 'o',            //     class "Foo" (string index 0)
                0x03, 'x',                      //     sealed name "x" (string index 1)
                0x04, 0x01,                     //     x = 1
                0x0A,                           // [1] object-marker (object table index 2)
                0x01,                           //     U29O-traits-ref: traits index 0 (0 << 2 | 0b01)
                0x04, 0x02,                     //     x = 2
                0x0A,                           // [2] object-marker
                0x02);                          //     U29O-ref: object index 1 (1 << 1)
        Amf3Array array = (Amf3Array) Amf3.decode(ByteBuffer.wrap(wire));
        Amf3Traits foo = new Amf3Traits("Foo", false, List.of("x"));
        Amf3Object first = new Amf3Object(foo, List.of(new Amf3Integer(1)), List.of());
        Amf3Object second = new Amf3Object(foo, List.of(new Amf3Integer(2)), List.of());
        assertThat(array.dense()).containsExactly(first, second, first);
        assertThat(array.dense().get(2)).isSameAs(array.dense().get(0));
        assertThat(Amf3.encode(array)).as("references re-encode byte for byte").isEqualTo(wire);
        // built by hand: the same instance twice gives the object reference, equal traits the traits reference
        assertThat(Amf3.encode(Amf3Array.of(first, second, first))).isEqualTo(wire);
    }

    @Test
    void everyComplexTypeCanBeSentByReference() {
        Amf3Value[] complex = {
            new Amf3XmlDocument("<d/>"), new Amf3Date(5.0), Amf3Array.of(), Amf3Object.builder().build(),
            new Amf3Xml("<x/>"), new Amf3ByteArray(new byte[] {1}), new Amf3VectorInt(false, List.of(1)),
            new Amf3VectorUint(false, List.of(1L)), new Amf3VectorDouble(false, List.of(1.0)),
            new Amf3VectorObject(false, "*", List.of()), new Amf3Dictionary(false, List.of()),
        };
        for (Amf3Value v : complex) {
            byte[] wire = Amf3.encode(v, v);
            byte[] single = Amf3.encode(v);
            assertThat(wire).as("%s twice", v).isEqualTo(concat(single, bytes(single[0], 0x00))); // marker, U29O-ref 0
            List<Amf3Value> decoded = Amf3.decodeAll(ByteBuffer.wrap(wire));
            assertThat(decoded).containsExactly(v, v);
            assertThat(decoded.get(1)).isSameAs(decoded.get(0));
        }
    }

    @Test
    void byteArray() {
        golden(bytes(0x0C,                      // byte-array-marker, §3.14
                0x07,                           // U29B-value: length 3 << 1 | 1
                0x01, 0x02, 0xFF),              // the bytes
                new Amf3ByteArray(new byte[] {1, 2, (byte) 0xFF}));
    }

    @Test
    void vectors() {
        golden(bytes(0x0D,                      // vector-int-marker, §3.15
                0x05,                           // U29V-value: count 2
                0x00,                           // fixed-vector: no
                0xFF, 0xFF, 0xFF, 0xFF,         // -1
                0x00, 0x00, 0x00, 0x01),        // 1
                new Amf3VectorInt(false, List.of(-1, 1)));
        golden(bytes(0x0E,                      // vector-uint-marker
                0x03,                           // count 1
                0x01,                           // fixed-vector: yes
                0xFF, 0xFF, 0xFF, 0xFF),        // 4294967295
                new Amf3VectorUint(true, List.of(0xFFFF_FFFFL)));
        golden(bytes(0x0F,                      // vector-double-marker
                0x03,                           // count 1
                0x00,                           // not fixed
                0x3F, 0xF0, 0, 0, 0, 0, 0, 0),  // 1.0
                new Amf3VectorDouble(false, List.of(1.0)));
        golden(bytes(0x10,                      // vector-object-marker
                0x05,                           // count 2
                0x00,                           // not fixed
                0x03, '*',                      // object-type-name "*" (the ANY type)
                0x04, 0x01,                     // integer 1
                0x01),                          // null
                new Amf3VectorObject(false, "*", List.of(new Amf3Integer(1), Amf3Null.INSTANCE)));
    }

    @Test
    void dictionary() {
        golden(bytes(0x11,                      // dictionary-marker, §3.16
                0x05,                           // U29Dict-value: 2 entries
                0x01,                           // weak-keys: yes
                0x06, 0x03, 'k',                // key "k"
                0x04, 0x07,                     // value 7
                0x04, 0x02,                     // key integer 2
                0x03),                          // value true
                new Amf3Dictionary(true, List.of(
                        new Amf3Dictionary.Entry(Amf3Value.of("k"), new Amf3Integer(7)),
                        new Amf3Dictionary.Entry(new Amf3Integer(2), Amf3Boolean.TRUE))));
    }

    @Test
    void externalizableArrayCollection() {
        String cls = "flex.messaging.io.ArrayCollection"; // 33 bytes
        byte[] wire = concat(bytes(0x0A,        // object-marker
                0x07,                           // U29O-traits-ext (0b111)
                0x43), ascii(cls),              // class-name: length 33 << 1 | 1 = 0x43
                bytes(0x09, 0x03, 0x01,         // body (one AMF3 value): array, dense 1, no assoc
                        0x04, 0x01));           // integer 1
        Amf3Externalizable ac = new Amf3Externalizable(cls, Amf3Array.of(new Amf3Integer(1)));
        golden(wire, ac);
        assertThat(Amf3.toAmf0(ac)).isEqualTo(Amf0Value.array(Amf0Value.of(1.0)));
        // a second ArrayCollection uses the traits reference and the class name is not repeated
        Amf3Externalizable ac2 = new Amf3Externalizable(cls, Amf3Array.of());
        byte[] two = Amf3.encode(ac, ac2);
        assertThat(two).isEqualTo(concat(wire, bytes(0x0A, 0x01, 0x09, 0x01, 0x01))); // traits-ref 0; empty array
        assertThat(Amf3.decodeAll(ByteBuffer.wrap(two))).containsExactly(ac, ac2);
    }

    @Test
    void unregisteredExternalizableIsRefused() {
        byte[] wire = bytes(0x0A, 0x07, 0x07, 'F', 'o', 'o', 0x01); // ext traits, class "Foo", unknown body
        refused(wire, "'Foo' is not registered");
        assertThatThrownBy(() -> Amf3.decode(ByteBuffer.wrap(concat(bytes(0x0A, 0x07, 0x43),
                ascii("flex.messaging.io.ArrayCollection"), bytes(0x01))), AmfLimits.DEFAULT, Amf3ExternalizableRegistry.EMPTY))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("not registered");
        assertThatThrownBy(() -> Amf3.encode(new Amf3Externalizable("Foo", Amf3Null.INSTANCE)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customExternalizableCodec() {
        Amf3ExternalizableRegistry reg = Amf3ExternalizableRegistry.builder().registerDefaults()
                .register("P", new Amf3ExternalizableRegistry.Codec() {
                    @Override
                    public Amf3Value read(Amf3ExternalizableRegistry.Input in) {
                        int a = in.readInt();
                        double b = in.readDouble();
                        int c = in.readUnsignedByte();
                        byte[] d = in.readBytes(2);
                        return Amf3Array.of(new Amf3Integer(a), new Amf3Double(b), new Amf3Integer(c),
                                new Amf3ByteArray(d), in.readValue());
                    }

                    @Override
                    public void write(Amf3Value content, Amf3ExternalizableRegistry.Output out) {
                        List<Amf3Value> v = ((Amf3Array) content).dense();
                        out.writeInt(((Amf3Integer) v.get(0)).value());
                        out.writeDouble(((Amf3Double) v.get(1)).value());
                        out.writeByte(((Amf3Integer) v.get(2)).value());
                        out.writeBytes(((Amf3ByteArray) v.get(3)).bytes());
                        out.writeValue(v.get(4));
                    }
                }).build();
        byte[] wire = bytes(0x0A, 0x07, 0x03, 'P',  // ext traits, class "P"
                0x00, 0x00, 0x00, 0x07,               // int 7
                0x3F, 0xF0, 0, 0, 0, 0, 0, 0,         // double 1.0
                0x09,                                 // byte 9
                0xAA, 0xBB,                           // 2 raw bytes
                0x06, 0x00);                          // AMF3 string ref 0 → "P" (tables are shared)
        Amf3Value v = Amf3.decode(ByteBuffer.wrap(wire), AmfLimits.DEFAULT, reg);
        Amf3Externalizable expected = new Amf3Externalizable("P", Amf3Array.of(new Amf3Integer(7), new Amf3Double(1.0),
                new Amf3Integer(9), new Amf3ByteArray(new byte[] {(byte) 0xAA, (byte) 0xBB}), Amf3Value.of("P")));
        assertThat(v).isEqualTo(expected);
        assertThat(Amf3.encode(List.of(v), reg)).isEqualTo(wire);
        // a truncated custom body is a protocol error too
        assertThatThrownBy(() -> Amf3.decode(ByteBuffer.wrap(java.util.Arrays.copyOf(wire, 10)), AmfLimits.DEFAULT, reg))
                .isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void avmplusSwitchFromAmf0() {
        byte[] wire = bytes(
                0x11,                           // avmplus-object-marker, amf0.txt §3.1
                0x06, 0x03, 'a',                // AMF3 string "a" (AMF3 string index 0)
                0x02, 0x00, 0x01, 'b',          // AMF0 string "b"
                0x11,                           // avmplus-object-marker again
                0x06, 0x00);                    // AMF3 string ref 0: tables span the message
        List<Amf0Value> values = Amf0.decodeAll(ByteBuffer.wrap(wire));
        assertThat(values).containsExactly(new Amf0Avmplus(Amf3Value.of("a")), Amf0Value.of("b"),
                new Amf0Avmplus(Amf3Value.of("a")));
        assertThat(Amf0.encode(values)).isEqualTo(wire);
    }

    @Test
    void withoutAvmplusReplacesAtAnyDepth() {
        Amf0Object meta = Amf0Object.builder().put("w", new Amf0Avmplus(new Amf3Integer(1280)))
                .put("list", Amf0Value.array(new Amf0Avmplus(Amf3Value.of("x")))).put("plain", 1.0).build();
        Amf0Value plain = Amf0.withoutAvmplus(meta);
        assertThat(plain).isEqualTo(Amf0Object.builder().put("w", 1280.0)
                .put("list", Amf0Value.array(Amf0Value.of("x"))).put("plain", 1.0).build());
        Amf0Object untouched = Amf0Object.builder().put("a", 1.0).build();
        assertThat(Amf0.withoutAvmplus(untouched)).isSameAs(untouched);
    }

    @Test
    void badMarkersAndReferences() {
        refused(bytes(0x12), "unknown AMF3 type marker 0x12");
        refused(bytes(0xFF), "unknown AMF3 type marker 0xFF");
        refused(bytes(0x06, 0x02), "string reference 1");                   // string table empty
        refused(bytes(0x09, 0x00), "object reference 0");                   // object table empty
        refused(bytes(0x0A, 0x05), "traits reference 1");                   // traits table empty
        refused(bytes(0x09, 0x03, 0x01, 0x09, 0x00), "cyclic");              // array containing itself
        refused(bytes(0x08, 0x01, 0, 0, 0, 0, 0, 0, 0, 0,                   // date (object index 0)
                0x09, 0x00), "points to a Amf3Date");                        // array-marker, ref to the date
    }

    @Test
    void everyTruncationIsAProtocolError() {
        byte[] full = Amf3.encode(richValue());
        assertThat(Amf3.decode(ByteBuffer.wrap(full))).isEqualTo(richValue());
        for (int len = 0; len < full.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(full, len);
            assertThatThrownBy(() -> Amf3.decode(ByteBuffer.wrap(cut)))
                    .as("cut at %d", len).isInstanceOf(RtmpProtocolException.class);
        }
    }

    @Test
    void declaredCountsBeyondTheInputFailBeforeAllocation() {
        // U29 0xFFFFFFFF → header 2^29-1: inline, count 2^28-1
        for (int marker : new int[] {0x09, 0x0D, 0x0E, 0x0F, 0x10, 0x11}) {
            byte[] wire = bytes(marker, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x01, 0x01);
            AmfLimits roomy = AmfLimits.DEFAULT.withMaxCollectionCount(Integer.MAX_VALUE);
            assertThatThrownBy(() -> Amf3.decode(ByteBuffer.wrap(wire), roomy))
                    .as("marker 0x%02X", marker).isInstanceOf(RtmpProtocolException.class);
        }
        AmfLimits roomy = AmfLimits.DEFAULT.withMaxStringBytes(Integer.MAX_VALUE);
        for (int marker : new int[] {0x06, 0x07, 0x0B, 0x0C}) {
            assertThatThrownBy(() -> Amf3.decode(ByteBuffer.wrap(bytes(marker, 0xFF, 0xFF, 0xFF, 0xFF, 'x')), roomy))
                    .as("marker 0x%02X", marker).isInstanceOf(RtmpProtocolException.class)
                    .hasMessageContaining("truncated");
        }
        // sealed member count 2^25-1 with nothing after it
        assertThatThrownBy(() -> Amf3.decode(ByteBuffer.wrap(bytes(0x0A, 0xFF, 0xFF, 0xFF, 0xF3, 0x01))))
                .isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void depthLimit() {
        assertThat(Amf3.decode(ByteBuffer.wrap(nestedArrays(64)))).isNotNull();
        assertThatThrownBy(() -> Amf3.decode(ByteBuffer.wrap(nestedArrays(65))))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> Amf3.decode(ByteBuffer.wrap(nestedArrays(200_000))))
                .isInstanceOf(RtmpProtocolException.class);
        // the AMF0 levels around an AVM+ value count too
        byte[] mixed = concat(bytes(0x0A, 0, 0, 0, 1, 0x11), nestedArrays(64));
        assertThatThrownBy(() -> Amf0.decode(ByteBuffer.wrap(mixed))).isInstanceOf(RtmpProtocolException.class);
    }

    private static byte[] nestedArrays(int depth) {
        byte[] b = new byte[depth * 3];
        for (int i = 0; i < depth; i++) {
            b[3 * i] = 0x09;                                 // array-marker
            b[3 * i + 1] = (byte) (i == depth - 1 ? 0x01 : 0x03); // dense count 0 or 1
            b[3 * i + 2] = 0x01;                             // no associative part
        }
        return b;
    }

    @Test
    void referenceBombIsRefused() {
        // array i holds two references to array i-1: 2^n expansion
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int n = 40;
        out.write(0x09); out.write(n * 2 + 1); out.write(0x01);   // outer array, dense count n (n*2+1 < 128)
        out.write(0x09); out.write(0x01); out.write(0x01);        // object index 1: empty array
        for (int i = 2; i <= n; i++) {
            out.write(0x09); out.write(0x05); out.write(0x01);    // array, dense count 2
            out.write(0x09); out.write((i - 1) << 1);             // ref i-1
            out.write(0x09); out.write((i - 1) << 1);             // ref i-1
        }
        refused(out.toByteArray(), "expand");
        // a large string referenced many times is accounted for as well
        byte[] big = Amf3.encode(Amf3Array.dense(java.util.Collections.nCopies(1000, Amf3Value.of("y".repeat(1000)))));
        assertThat(big.length).isLessThan(5000);
        assertThatThrownBy(() -> Amf3.decode(ByteBuffer.wrap(big), AmfLimits.DEFAULT.withMaxTotalBytes(100_000)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("expand");
        assertThat(Amf3.decode(ByteBuffer.wrap(big))).isNotNull();
    }

    /** A value that uses every marker, nested, with repeated strings, traits and instances. */
    static Amf3Value richValue() {
        Amf3Traits point = new Amf3Traits("Point", true, List.of("x", "y"));
        Amf3Object p1 = new Amf3Object(point, List.of(new Amf3Integer(1), new Amf3Double(2.5)),
                List.of(new Amf3Property("label", Amf3Value.of("origin"))));
        Amf3Object p2 = new Amf3Object(point, List.of(new Amf3Integer(-3), Amf3Null.INSTANCE), List.of());
        Amf3ByteArray bytes = new Amf3ByteArray(new byte[] {0, 1, 2, (byte) 0x80});
        return new Amf3Array(List.of(
                new Amf3Property("label", Amf3Value.of("origin")),
                new Amf3Property("bytes", bytes)),
                List.of(Amf3Undefined.INSTANCE, Amf3Null.INSTANCE, Amf3Boolean.TRUE, Amf3Boolean.FALSE,
                        new Amf3Integer(Amf3Integer.MIN_VALUE), new Amf3Double(Double.NaN), Amf3Value.of("日本"),
                        new Amf3XmlDocument("<doc/>"), new Amf3Date(1.5e12), p1, p2, p1, bytes,
                        new Amf3Xml("<x/>"),
                        new Amf3VectorInt(true, List.of(Integer.MIN_VALUE, 0, Integer.MAX_VALUE)),
                        new Amf3VectorUint(false, List.of(0L, 0xFFFF_FFFFL)),
                        new Amf3VectorDouble(false, List.of(-0.0, Double.POSITIVE_INFINITY)),
                        new Amf3VectorObject(false, "Point", List.of(p2)),
                        new Amf3Dictionary(false, List.of(new Amf3Dictionary.Entry(p1, Amf3Value.of("label")))),
                        new Amf3Externalizable(Amf3ExternalizableRegistry.OBJECT_PROXY,
                                Amf3Object.builder().put("label", new Amf3Integer(0)).build())));
    }

    @Test
    void richValueRoundTripsBothWays() {
        Amf3Value v = richValue();
        byte[] wire = Amf3.encode(v);
        Amf3Value decoded = Amf3.decode(ByteBuffer.wrap(wire));
        assertThat(decoded).isEqualTo(v);
        assertThat(Amf3.encode(decoded)).isEqualTo(wire);
        // and through AMF0's AVM+ switch
        byte[] amf0 = Amf0.encode(new Amf0Avmplus(v));
        assertThat(amf0[0]).isEqualTo((byte) 0x11);
        assertThat(Amf0.decode(ByteBuffer.wrap(amf0))).isEqualTo(new Amf0Avmplus(v));
    }

    @Test
    void bridgeToAmf0() {
        assertThat(Amf3.toAmf0(Amf3Undefined.INSTANCE)).isEqualTo(Amf0Undefined.INSTANCE);
        assertThat(Amf3.toAmf0(Amf3Null.INSTANCE)).isEqualTo(Amf0Null.INSTANCE);
        assertThat(Amf3.toAmf0(Amf3Boolean.TRUE)).isEqualTo(Amf0Boolean.TRUE);
        assertThat(Amf3.toAmf0(new Amf3Integer(-7))).isEqualTo(new Amf0Number(-7));
        assertThat(Amf3.toAmf0(new Amf3Double(2.5))).isEqualTo(new Amf0Number(2.5));
        assertThat(Amf3.toAmf0(Amf3Value.of("s"))).isEqualTo(Amf0Value.of("s"));
        assertThat(Amf3.toAmf0(new Amf3XmlDocument("<a/>"))).isEqualTo(new Amf0XmlDocument("<a/>"));
        assertThat(Amf3.toAmf0(new Amf3Xml("<b/>"))).isEqualTo(new Amf0XmlDocument("<b/>"));
        assertThat(Amf3.toAmf0(new Amf3Date(12.0))).isEqualTo(Amf0Date.of(12.0));
        assertThat(Amf3.toAmf0(Amf3Array.of(new Amf3Integer(1)))).isEqualTo(Amf0Value.array(Amf0Value.of(1.0)));
        assertThat(Amf3.toAmf0(new Amf3Array(List.of(new Amf3Property("k", Amf3Boolean.TRUE)), List.of(Amf3Null.INSTANCE))))
                .isEqualTo(Amf0EcmaArray.builder().putNull("0").put("k", true).build());
        assertThat(Amf3.toAmf0(Amf3Object.builder().put("width", new Amf3Integer(1280)).build()))
                .isEqualTo(Amf0Object.builder().put("width", 1280.0).build());
        assertThat(Amf3.toAmf0(new Amf3Object(new Amf3Traits("T", false, List.of("a")), List.of(Amf3Value.of("v")), List.of())))
                .isEqualTo(Amf0TypedObject.builder("T").put("a", "v").build());
        assertThat(Amf3.toAmf0(new Amf3ByteArray(new byte[] {0, (byte) 0xFF})))
                .isEqualTo(Amf0Value.array(Amf0Value.of(0.0), Amf0Value.of(255.0)));
        assertThat(Amf3.toAmf0(new Amf3VectorInt(false, List.of(-1)))).isEqualTo(Amf0Value.array(Amf0Value.of(-1.0)));
        assertThat(Amf3.toAmf0(new Amf3VectorUint(false, List.of(0xFFFF_FFFFL))))
                .isEqualTo(Amf0Value.array(Amf0Value.of(4294967295.0)));
        assertThat(Amf3.toAmf0(new Amf3VectorDouble(false, List.of(0.5)))).isEqualTo(Amf0Value.array(Amf0Value.of(0.5)));
        assertThat(Amf3.toAmf0(new Amf3VectorObject(false, "*", List.of(Amf3Null.INSTANCE))))
                .isEqualTo(Amf0Value.array(Amf0Null.INSTANCE));
        assertThat(Amf3.toAmf0(new Amf3Dictionary(false, List.of(new Amf3Dictionary.Entry(new Amf3Integer(3), Amf3Boolean.TRUE),
                new Amf3Dictionary.Entry(Amf3Value.of("k"), Amf3Null.INSTANCE)))))
                .isEqualTo(Amf0EcmaArray.builder().put("3", true).putNull("k").build());
        Amf3Object keyObject = Amf3Object.builder().build();
        assertThat(Amf3.toAmf0(new Amf3Dictionary(false, List.of(new Amf3Dictionary.Entry(keyObject, Amf3Boolean.TRUE)))))
                .isEqualTo(Amf0Value.array(Amf0Value.array(Amf0Object.EMPTY, Amf0Boolean.TRUE)));
        assertThat(Amf3.toAmf0(new Amf3Externalizable(Amf3ExternalizableRegistry.OBJECT_PROXY, Amf3Object.builder().build())))
                .isEqualTo(Amf0Object.EMPTY);
    }

    @Test
    void bridgeRefusesNamesAmf0CannotCarry() {
        Amf3Object o = Amf3Object.builder().put("n".repeat(70_000), Amf3Null.INSTANCE).build();
        assertThatThrownBy(() -> Amf3.toAmf0(o)).isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void bridgeToAmf0_refusesAReferenceBombInsteadOfExpandingIt() {
        // AMF3 object references share one instance (amf3.txt §2.2 reference tables); the AMF0 bridge
        // writes a shared value out once per reference, so 21 levels of an array holding the previous
        // level twice expand to 2^22 values from a body of about a hundred bytes. The decoder lets it
        // through (its expanded size, some 8 MiB, is under AmfLimits.maxTotalBytes); the bridge, which
        // would allocate an object per value, stops at maxCollectionCount (2^20) values.
        Amf3Value v = new Amf3Integer(1);
        for (int i = 0; i < 21; i++) {
            v = Amf3Array.of(v, v);
        }
        Amf3Value bomb = v;
        byte[] body = Amf3.encode(bomb);
        assertThat(body.length).isLessThan(400); // references keep the wire form tiny
        Amf3Value decoded = Amf3.decode(ByteBuffer.wrap(body));
        assertThatThrownBy(() -> Amf3.toAmf0(decoded))
                .isInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining("too large to convert to AMF0");
    }

    @Test
    void bridgeToAmf0_countsByteArrayBytesAgainstTheLimit() {
        Amf3ByteArray bytes = new Amf3ByteArray(new byte[100]);
        assertThat(Amf3.toAmf0(bytes, AmfLimits.DEFAULT.withMaxCollectionCount(101)))
                .isInstanceOf(Amf0StrictArray.class);
        assertThatThrownBy(() -> Amf3.toAmf0(bytes, AmfLimits.DEFAULT.withMaxCollectionCount(100)))
                .isInstanceOf(RtmpProtocolException.class);
    }

    /** How many AMF0 values a tree holds (a value reached twice counts twice): what the bridge produced. */
    static long amf0Values(Amf0Value v) {
        long n = 1;
        if (v instanceof Amf0StrictArray a) {
            for (Amf0Value e : a.values()) {
                n += amf0Values(e);
            }
        } else if (v instanceof Amf0Properties p) {
            for (Amf0Property e : p.properties()) {
                n += amf0Values(e.value());
            }
        }
        return n;
    }

    /** Converts {@code v} with a budget of exactly the size of its AMF0 form, and with one less. */
    private static void budgetIsExactlyTheProducedSize(Amf3Value v) {
        long produced = amf0Values(Amf3.toAmf0(v));
        AmfLimits exact = AmfLimits.DEFAULT.withMaxCollectionCount(Math.toIntExact(produced));
        AmfLimits short1 = AmfLimits.DEFAULT.withMaxCollectionCount(Math.toIntExact(produced - 1));
        assertThat(Amf3.toAmf0(v, exact)).as("budget %d for %s", produced, v).isEqualTo(Amf3.toAmf0(v));
        assertThatThrownBy(() -> Amf3.toAmf0(v, short1)).as("budget %d for %s", produced - 1, v)
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("too large to convert to AMF0");
        assertThat(Amf3.tryToAmf0(v, exact)).contains(Amf3.toAmf0(v));
        assertThat(Amf3.tryToAmf0(v, short1)).isEmpty();
    }

    @Test
    void bridgeBudgetCountsExactlyTheAmf0ValuesItProduces() {
        Amf3Object key = Amf3Object.builder().put("k", new Amf3Integer(1)).build();
        Amf3ByteArray bytes = new Amf3ByteArray(new byte[5]);
        for (Amf3Value v : List.of(
                Amf3Null.INSTANCE,
                richValue(),
                // dictionary in the ECMA-array form: its keys become property names, not values
                new Amf3Dictionary(false, List.of(new Amf3Dictionary.Entry(Amf3Value.of("a"), bytes),
                        new Amf3Dictionary.Entry(new Amf3Integer(7), Amf3Null.INSTANCE),
                        new Amf3Dictionary.Entry(new Amf3Double(-2.0), key))),
                // dictionary in the pair form: one two-element strict array per entry, holding key and value
                new Amf3Dictionary(true, List.of(new Amf3Dictionary.Entry(Amf3Value.of("a"), bytes),
                        new Amf3Dictionary.Entry(key, Amf3Null.INSTANCE))),
                // a key AMF0 cannot carry as a name also selects the pair form
                new Amf3Dictionary(false, List.of(new Amf3Dictionary.Entry(Amf3Value.of("n".repeat(70_000)), bytes))),
                // externalizable objects become their content and add nothing of their own
                new Amf3Externalizable(Amf3ExternalizableRegistry.ARRAY_COLLECTION, Amf3Array.of(bytes, bytes)),
                new Amf3Externalizable(Amf3ExternalizableRegistry.OBJECT_PROXY,
                        new Amf3Externalizable(Amf3ExternalizableRegistry.OBJECT_PROXY, key)))) {
            budgetIsExactlyTheProducedSize(v);
        }
    }

    @Test
    void bridgeConvertsEachDictionaryEntryOnce() {
        // The second key is an object, so the dictionary takes the pair form. Its AMF0 form holds
        // 1 (outer strict array) + [1 (pair) + 1 ("a") + 101 (byte array and its 100 numbers)]
        // + [1 (pair) + 1 (object) + 1 (null)] = 107 values. A bridge that began in the ECMA form and
        // restarted at the object key converted the byte array (101 values) a second time.
        Amf3Dictionary d = new Amf3Dictionary(false, List.of(
                new Amf3Dictionary.Entry(Amf3Value.of("a"), new Amf3ByteArray(new byte[100])),
                new Amf3Dictionary.Entry(Amf3Object.builder().build(), Amf3Null.INSTANCE)));
        Amf0Value amf0 = Amf3.toAmf0(d, AmfLimits.DEFAULT.withMaxCollectionCount(107));
        assertThat(amf0).isInstanceOf(Amf0StrictArray.class);
        assertThat(amf0Values(amf0)).isEqualTo(107);
        assertThatThrownBy(() -> Amf3.toAmf0(d, AmfLimits.DEFAULT.withMaxCollectionCount(106)))
                .isInstanceOf(RtmpProtocolException.class);
    }
}
