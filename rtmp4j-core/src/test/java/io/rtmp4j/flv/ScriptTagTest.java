package io.rtmp4j.flv;

import static io.rtmp4j.flv.FlvFileTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.amf.Amf0Null;
import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Script data: flv-10.1.txt Annex E.4.4, E.5; RTMP data messages of type 18 and 15. */
class ScriptTagTest {

    /** "onMetaData", ECMA array {width: 320.0, stereo: true}: E.4.4.1 SCRIPTDATA, amf0.txt §2.10. */
    static final byte[] ON_META_DATA = bytes(
            0x02, 0x00, 0x0A,                                     // String marker, length 10
            'o', 'n', 'M', 'e', 't', 'a', 'D', 'a', 't', 'a',     // "onMetaData"
            0x08, 0x00, 0x00, 0x00, 0x02,                         // ECMA array marker, associative count 2
            0x00, 0x05, 'w', 'i', 'd', 't', 'h',                  // key "width"
            0x00, 0x40, 0x74, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // Number 320.0
            0x00, 0x06, 's', 't', 'e', 'r', 'e', 'o',             // key "stereo"
            0x01, 0x01,                                           // Boolean true
            0x00, 0x00, 0x09);                                    // object end

    /** The same, as a publisher sends it: "@setDataFrame" first (RTMP, not a file form). */
    static final byte[] SET_DATA_FRAME = concat(bytes(
            0x02, 0x00, 0x0D,                                     // String marker, length 13
            '@', 's', 'e', 't', 'D', 'a', 't', 'a', 'F', 'r', 'a', 'm', 'e'), ON_META_DATA);

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static final Amf0EcmaArray PROPS = Amf0EcmaArray.builder().put("width", 320.0).put("stereo", true).build();

    @Test
    void decodesOnMetaData() {
        ScriptTag s = ScriptTag.decode(ON_META_DATA);
        assertThat(s.name()).isEqualTo("onMetaData");
        assertThat(s.arguments()).containsExactly(PROPS);
        assertThat(s.isOnMetaData()).isTrue();
        assertThat(s.isSetDataFrame()).isFalse();
        assertThat(s.metaData().orElseThrow().number("width")).contains(320.0);
        assertThat(s.encode()).containsExactly(ON_META_DATA);
        assertThat(ScriptTag.onMetaData(PROPS).encode()).containsExactly(ON_META_DATA);
    }

    @Test
    void unwrapsAndWrapsSetDataFrame() {
        ScriptTag wrapped = ScriptTag.decode(SET_DATA_FRAME);
        assertThat(wrapped.name()).isEqualTo("@setDataFrame");
        assertThat(wrapped.isSetDataFrame()).isTrue();
        assertThat(wrapped.isOnMetaData()).isTrue();
        assertThat(wrapped.metaData()).contains(PROPS);
        ScriptTag file = wrapped.unwrapSetDataFrame();
        assertThat(file).isEqualTo(ScriptTag.of("onMetaData", PROPS));
        assertThat(file.encode()).containsExactly(ON_META_DATA);
        assertThat(file.wrapSetDataFrame().encode()).containsExactly(SET_DATA_FRAME);
        assertThat(file.unwrapSetDataFrame()).isSameAs(file);
        // @setDataFrame whose first argument is not a string stays as it is
        ScriptTag odd = ScriptTag.of("@setDataFrame", Amf0Null.INSTANCE);
        assertThat(odd.unwrapSetDataFrame()).isSameAs(odd);
        assertThat(odd.isOnMetaData()).isFalse();
    }

    @Test
    void otherScriptTags() {
        ScriptTag cue = ScriptTag.of("onCuePoint", Amf0Object.builder().put("name", "c1").put("time", 1.5).build());
        assertThat(ScriptTag.decode(cue.encode())).isEqualTo(cue);
        assertThat(cue.isOnMetaData()).isFalse();
        assertThat(cue.metaData()).isEmpty();
        ScriptTag noArgs = ScriptTag.of("|RtmpSampleAccess");
        assertThat(ScriptTag.decode(noArgs.encode())).isEqualTo(noArgs);
        ScriptTag many = ScriptTag.of("onTextData", Amf0Value.of("a"), Amf0Value.of(2.0), Amf0Null.INSTANCE);
        assertThat(ScriptTag.decode(many.encode()).arguments()).hasSize(3);
    }

    @Test
    void type15DataSkipsTheFormatByte() {
        byte[] amf3Form = concat(bytes(0x00), SET_DATA_FRAME); // message type 15: format byte 0, then AMF0
        ScriptTag s = ScriptTag.decode(ScriptTag.TYPE_AMF3, amf3Form);
        assertThat(s).isEqualTo(ScriptTag.decode(SET_DATA_FRAME));
        // a type 15 body without the format byte is read as AMF0 from its first byte
        assertThat(ScriptTag.decode(ScriptTag.TYPE_AMF3, SET_DATA_FRAME)).isEqualTo(s);
        assertThat(ScriptTag.decode(ScriptTag.TYPE_AMF0, ON_META_DATA).name()).isEqualTo("onMetaData");
        assertThatThrownBy(() -> ScriptTag.decode(20, ON_META_DATA)).isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void type15DataWithAmf3ValuesBecomesAmf0ForFiles() {
        byte[] body = bytes(
                0x00,                                  // type 15 format byte
                0x11, 0x06, 0x0B, 'h', 'e', 'l', 'l', 'o', // AVM+ switch; AMF3 string, U29 (5 << 1 | 1), "hello"
                0x11, 0x0A, 0x0B, 0x01,                // AVM+; AMF3 object, traits inline dynamic 0 sealed, class ""
                0x03, 'w',                             //   member name "w" (U29 1 << 1 | 1)
                0x04, 0x05,                            //   integer 5
                0x01,                                  //   empty name: end of dynamic members
                0x00, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0);   // AMF0 number 1.0
        ScriptTag s = ScriptTag.decode(ScriptTag.TYPE_AMF3, body);
        assertThat(s.name()).isEqualTo("hello");
        assertThat(s.arguments()).hasSize(2);
        assertThat(s.arguments().get(0)).isInstanceOf(io.rtmp4j.amf.Amf0Avmplus.class);
        ScriptTag file = s.forFile();
        assertThat(file.arguments().get(0)).isInstanceOfSatisfying(io.rtmp4j.amf.Amf0Properties.class,
                p -> assertThat(p.number("w")).contains(5.0));
        assertThat(file.arguments().get(1)).isEqualTo(Amf0Value.of(1.0));
        // the file form is plain AMF0 and reads back the same
        assertThat(ScriptTag.decode(file.encode())).isEqualTo(file);
        assertThat(file.toAmf0()).isSameAs(file);
    }

    @Test
    void forFileUnwrapsAndConverts() {
        byte[] type15 = concat(bytes(0x00), SET_DATA_FRAME);
        ScriptTag file = ScriptTag.decode(ScriptTag.TYPE_AMF3, type15).forFile();
        assertThat(file.encode()).containsExactly(ON_META_DATA);
    }

    @Test
    void malformedScriptData() {
        assertThatThrownBy(() -> ScriptTag.decode(new byte[0]))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> ScriptTag.decode(bytes(0x00, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("not a string");
        assertThatThrownBy(() -> ScriptTag.decode(bytes(0x02, 0x00, 0x0A, 'o', 'n')))
                .isInstanceOf(RtmpProtocolException.class);
        assertThatThrownBy(() -> ScriptTag.decode(List.of(0x1F).stream().mapToInt(i -> i).collect(
                java.io.ByteArrayOutputStream::new, (o, i) -> o.write(i), (a, b) -> { }).toByteArray()))
                .isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void forFileTurnsAnObjectIntoAnEcmaArray() {
        // nginx-rtmp relays onMetaData with an object (marker 0x03) rather than an ECMA array (0x08)
        ScriptTag fromObject = ScriptTag.of("@setDataFrame", Amf0Value.of("onMetaData"),
                Amf0Object.builder().put("width", 320.0).put("stereo", true).build());
        assertThat(fromObject.forFile().encode()).containsExactly(ON_META_DATA);
        // other script tags keep their objects
        ScriptTag cue = ScriptTag.of("onCuePoint", Amf0Object.builder().put("name", "c").build());
        assertThat(cue.forFile()).isEqualTo(cue);
    }
}
