package io.rtmp4j.amf;

import io.rtmp4j.RtmpProtocolException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.rtmp4j.amf.AmfTestBytes.ascii;
import static io.rtmp4j.amf.AmfTestBytes.bytes;
import static io.rtmp4j.amf.AmfTestBytes.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden vectors and round trips for every AMF0 marker (amf0.txt §2). */
class Amf0Test {

    /** Decodes {@code wire} to exactly {@code expected}, and encodes {@code expected} back to {@code wire}. */
    private static void golden(byte[] wire, Amf0Value expected) {
        ByteBuffer buf = ByteBuffer.wrap(wire);
        assertThat(Amf0.decode(buf)).isEqualTo(expected);
        assertThat(buf.remaining()).as("whole vector consumed").isZero();
        assertThat(Amf0.encode(expected)).isEqualTo(wire);
    }

    @Test
    void number() {
        golden(bytes(
                0x00,                                           // number-marker, §2.2
                0x40, 0x34, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00  // DOUBLE 20.0 (0x4034000000000000)
        ), new Amf0Number(20.0));
        golden(bytes(
                0x00,                                           // number-marker
                0xBF, 0xF0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00  // DOUBLE -1.0
        ), Amf0Value.of(-1.0));
    }

    @Test
    void booleans() {
        golden(bytes(0x01,  // boolean-marker, §2.3
                0x01),      // U8 1: true
                Amf0Boolean.TRUE);
        golden(bytes(0x01,  // boolean-marker
                0x00),      // U8 0: false
                Amf0Value.of(false));
        // §2.3: any non-zero byte is true
        assertThat(Amf0.decode(ByteBuffer.wrap(bytes(0x01, 0x7F)))).isEqualTo(Amf0Boolean.TRUE);
    }

    @Test
    void shortString() {
        golden(bytes(
                0x02,                   // string-marker, §2.4
                0x00, 0x04,             // U16 byte length 4
                'l', 'i', 'v', 'e'      // UTF-8 "live"
        ), Amf0Value.of("live"));
        golden(bytes(
                0x02,                   // string-marker
                0x00, 0x02,             // U16 length 2: one two-byte code point
                0xC3, 0xA9              // UTF-8 "é" (U+00E9)
        ), Amf0Value.of("é"));
        golden(bytes(0x02, 0x00, 0x00), Amf0String.EMPTY); // string-marker, U16 length 0
    }

    @Test
    void longStringKeepsItsForm() {
        byte[] wire = bytes(
                0x0C,                   // long-string-marker, §2.14
                0x00, 0x00, 0x00, 0x02, // U32 length 2
                'h', 'i');              // "hi"
        golden(wire, new Amf0String("hi", true));
        assertThat(Amf0.decode(ByteBuffer.wrap(wire)).asString()).isEqualTo("hi");
        assertThat(new Amf0String("hi", true)).isNotEqualTo(Amf0Value.of("hi"));
    }

    @Test
    void longStringChosenByLength() {
        String big = "x".repeat(70_000);
        Amf0String s = Amf0Value.of(big);
        assertThat(s.longForm()).isTrue();
        byte[] wire = Amf0.encode(s);
        assertThat(wire).startsWith(0x0C, 0x00, 0x01, 0x11, 0x70); // marker, U32 70000 = 0x00011170
        assertThat(wire).hasSize(1 + 4 + 70_000);
        assertThat(Amf0.decode(ByteBuffer.wrap(wire))).isEqualTo(s);
        assertThat(Amf0Value.of("x".repeat(65_535)).longForm()).isFalse();
        assertThat(Amf0Value.of("x".repeat(65_536)).longForm()).isTrue();
        // 21846 three-byte characters = 65538 bytes: needs the long form even though few chars
        assertThat(Amf0Value.of("€".repeat(21_846)).longForm()).isTrue();
        assertThatThrownBy(() -> new Amf0String("x".repeat(65_536), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void object() {
        golden(bytes(
                0x03,                           // object-marker, §2.5
                0x00, 0x03, 'a', 'p', 'p',      // UTF-8 name "app"
                0x02, 0x00, 0x04, 'l', 'i', 'v', 'e', // string "live"
                0x00, 0x0E,                     // UTF-8 name, 14 bytes
                'o', 'b', 'j', 'e', 'c', 't', 'E', 'n', 'c', 'o', 'd', 'i', 'n', 'g', // "objectEncoding"
                0x00, 0, 0, 0, 0, 0, 0, 0, 0,   // number 0.0
                0x00, 0x00, 0x09                // object-end-type, §2.11
        ), Amf0Object.builder().put("app", "live").put("objectEncoding", 0.0).build());
        golden(bytes(0x03,          // object-marker
                0x00, 0x00, 0x09),  // object end at once: empty object
                Amf0Object.EMPTY);
    }

    @Test
    void nullAndUndefinedAndUnsupported() {
        golden(bytes(0x05), Amf0Null.INSTANCE);        // null-marker, §2.7
        golden(bytes(0x06), Amf0Undefined.INSTANCE);   // undefined-marker, §2.8
        golden(bytes(0x0D), Amf0Unsupported.INSTANCE); // unsupported-marker, §2.15
    }

    @Test
    void ecmaArrayKeepsDeclaredCount() {
        golden(bytes(
                0x08,                           // ecma-array-marker, §2.10
                0x00, 0x00, 0x00, 0x02,         // U32 associative-count 2
                0x00, 0x08, 'd', 'u', 'r', 'a', 't', 'i', 'o', 'n', // name "duration"
                0x00, 0x40, 0x34, 0, 0, 0, 0, 0, 0,                 // number 20.0
                0x00, 0x05, 'w', 'i', 'd', 't', 'h',                // name "width"
                0x00, 0x40, 0x94, 0, 0, 0, 0, 0, 0,                 // number 1280.0 (0x4094000000000000)
                0x00, 0x00, 0x09                // object-end-type
        ), Amf0EcmaArray.builder().put("duration", 20.0).put("width", 1280.0).build());
        // encoders write 0 (or a wrong count): the properties are still read up to the object end
        Amf0EcmaArray zeroCount = (Amf0EcmaArray) Amf0.decode(ByteBuffer.wrap(bytes(
                0x08,                           // ecma-array-marker
                0x00, 0x00, 0x00, 0x00,         // U32 count 0 (advisory)
                0x00, 0x01, 'a',                // name "a"
                0x05,                           // null
                0x00, 0x00, 0x09)));            // object end
        assertThat(zeroCount.associativeCount()).isZero();
        assertThat(zeroCount.names()).containsExactly("a");
        assertThat(Amf0.encode(zeroCount)).isEqualTo(bytes(0x08, 0, 0, 0, 0, 0, 1, 'a', 0x05, 0, 0, 9));
    }

    @Test
    void ecmaArrayWithoutObjectEndAtTheEndOfInputIsAccepted() {
        byte[] wire = bytes(
                0x02, 0x00, 0x0A, 'o', 'n', 'M', 'e', 't', 'a', 'D', 'a', 't', 'a', // "onMetaData"
                0x08,                           // ecma-array-marker
                0x00, 0x00, 0x00, 0x01,         // associative-count 1
                0x00, 0x01, 'w',                // name "w"
                0x00, 0x40, 0x94, 0, 0, 0, 0, 0, 0); // 1280.0, then the input ends: no 00 00 09
        List<Amf0Value> values = Amf0.decodeAll(ByteBuffer.wrap(wire));
        assertThat(values.get(1)).isEqualTo(Amf0EcmaArray.builder().put("w", 1280.0).build());
        assertThat(Amf0.encode(values)).isEqualTo(concat(wire, bytes(0x00, 0x00, 0x09)));
        // with a count that does not match, the missing end is truncation
        byte[] wrongCount = wire.clone();
        wrongCount[16] = 2;
        assertThatThrownBy(() -> Amf0.decodeAll(ByteBuffer.wrap(wrongCount))).isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void strictArray() {
        golden(bytes(
                0x0A,                           // strict-array-marker, §2.12
                0x00, 0x00, 0x00, 0x03,         // U32 array-count 3
                0x05,                           // null
                0x01, 0x01,                     // true
                0x06                            // undefined
        ), Amf0Value.array(Amf0Null.INSTANCE, Amf0Boolean.TRUE, Amf0Undefined.INSTANCE));
    }

    @Test
    void date() {
        golden(bytes(
                0x0B,                                           // date-marker, §2.13
                0x42, 0x6D, 0x1A, 0x94, 0xA2, 0x00, 0x00, 0x00, // DOUBLE 1e12 ms (0x426D1A94A2000000)
                0x00, 0x00                                      // S16 time-zone 0
        ), Amf0Date.of(1e12));
        golden(bytes(
                0x0B,                                           // date-marker
                0x00, 0, 0, 0, 0, 0, 0, 0,                      // DOUBLE 0.0
                0xFF, 0xC4                                      // S16 time-zone -60 (kept verbatim)
        ), new Amf0Date(0.0, -60));
    }

    @Test
    void xmlDocument() {
        golden(bytes(
                0x0F,                           // xml-document-marker, §2.17
                0x00, 0x00, 0x00, 0x04,         // U32 length 4
                '<', 'a', '/', '>'              // "<a/>"
        ), new Amf0XmlDocument("<a/>"));
    }

    @Test
    void typedObject() {
        golden(bytes(
                0x10,                           // typed-object-marker, §2.18
                0x00, 0x03, 'F', 'o', 'o',      // class-name "Foo"
                0x00, 0x01, 'x',                // name "x"
                0x00, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0, // number 1.0
                0x00, 0x00, 0x09                // object-end-type
        ), Amf0TypedObject.builder("Foo").put("x", 1.0).build());
    }

    @Test
    void referenceIsResolvedToTheReferencedValue() {
        // strict array [obj, ref 1]: the table holds the array itself at 0 and obj at 1 (§2.9)
        byte[] wire = bytes(
                0x0A,                           // strict-array-marker (table index 0)
                0x00, 0x00, 0x00, 0x02,         // count 2
                0x03,                           // object-marker (table index 1)
                0x00, 0x01, 'k',                // name "k"
                0x02, 0x00, 0x01, 'v',          // string "v"
                0x00, 0x00, 0x09,               // object end
                0x07, 0x00, 0x01                // reference-marker, U16 index 1
        );
        Amf0StrictArray array = (Amf0StrictArray) Amf0.decode(ByteBuffer.wrap(wire));
        Amf0Object obj = Amf0Object.builder().put("k", "v").build();
        assertThat(array.values()).containsExactly(obj, obj);
        assertThat(array.get(1)).isSameAs(array.get(0));
    }

    @Test
    void referenceTableSpansAMessageBody() {
        byte[] wire = bytes(
                0x03, 0x00, 0x00, 0x09,         // value 1: empty object (index 0)
                0x07, 0x00, 0x00                // value 2: reference to index 0
        );
        assertThat(Amf0.decodeAll(ByteBuffer.wrap(wire))).containsExactly(Amf0Object.EMPTY, Amf0Object.EMPTY);
    }

    @Test
    void badReferences() {
        assertThatThrownBy(() -> Amf0.decode(ByteBuffer.wrap(bytes(0x07, 0x00, 0x00)))) // nothing in the table
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("reference 0");
        // an object referring to itself (cycle)
        assertThatThrownBy(() -> Amf0.decode(ByteBuffer.wrap(bytes(
                0x03, 0x00, 0x01, 'a', 0x07, 0x00, 0x00, 0x00, 0x00, 0x09))))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("cyclic");
    }

    @Test
    void decodeAllReadsACommand() {
        byte[] body = Amf0.encode(Amf0Value.of("connect"), Amf0Value.of(1.0),
                Amf0Object.builder().put("app", "live").put("objectEncoding", 0.0).build());
        List<Amf0Value> values = Amf0.decodeAll(ByteBuffer.wrap(body));
        assertThat(values).hasSize(3);
        assertThat(values.get(0).asString()).isEqualTo("connect");
        assertThat(values.get(1).asNumber()).isEqualTo(1.0);
        Amf0Object cmd = (Amf0Object) values.get(2);
        assertThat(cmd.string("app")).contains("live");
        assertThat(cmd.number("objectEncoding")).contains(0.0);
        assertThat(cmd.string("objectEncoding")).isEmpty();
        assertThat(cmd.string("missing")).isEmpty();
        assertThat(cmd.names()).containsExactly("app", "objectEncoding");
    }

    @Test
    void builderReplacesInPlaceAndKeepsOrder() {
        Amf0Object o = Amf0Object.builder().put("b", 1.0).put("a", 2.0).put("b", 3.0).build();
        assertThat(o.names()).containsExactly("b", "a");
        assertThat(o.number("b")).contains(3.0);
    }

    @Test
    void duplicatesOnTheWireAreKeptAndLastWins() {
        byte[] wire = bytes(0x03,
                0x00, 0x01, 'a', 0x00, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0, // a = 1.0
                0x00, 0x01, 'a', 0x00, 0x40, 0x00, 0, 0, 0, 0, 0, 0, // a = 2.0
                0x00, 0x00, 0x09);
        Amf0Object o = (Amf0Object) Amf0.decode(ByteBuffer.wrap(wire));
        assertThat(o.size()).isEqualTo(2);
        assertThat(o.number("a")).contains(2.0);
        assertThat(Amf0.encode(o)).isEqualTo(wire);
    }

    @Test
    void decodeAdvancesPositionOnlyOnSuccess() {
        ByteBuffer buf = ByteBuffer.wrap(bytes(0x05, 0x06, 0x02, 0x00, 0x05, 'x'));
        assertThat(Amf0.decode(buf)).isEqualTo(Amf0Null.INSTANCE);
        assertThat(buf.position()).isEqualTo(1);
        assertThat(Amf0.decode(buf)).isEqualTo(Amf0Undefined.INSTANCE);
        assertThatThrownBy(() -> Amf0.decode(buf)).isInstanceOf(RtmpProtocolException.class);
        assertThat(buf.position()).isEqualTo(2);
    }

    @Test
    void encodeToAppends() {
        ByteBuffer dst = ByteBuffer.allocate(16);
        dst.put((byte) 0x99);
        Amf0.encodeTo(dst, Amf0Null.INSTANCE, Amf0Value.of(true));
        assertThat(dst.position()).isEqualTo(4);
        assertThat(java.util.Arrays.copyOf(dst.array(), 4)).isEqualTo(bytes(0x99, 0x05, 0x01, 0x01));
        assertThatThrownBy(() -> Amf0.encodeTo(ByteBuffer.allocate(1), Amf0Value.of(1.0)))
                .isInstanceOf(java.nio.BufferOverflowException.class);
    }

    @Test
    void invalidUtf8BecomesReplacementCharacter() {
        Amf0Value v = Amf0.decode(ByteBuffer.wrap(bytes(0x02, 0x00, 0x01, 0xE9))); // Latin-1 'é'
        assertThat(v.asString()).isEqualTo("\uFFFD");
    }

    @Test
    void badMarkers() {
        for (int marker : new int[] {0x04, 0x0E, 0x09, 0x12, 0xFF}) {
            assertThatThrownBy(() -> Amf0.decode(ByteBuffer.wrap(bytes(marker))))
                    .as("marker 0x%02X", marker)
                    .isInstanceOf(RtmpProtocolException.class);
        }
    }

    @Test
    void everyTruncationIsAProtocolError() {
        byte[] full = Amf0.encode(Amf0Value.of("connect"), Amf0Value.of(1.0),
                Amf0Object.builder().put("app", "live").put("flag", true)
                        .put("arr", Amf0Value.array(Amf0Value.of(1.0), Amf0Date.of(5.0)))
                        .put("ecma", Amf0EcmaArray.builder().put("x", "y").build())
                        .put("typed", Amf0TypedObject.builder("T").build())
                        .put("xml", new Amf0XmlDocument("<x/>"))
                        .put("long", new Amf0String("L", true)).build());
        assertThat(Amf0.decodeAll(ByteBuffer.wrap(full))).hasSize(3);
        for (int len = 1; len < full.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(full, len);
            int n = len;
            try {
                Amf0.decodeAll(ByteBuffer.wrap(cut));
                // a cut at a value boundary is a shorter, valid body
                assertThat(n).as("only the value boundaries decode").isIn(10, 19);
            } catch (RtmpProtocolException expected) {
                // fine
            }
        }
    }

    @Test
    void strictArrayClaimingFourBillionElementsFailsAtOnce() {
        byte[] wire = bytes(0x0A,           // strict-array-marker
                0xFF, 0xFF, 0xFF, 0xFF,     // U32 count 2^32-1
                0x05);                      // one element present
        assertThatThrownBy(() -> Amf0.decode(ByteBuffer.wrap(wire)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("4294967295");
        AmfLimits roomy = AmfLimits.DEFAULT.withMaxCollectionCount(Integer.MAX_VALUE);
        byte[] big = bytes(0x0A, 0x7F, 0xFF, 0xFF, 0xFF, 0x05); // count 2^31-1, under the limit
        assertThatThrownBy(() -> Amf0.decode(ByteBuffer.wrap(big), roomy))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("remain");
    }

    @Test
    void stringLongerThanInputFailsBeforeAllocation() {
        byte[] wire = bytes(0x0C, 0x7F, 0xFF, 0xFF, 0xFF, 'a'); // long string claiming 2^31-1 bytes
        AmfLimits roomy = AmfLimits.DEFAULT.withMaxStringBytes(Integer.MAX_VALUE);
        assertThatThrownBy(() -> Amf0.decode(ByteBuffer.wrap(wire), roomy))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> Amf0.decode(ByteBuffer.wrap(wire)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("maxStringBytes");
    }

    @Test
    void depthLimit() {
        AmfLimits limits = AmfLimits.DEFAULT;
        assertThat(Amf0.decode(ByteBuffer.wrap(nestedArrays(64)), limits)).isNotNull();
        assertThatThrownBy(() -> Amf0.decode(ByteBuffer.wrap(nestedArrays(65)), limits))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("maxDepth");
        // far deeper than any stack could recurse: still a protocol error, not StackOverflowError
        assertThatThrownBy(() -> Amf0.decode(ByteBuffer.wrap(nestedArrays(100_000)), limits))
                .isInstanceOf(RtmpProtocolException.class);
        assertThatThrownBy(() -> Amf0.decode(ByteBuffer.wrap(nestedArrays(3)), limits.withMaxDepth(2)))
                .isInstanceOf(RtmpProtocolException.class);
    }

    /** {@code depth} strict arrays nested inside each other, the innermost empty. */
    private static byte[] nestedArrays(int depth) {
        ByteBuffer b = ByteBuffer.allocate(depth * 5);
        for (int i = 0; i < depth; i++) {
            b.put((byte) 0x0A).putInt(i == depth - 1 ? 0 : 1);
        }
        return b.array();
    }

    @Test
    void referencesCannotEscapeTheDepthLimit() {
        // index 0: an object nested 3 deep; then an object 2 deep referring to it → depth 5 > 4
        byte[] deep = Amf0.encode(Amf0Object.builder().put("a", Amf0Object.builder()
                .put("b", Amf0Object.EMPTY).build()).build());
        byte[] referrer = bytes(0x03, 0x00, 0x01, 'r', 0x03, 0x00, 0x01, 's',
                0x07, 0x00, 0x00,      // reference to index 0 (height 3)
                0x00, 0x00, 0x09, 0x00, 0x00, 0x09);
        byte[] wire = concat(deep, referrer);
        assertThat(Amf0.decodeAll(ByteBuffer.wrap(wire), AmfLimits.DEFAULT.withMaxDepth(5))).hasSize(2);
        assertThatThrownBy(() -> Amf0.decodeAll(ByteBuffer.wrap(wire), AmfLimits.DEFAULT.withMaxDepth(4)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("maxDepth");
    }

    @Test
    void referenceBombIsRefused() {
        // each array holds two references to the previous one: 2^n expansion in n * 9 bytes
        ByteBuffer b = ByteBuffer.allocate(4096);
        int n = 60;
        b.put((byte) 0x0A).putInt(n); // outer strict array holding the chain (index 0)
        b.put((byte) 0x0A).putInt(0); // index 1: empty array
        for (int i = 2; i <= n; i++) {
            b.put((byte) 0x0A).putInt(2).put((byte) 0x07).putShort((short) (i - 1)).put((byte) 0x07).putShort((short) (i - 1));
        }
        byte[] wire = java.util.Arrays.copyOf(b.array(), b.position());
        assertThatThrownBy(() -> Amf0.decode(ByteBuffer.wrap(wire)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("expand");
    }

    @Test
    void collectionCountLimit() {
        byte[] wire = Amf0.encode(Amf0Object.builder().put("a", 1.0).put("b", 2.0).put("c", 3.0).build());
        assertThat(Amf0.decode(ByteBuffer.wrap(wire), AmfLimits.DEFAULT.withMaxCollectionCount(3))).isNotNull();
        assertThatThrownBy(() -> Amf0.decode(ByteBuffer.wrap(wire), AmfLimits.DEFAULT.withMaxCollectionCount(2)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("maxCollectionCount");
    }

    @Test
    void defaultLimitsAcceptADayOfKeyframesInMetadata() {
        java.util.List<Amf0Value> times = new java.util.ArrayList<>();
        for (int i = 0; i < 86_400; i++) {
            times.add(Amf0Value.of((double) i));
        }
        Amf0EcmaArray meta = Amf0EcmaArray.builder().put("keyframes",
                Amf0Object.builder().put("times", new Amf0StrictArray(times)).build()).build();
        byte[] wire = Amf0.encode(Amf0Value.of("onMetaData"), meta);
        assertThat(Amf0.decodeAll(wire)).containsExactly(Amf0Value.of("onMetaData"), meta);
    }

    @Test
    void totalBytesLimit() {
        byte[] wire = Amf0.encode(Amf0Value.of("x".repeat(100)));
        assertThatThrownBy(() -> Amf0.decodeAll(ByteBuffer.wrap(wire), AmfLimits.DEFAULT.withMaxTotalBytes(50)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("maxTotalBytes");
        assertThatThrownBy(() -> Amf0.decode(ByteBuffer.wrap(wire), AmfLimits.DEFAULT.withMaxTotalBytes(50)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("maxTotalBytes");
        assertThat(Amf0.decode(ByteBuffer.wrap(wire), AmfLimits.DEFAULT.withMaxTotalBytes(wire.length))).isNotNull();
    }

    @Test
    void typedLookups() {
        Amf0Object info = Amf0Object.builder().put("level", "status").put("code", "NetStream.Play.Start")
                .put("ok", true).put("n", 2.0)
                .put("nested", Amf0EcmaArray.builder().put("w", 1.0).build()).build();
        assertThat(info.bool("ok")).contains(true);
        assertThat(info.bool("level")).isEmpty();
        assertThat(info.has("code")).isTrue();
        assertThat(info.has("nope")).isFalse();
        assertThat(info.object("nested").flatMap(o -> o.number("w"))).contains(1.0);
        assertThat(info.object("level")).isEmpty();
        assertThat(info.asMap()).containsOnlyKeys("level", "code", "ok", "n", "nested");
        assertThat(info.get("n").map(Amf0Value::asNumber)).contains(2.0);
        assertThat(Amf0Value.of("s").asNumber()).isNull();
        assertThat(Amf0Null.INSTANCE.isNullOrUndefined()).isTrue();
        assertThat(Amf0Value.of(0.0).isNullOrUndefined()).isFalse();
    }

    @Test
    void everyMarkerInOneBodyRoundTripsBothWays() {
        List<Amf0Value> values = List.of(Amf0Value.of(-0.0), Amf0Value.of(true), Amf0Value.of("s"),
                Amf0Object.builder().put("o", Amf0Value.array(Amf0Null.INSTANCE)).build(), Amf0Null.INSTANCE,
                Amf0Undefined.INSTANCE, Amf0EcmaArray.builder().put("e", "v").build(),
                Amf0Value.array(Amf0Value.of(1.0)), new Amf0Date(3.0, 1), new Amf0String("long", true),
                Amf0Unsupported.INSTANCE, new Amf0XmlDocument("<x/>"),
                Amf0TypedObject.builder("C").put("t", 1.0).build(), new Amf0Avmplus(Amf3Value.of("a")));
        byte[] wire = Amf0.encode(values);
        List<Amf0Value> decoded = Amf0.decodeAll(wire);
        assertThat(decoded).isEqualTo(values);
        assertThat(Amf0.encode(decoded)).isEqualTo(wire);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Amf0.encodeTo(out, values.toArray(new Amf0Value[0]));
        assertThat(out.toByteArray()).isEqualTo(wire);
    }

    @Test
    void multiByteUtf8RoundTrips() {
        String s = "日本語 🎥 é";
        byte[] wire = Amf0.encode(Amf0Value.of(s));
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        assertThat(wire).isEqualTo(concat(bytes(0x02, 0x00, utf8.length), utf8));
        assertThat(Amf0.decode(ByteBuffer.wrap(wire)).asString()).isEqualTo(s);
        assertThat(ascii("a")).isEqualTo(bytes('a'));
    }
}
