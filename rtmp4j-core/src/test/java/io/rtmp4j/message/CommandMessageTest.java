package io.rtmp4j.message;

import static io.rtmp4j.message.TestBytes.amfString;
import static io.rtmp4j.message.TestBytes.b;
import static io.rtmp4j.message.TestBytes.cat;
import static io.rtmp4j.message.TestBytes.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.Amf0Null;
import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.chunk.RawMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Command messages (types 20 and 17, rtmp-1.0.txt §7.1.1, §7.2): golden vectors and round trips. */
class CommandMessageTest {

    private final MessageCodec codec = new MessageCodec();

    /**
     * The connect command ffmpeg sends when it publishes ({@code ffmpeg -f flv rtmp://localhost:1935/live/cam1}),
     * written by hand from rtmp-1.0.txt §7.2.1.1 and amf0.txt. ffmpeg's gen_connect writes app, type,
     * flashVer, tcUrl in this order when publishing.
     */
    static final byte[] FFMPEG_PUBLISH_CONNECT = cat(
            amfString("connect"),                                     // 02 0007 "connect": command name
            b(0x00, 0x3F, 0xF0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00), // number 1.0: transaction id
            b(0x03),                                                  // object marker: command object
            name("app"),                                              //   0003 "app"
            amfString("live"),                                        //   02 0004 "live"
            name("type"),                                             //   0004 "type"
            amfString("nonprivate"),                                  //   02 000A "nonprivate"
            name("flashVer"),                                         //   0008 "flashVer"
            amfString("FMLE/3.0 (compatible; Lavf61.7.100)"),         //   02 0023 "FMLE/3.0 (…)"
            name("tcUrl"),                                            //   0005 "tcUrl"
            amfString("rtmp://localhost:1935/live"),                  //   02 001A "rtmp://localhost:1935/live"
            b(0x00, 0x00, 0x09));                                     // empty name + object end

    /** The connect ffmpeg sends when it plays: player capabilities as gen_connect writes them for input. */
    static final byte[] FFMPEG_PLAY_CONNECT = cat(
            amfString("connect"),                                     // command name
            b(0x00, 0x3F, 0xF0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00), // transaction id 1.0
            b(0x03),                                                  // command object
            name("app"), amfString("live"),                           //   app: "live"
            name("flashVer"), amfString("LNX 9,0,124,2"),             //   flashVer: "LNX 9,0,124,2"
            name("tcUrl"), amfString("rtmp://localhost:1935/live"),   //   tcUrl
            name("fpad"), b(0x01, 0x00),                              //   fpad: boolean false
            name("capabilities"),                                     //   capabilities:
            b(0x00, 0x40, 0x2E, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00), //     number 15.0
            name("audioCodecs"),                                      //   audioCodecs:
            b(0x00, 0x40, 0xAF, 0xCE, 0x00, 0x00, 0x00, 0x00, 0x00), //     number 4071.0 (all but INTEL, UNUSED)
            name("videoCodecs"),                                      //   videoCodecs:
            b(0x00, 0x40, 0x6F, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00), //     number 252.0
            name("videoFunction"),                                    //   videoFunction:
            b(0x00, 0x3F, 0xF0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00), //     number 1.0 (SUPPORT_VID_CLIENT_SEEK)
            b(0x00, 0x00, 0x09));                                     // object end

    @Test
    void ffmpegPublishConnect() {
        RawMessage raw = new RawMessage(3, 20, 0, 0, FFMPEG_PUBLISH_CONNECT);
        CommandMessage c = (CommandMessage) codec.decode(raw);

        assertThat(c.type()).isEqualTo(MessageType.COMMAND_AMF0);
        assertThat(c.name()).isEqualTo("connect");
        assertThat(c.transactionId()).isEqualTo(1.0);
        assertThat(c.commandProperties().string("app")).contains("live");
        assertThat(c.commandProperties().names()).containsExactly("app", "type", "flashVer", "tcUrl");
        assertThat(c.arguments()).isEmpty();

        Command.Connect connect = (Command.Connect) Command.parse(c);
        assertThat(connect.app()).isEqualTo("live");
        assertThat(connect.tcUrl()).contains("rtmp://localhost:1935/live");
        assertThat(connect.flashVer()).contains("FMLE/3.0 (compatible; Lavf61.7.100)");
        assertThat(connect.type()).contains("nonprivate");
        assertThat(connect.objectEncoding()).isZero();
        assertThat(connect.swfUrl()).isEmpty();

        // bytes → decode → encode: identical
        assertThat(codec.encode(c)).isEqualTo(raw);
        // and the builder writes exactly what ffmpeg writes, on csid 3 / stream 0 / timestamp 0
        CommandMessage built = Commands.connect("live").type("nonprivate")
                .flashVer("FMLE/3.0 (compatible; Lavf61.7.100)").tcUrl("rtmp://localhost:1935/live").build();
        assertThat(codec.encode(built)).isEqualTo(raw);
        assertThat(built).isEqualTo(c);
    }

    @Test
    void ffmpegPlayConnect() {
        RawMessage raw = new RawMessage(3, 20, 0, 0, FFMPEG_PLAY_CONNECT);
        CommandMessage c = (CommandMessage) codec.decode(raw);
        assertThat(c.commandProperties().bool("fpad")).contains(false);
        assertThat(c.commandProperties().number("audioCodecs")).contains(4071.0);
        CommandMessage built = Commands.connect("live").flashVer("LNX 9,0,124,2")
                .tcUrl("rtmp://localhost:1935/live").fpad(false).capabilities(15).audioCodecs(4071)
                .videoCodecs(252).videoFunction(1).build();
        assertThat(codec.encode(built)).isEqualTo(raw);
    }

    @Test
    void connectBuilderExtraPropertiesAndArguments() {
        CommandMessage c = Commands.connect("app").tcUrl("rtmp://h/app").swfUrl("rtmp://h/app")
                .pageUrl("http://p").objectEncoding(3)
                .property("fourCcList", Amf0Value.array(Amf0Value.of("av01"), Amf0Value.of("hvc1")))
                .argument(Amf0Value.of("user")).transactionId(7).build();
        CommandMessage back = (CommandMessage) codec.decode(codec.encode(c));
        assertThat(back).isEqualTo(c);
        Command.Connect connect = (Command.Connect) Command.parse(back);
        assertThat(connect.objectEncoding()).isEqualTo(3.0);
        assertThat(connect.pageUrl()).contains("http://p");
        assertThat(connect.arguments()).containsExactly(Amf0Value.of("user"));
        assertThat(connect.transactionId()).isEqualTo(7);
        assertThat(back.commandProperties().names())
                .containsExactly("app", "tcUrl", "swfUrl", "pageUrl", "objectEncoding", "fourCcList");
    }

    @Test
    void flashStyleType17CommandIsAmf0AfterFormatByte() {
        // docs/INTEROP.md "Commands": Flash labels AMF0 commands as type 17 with a leading 0x00 byte
        byte[] body = cat(b(0x00), FFMPEG_PUBLISH_CONNECT); // format byte 0x00, then plain AMF0
        RawMessage raw = new RawMessage(3, 17, 0, 0, body);
        CommandMessage c = (CommandMessage) codec.decode(raw);
        assertThat(c.type()).isEqualTo(MessageType.COMMAND_AMF3);
        assertThat(c.typeId()).isEqualTo(17);
        assertThat(c.name()).isEqualTo("connect");
        assertThat(c.commandProperties().string("tcUrl")).contains("rtmp://localhost:1935/live");
        assertThat(codec.encode(c)).isEqualTo(raw);
        // the same command as type 20 differs only in the format byte
        assertThat(codec.encode(c.withType(MessageType.COMMAND_AMF0)).payload()).isEqualTo(FFMPEG_PUBLISH_CONNECT);
    }

    @Test
    void type17WithoutFormatByteIsRefused() {
        assertThatThrownBy(() -> codec.decode(new RawMessage(3, 17, 0, 0, b())))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("format byte");
        assertThatThrownBy(() -> codec.decode(new RawMessage(3, 17, 0, 0, FFMPEG_PUBLISH_CONNECT)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("0x02");
    }

    @Test
    void createStreamAndItsResultOnStreamZero() {
        CommandMessage create = Commands.createStream(2);
        RawMessage rawCreate = codec.encode(create);
        assertThat(rawCreate).isEqualTo(new RawMessage(3, 20, 0, 0, cat(
                amfString("createStream"),                                // command name
                b(0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00), // transaction id 2.0
                b(0x05))));                                               // null command object
        assertThat(Command.parse((CommandMessage) codec.decode(rawCreate))).isInstanceOf(Command.CreateStream.class);

        // docs/INTEROP.md "Commands": the createStream _result goes out on message stream 0
        CommandMessage result = Commands.createStreamResult(2, 1);
        RawMessage rawResult = codec.encode(result);
        assertThat(rawResult).isEqualTo(new RawMessage(3, 20, 0, 0, cat(
                amfString("_result"),                                     // command name
                b(0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00), // transaction id 2.0 (echoed)
                b(0x05),                                                  // null command object
                b(0x00, 0x3F, 0xF0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00)))); // stream id 1.0
        Command.Result r = (Command.Result) Command.parse((CommandMessage) codec.decode(rawResult));
        assertThat(r.number()).contains(1.0);
        assertThat(r.transactionId()).isEqualTo(2.0);
        assertThat(r.message().isResult()).isTrue();
    }

    @Test
    void onStatusGolden() {
        CommandMessage m = Commands.onStatus(1, StatusCode.PUBLISH_START, "cam1 is now published");
        RawMessage raw = codec.encode(m);
        assertThat(raw).isEqualTo(new RawMessage(5, 20, 0, 1, cat(
                amfString("onStatus"),                                    // command name
                b(0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00), // transaction id 0.0
                b(0x05),                                                  // null command object
                b(0x03),                                                  // info object
                name("level"), amfString("status"),                       //   level: "status"
                name("code"), amfString("NetStream.Publish.Start"),       //   code
                name("description"), amfString("cam1 is now published"),  //   description
                b(0x00, 0x00, 0x09))));                                   // object end
        Command.OnStatus s = (Command.OnStatus) Command.parse((CommandMessage) codec.decode(raw));
        assertThat(s.level()).isEqualTo("status");
        assertThat(s.statusCode()).contains(StatusCode.PUBLISH_START);
        assertThat(s.description()).isEqualTo("cam1 is now published");
        assertThat(s.messageStreamId()).isEqualTo(1);
    }

    @Test
    void onStatusWithExtraProperties() {
        Amf0Object extra = Amf0Object.builder().put("details", "cam1").put("clientid", 42.0).build();
        CommandMessage m = Commands.onStatus(1, StatusCode.PLAY_RESET, "Playing and resetting cam1.", extra);
        Command.OnStatus s = (Command.OnStatus) Command.parse((CommandMessage) codec.decode(codec.encode(m)));
        assertThat(s.info().names()).containsExactly("level", "code", "description", "details", "clientid");
        assertThat(s.code()).isEqualTo("NetStream.Play.Reset");
    }

    @Test
    void badNameIsAnErrorLevelStatus() {
        // docs/INTEROP.md "Commands": OBS handles NetStream.Publish.BadName for a name in use
        CommandMessage m = Commands.onStatus(1, StatusCode.PUBLISH_BAD_NAME);
        Command.OnStatus s = (Command.OnStatus) Command.parse(m);
        assertThat(s.level()).isEqualTo("error");
        assertThat(s.code()).isEqualTo("NetStream.Publish.BadName");
    }

    @Test
    void connectResultAndError() {
        CommandMessage ok = Commands.connectResult(1, 0);
        Command.Result r = (Command.Result) Command.parse((CommandMessage) codec.decode(codec.encode(ok)));
        assertThat(r.code()).contains("NetConnection.Connect.Success");
        assertThat(r.info().orElseThrow().string("level")).contains("status");
        assertThat(r.info().orElseThrow().number("objectEncoding")).contains(0.0);
        assertThat(((Amf0Object) r.commandObject()).string("fmsVer")).contains(Commands.DEFAULT_FMS_VERSION);
        assertThat(ok.messageStreamId()).isZero();
        assertThat(ok.chunkStreamId()).isEqualTo(3);

        CommandMessage no = Commands.connectError(1, StatusCode.CONNECT_REJECTED, "no such app");
        Command.Error e = (Command.Error) Command.parse((CommandMessage) codec.decode(codec.encode(no)));
        assertThat(e.code()).contains("NetConnection.Connect.Rejected");
        assertThat(e.description()).contains("no such app");
        assertThat(e.message().isError()).isTrue();
    }

    @Test
    void commandWithNameAndTransactionIdOnly() {
        // no command object: read as null; re-encoded with an explicit null
        byte[] body = cat(amfString("onBWDone"), b(0x00, 0, 0, 0, 0, 0, 0, 0, 0));
        CommandMessage c = (CommandMessage) codec.decode(new RawMessage(3, 20, 0, 0, body));
        assertThat(c.commandObject()).isEqualTo(Amf0Null.INSTANCE);
        assertThat(Command.parse(c)).isInstanceOf(Command.Other.class);
        assertThat(codec.encode(c).payload()).isEqualTo(cat(body, b(0x05)));
    }

    @Test
    void commandWithOnlyANameIsANotification() {
        // FFmpeg's listen mode answers FCPublish with the string "onFCPublish" alone (rtmpproto.c)
        CommandMessage c = (CommandMessage) codec.decode(new RawMessage(3, 20, 0, 0, amfString("onFCPublish")));
        assertThat(c.name()).isEqualTo("onFCPublish");
        assertThat(c.transactionId()).isZero();
        assertThat(c.commandObject()).isEqualTo(Amf0Null.INSTANCE);
        assertThat(c.arguments()).isEmpty();
    }

    @Test
    void malformedCommandsAreProtocolErrors() {
        // empty body
        assertThatThrownBy(() -> codec.decode(new RawMessage(3, 20, 0, 0, b())))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("at least a name");
        // only a number: neither a name nor FFmpeg's bare notification
        assertThatThrownBy(() -> codec.decode(new RawMessage(3, 20, 0, 0, b(0x00, 0, 0, 0, 0, 0, 0, 0, 0))))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("at least a name");
        // name is a number
        assertThatThrownBy(() -> codec.decode(new RawMessage(3, 20, 0, 0,
                b(0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0, 0, 0, 0, 0, 0, 0, 0))))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("name is not a string");
        // transaction id is a string
        assertThatThrownBy(() -> codec.decode(new RawMessage(3, 20, 0, 0, cat(amfString("play"), amfString("x")))))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("transaction id");
        // truncated AMF (string claims 7 bytes, 3 present)
        assertThatThrownBy(() -> codec.decode(new RawMessage(3, 20, 0, 0, b(0x02, 0x00, 0x07, 'c', 'o', 'n'))))
                .isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void argumentHelpers() {
        CommandMessage c = new CommandMessage("x", 0, Amf0Null.INSTANCE,
                List.of(Amf0Value.of("s"), Amf0Value.of(2.0), Amf0Value.of(true), Amf0Object.builder().put("k", "v").build()), 1);
        assertThat(c.stringArgument(0)).contains("s");
        assertThat(c.numberArgument(0)).isEmpty();
        assertThat(c.numberArgument(1)).contains(2.0);
        assertThat(c.booleanArgument(2)).contains(true);
        assertThat(c.objectArgument(3).orElseThrow().string("k")).contains("v");
        assertThat(c.argument(4)).isEmpty();
        assertThat(c.argument(-1)).isEmpty();
        assertThat(c.commandProperties().size()).isZero();
        assertThat(c.chunkStreamId()).isEqualTo(5);
    }
}
