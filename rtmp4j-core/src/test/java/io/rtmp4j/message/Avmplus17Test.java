package io.rtmp4j.message;

import static io.rtmp4j.message.TestBytes.amfString;
import static io.rtmp4j.message.TestBytes.ascii;
import static io.rtmp4j.message.TestBytes.b;
import static io.rtmp4j.message.TestBytes.cat;
import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.amf.Amf0Avmplus;
import io.rtmp4j.chunk.RawMessage;
import org.junit.jupiter.api.Test;

/** Type 17 / 15 bodies that switch to AMF3 with the AVM+ marker 0x11 (amf0.txt §3.1, docs/INTEROP.md "Commands"). */
class Avmplus17Test {

    private final MessageCodec codec = new MessageCodec();

    static final byte[] CONNECT_17 = cat(
            b(0x00),                                                  // format byte of type 17
            amfString("connect"),                                     // AMF0 string "connect"
            b(0x00, 0x3F, 0xF0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00), // AMF0 number 1.0
            b(0x11),                                                  // AVM+ switch: one AMF3 value follows
            b(0x0A),                                                  //   AMF3 object marker (amf3.txt §3.12)
            b(0x0B),                                                  //   U29O-traits: inline, dynamic, 0 sealed
            b(0x01),                                                  //   class name "" (anonymous)
            b(0x07), ascii("app"),                                    //   member name "app" (U29S 3<<1|1)
            b(0x06, 0x09), ascii("live"),                             //   string marker, "live" (4<<1|1)
            b(0x0B), ascii("tcUrl"),                                  //   member name "tcUrl" (5<<1|1)
            b(0x06, 0x1B), ascii("rtmp://h/live"),                    //   string "rtmp://h/live" (13<<1|1)
            b(0x01));                                                 //   "" ends the dynamic members

    @Test
    void amf3CommandObjectBehindAvmplusIsReadable() {
        RawMessage raw = new RawMessage(3, 17, 0, 0, CONNECT_17);
        CommandMessage c = (CommandMessage) codec.decode(raw);
        assertThat(c.type()).isEqualTo(MessageType.COMMAND_AMF3);
        assertThat(c.name()).isEqualTo("connect");
        assertThat(c.commandObject()).isInstanceOf(Amf0Avmplus.class);
        assertThat(c.commandProperties().string("app")).contains("live");
        Command.Connect connect = (Command.Connect) Command.parse(c);
        assertThat(connect.tcUrl()).contains("rtmp://h/live");
        // re-encodes byte for byte, AMF3 part included
        assertThat(codec.encode(c)).isEqualTo(raw);
    }

    @Test
    void type15DataWithAvmplusMetadata() {
        byte[] body = cat(
                b(0x00),                                  // format byte of type 15
                amfString("onMetaData"),                  // AMF0 handler name
                b(0x11),                                  // AVM+ switch
                b(0x0A, 0x0B, 0x01),                      //   anonymous dynamic AMF3 object
                b(0x0B), ascii("width"),                  //   "width"
                b(0x04, 0x85, 0x00),                      //   AMF3 integer 640 (U29: 0x85 0x00)
                b(0x01));                                 //   end of dynamic members
        RawMessage raw = new RawMessage(4, 15, 0, 1, body);
        DataMessage d = (DataMessage) codec.decode(raw);
        assertThat(d.type()).isEqualTo(MessageType.DATA_AMF3);
        assertThat(d.name()).contains("onMetaData");
        assertThat(d.properties(1).orElseThrow().number("width")).contains(640.0);
        assertThat(codec.encode(d)).isEqualTo(raw);
    }

    @Test
    void largeAmf3ByteArraysAreNotExpandedByTheReadingHelpers() {
        // Amf3.toAmf0 makes one AMF0 number per byte; above AmfViews.MAX_BRIDGED_ELEMENTS the helpers
        // leave the AVM+ value as it is instead of allocating ~24 bytes per payload byte
        CommandMessage big = new CommandMessage(MessageType.COMMAND_AMF3, "x", 0, io.rtmp4j.amf.Amf0Null.INSTANCE,
                java.util.List.of(new Amf0Avmplus(new io.rtmp4j.amf.Amf3ByteArray(new byte[70_000])),
                        new Amf0Avmplus(new io.rtmp4j.amf.Amf3ByteArray(new byte[3]))), 0, 0, 3);
        CommandMessage back = (CommandMessage) codec.decode(codec.encode(big));
        assertThat(back).isEqualTo(big);
        assertThat(back.argument(0).orElseThrow()).isInstanceOf(Amf0Avmplus.class);
        assertThat(back.objectArgument(0)).isEmpty();
        assertThat(back.argument(1).orElseThrow()).isInstanceOf(io.rtmp4j.amf.Amf0StrictArray.class);
    }

    /** An AVM+ dictionary of {@code n} string keys with null values. */
    private static Amf0Avmplus stringKeyedDictionary(int n) {
        java.util.List<io.rtmp4j.amf.Amf3Dictionary.Entry> entries = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(new io.rtmp4j.amf.Amf3Dictionary.Entry(io.rtmp4j.amf.Amf3Value.of("k" + i),
                    io.rtmp4j.amf.Amf3Null.INSTANCE));
        }
        return new Amf0Avmplus(new io.rtmp4j.amf.Amf3Dictionary(false, entries));
    }

    @Test
    void readingHelpersBridgeExactlyWhatFitsTheBudget() {
        // A string-keyed dictionary bridges to one ECMA array plus one AMF0 value per entry (its keys
        // become property names, not values), so 65535 entries make exactly MAX_BRIDGED_ELEMENTS values
        // and are bridged, and one entry more is not. (An earlier separate size check also counted the
        // keys and refused dictionaries half that size; the helpers now apply the bridge's own count.)
        int fits = AmfViews.MAX_BRIDGED_ELEMENTS - 1;
        CommandMessage c = new CommandMessage(MessageType.COMMAND_AMF3, "x", 0, io.rtmp4j.amf.Amf0Null.INSTANCE,
                java.util.List.of(stringKeyedDictionary(fits), stringKeyedDictionary(fits + 1)), 0, 0, 3);
        assertThat(c.objectArgument(0)).hasValueSatisfying(p -> assertThat(p.size()).isEqualTo(fits));
        assertThat(c.argument(1).orElseThrow()).isInstanceOf(Amf0Avmplus.class);
        assertThat(c.objectArgument(1)).isEmpty();
    }
}
