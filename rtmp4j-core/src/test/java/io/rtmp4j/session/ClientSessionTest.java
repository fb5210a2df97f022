package io.rtmp4j.session;

import static io.rtmp4j.session.Msgs.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.amf.Amf0Null;
import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.chunk.RawMessage;
import io.rtmp4j.message.AudioMessage;
import io.rtmp4j.message.CommandMessage;
import io.rtmp4j.message.Commands;
import io.rtmp4j.message.DataMessage;
import io.rtmp4j.message.MessageCodec;
import io.rtmp4j.message.MessageType;
import io.rtmp4j.message.RtmpMessage;
import io.rtmp4j.message.SetChunkSize;
import io.rtmp4j.message.SetPeerBandwidth;
import io.rtmp4j.message.StatusCode;
import io.rtmp4j.message.UserControl;
import io.rtmp4j.message.VideoMessage;
import io.rtmp4j.message.WindowAcknowledgementSize;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ClientSession driven by a hand-built server ({@link RawPeer}). */
class ClientSessionTest {

    private static final String TC_URL = "rtmp://origin.example:1935/live";
    private final Recorder app = new Recorder();

    private ClientSession newClient(ClientSessionConfig config) {
        return new ClientSession(config, new SplittableRandom(5), app.client());
    }

    private ClientSession newClient() {
        return newClient(ClientSessionConfig.builder("live", TC_URL).build());
    }

    /** Handshake done, connect received by the raw server (not answered). */
    private RawPeer handshaken(ClientSession client) {
        RawPeer server = RawPeer.server();
        server.pump(client);
        return server;
    }

    /** Connected: the raw server answered connect as nginx-rtmp does. */
    private RawPeer connected(ClientSession client) {
        RawPeer server = handshaken(client);
        server.send(new WindowAcknowledgementSize(2_500_000))
                .send(new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.DYNAMIC))
                .setChunkSize(4096)
                .send(Commands.connectResult(1, 0));
        server.pump(client);
        server.takeReceived();
        return server;
    }

    // ---- hand-written AMF0 (amf0.txt §2) for golden bytes ----
    private static void str(ByteArrayOutputStream o, String s) { // UTF-8 without marker: u16 length + bytes
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        o.write(b.length >>> 8);
        o.write(b.length);
        o.writeBytes(b);
    }

    private static void string(ByteArrayOutputStream o, String s) { // §2.4 string-marker 0x02
        o.write(0x02);
        str(o, s);
    }

    private static void number(ByteArrayOutputStream o, double d) { // §2.2 number-marker 0x00 + IEEE 754 BE
        o.write(0x00);
        long bits = Double.doubleToLongBits(d);
        for (int i = 7; i >= 0; i--) {
            o.write((int) (bits >>> (8 * i)));
        }
    }

    /** The legacy connect body rtmp4j sends, written by hand. */
    private static ByteArrayOutputStream legacyConnectBody() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        string(o, "connect");
        number(o, 1);
        o.write(0x03); // §2.5 object-marker
        str(o, "app");
        string(o, "live");
        str(o, "flashVer");
        string(o, "FMLE/3.0 (compatible; rtmp4j)");
        str(o, "tcUrl");
        string(o, TC_URL);
        str(o, "fpad");
        o.write(0x01); // §2.3 boolean-marker
        o.write(0x00); // false
        str(o, "capabilities");
        number(o, 15);
        str(o, "audioCodecs");
        number(o, 4071);
        str(o, "videoCodecs");
        number(o, 252);
        str(o, "videoFunction");
        number(o, 1);
        str(o, "objectEncoding");
        number(o, 0);
        return o;
    }

    private static byte[] connectBody(ClientSessionConfig config) {
        ClientSession c = new ClientSession(config, new SplittableRandom(5), new ClientSessionListener() { });
        RawPeer server = RawPeer.server();
        server.pump(c);
        RawMessage raw = server.receivedRaw.get(0);
        assertThat(raw.typeId()).isEqualTo(20);
        assertThat(raw.chunkStreamId()).isEqualTo(3);
        assertThat(raw.messageStreamId()).isZero();
        return raw.payload();
    }

    @Test
    void emptyEnhancedBlockGivesExactlyTheLegacyConnectBytes() {
        ByteArrayOutputStream golden = legacyConnectBody();
        golden.writeBytes(new byte[] {0x00, 0x00, 0x09}); // §2.5 object end: empty name + object-end-marker
        byte[] legacy = connectBody(ClientSessionConfig.builder("live", TC_URL).build());
        byte[] none = connectBody(ClientSessionConfig.builder("live", TC_URL).enhanced(EnhancedCapabilities.NONE).build());
        assertThat(legacy).isEqualTo(golden.toByteArray());
        assertThat(none).isEqualTo(golden.toByteArray());
    }

    @Test
    void enhancedBlockGoldenBytes() {
        EnhancedCapabilities caps = EnhancedCapabilities.NONE
                .withFourCcList(List.of("av01", "Opus"))
                .withVideoFourCc("*", EnhancedCapabilities.CAN_FORWARD)
                .withVideoFourCc("vp09", EnhancedCapabilities.CAN_DECODE | EnhancedCapabilities.CAN_ENCODE)
                .withAudioFourCc("Opus", EnhancedCapabilities.CAN_DECODE)
                .withCapsEx(EnhancedCapabilities.CAPS_RECONNECT | EnhancedCapabilities.CAPS_MULTITRACK);
        ByteArrayOutputStream g = legacyConnectBody();
        str(g, "fourCcList");
        g.write(0x0A);                             // §2.12 strict-array-marker
        g.writeBytes(new byte[] {0, 0, 0, 2});     // array-count u32
        string(g, "av01");
        string(g, "Opus");
        str(g, "videoFourCcInfoMap");
        g.write(0x03);                             // object
        str(g, "*");
        number(g, 4);                              // CanForward
        str(g, "vp09");
        number(g, 3);                              // CanDecode | CanEncode
        g.writeBytes(new byte[] {0x00, 0x00, 0x09});
        str(g, "audioFourCcInfoMap");
        g.write(0x03);
        str(g, "Opus");
        number(g, 1);                              // CanDecode
        g.writeBytes(new byte[] {0x00, 0x00, 0x09});
        str(g, "capsEx");
        number(g, 3);                              // Reconnect | Multitrack
        g.writeBytes(new byte[] {0x00, 0x00, 0x09});
        assertThat(connectBody(ClientSessionConfig.builder("live", TC_URL).enhanced(caps).build()))
                .isEqualTo(g.toByteArray());
    }

    @Test
    void enhancedNegotiationBothWays() {
        EnhancedCapabilities clientCaps = EnhancedCapabilities.NONE
                .withVideoFourCc("*", EnhancedCapabilities.CAN_FORWARD)
                .withVideoFourCc("hvc1", EnhancedCapabilities.CAN_DECODE)
                .withCapsEx(EnhancedCapabilities.CAPS_RECONNECT | EnhancedCapabilities.CAPS_MODEX);
        EnhancedCapabilities serverCaps = EnhancedCapabilities.NONE
                .withVideoFourCc("*", EnhancedCapabilities.CAN_FORWARD)
                .withAudioFourCc("*", EnhancedCapabilities.CAN_FORWARD)
                .withCapsEx(EnhancedCapabilities.CAPS_RECONNECT | EnhancedCapabilities.CAPS_MULTITRACK
                        | EnhancedCapabilities.CAPS_TIMESTAMP_NANO_OFFSET);
        Recorder srv = new Recorder();
        srv.autoAccept = false;
        ServerSession server = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(1), srv.server());
        ClientSession client = newClient(ClientSessionConfig.builder("live", TC_URL).enhanced(clientCaps).build());
        Link link = new Link(client, server);
        link.pump();
        ConnectRequest r = srv.connects.get(0);
        assertThat(r.enhanced()).isEqualTo(clientCaps);
        assertThat(r.enhanced().videoFlags("hvc1")).isEqualTo(EnhancedCapabilities.CAN_DECODE | EnhancedCapabilities.CAN_FORWARD);
        assertThat(r.enhanced().videoFlags("av01")).isEqualTo(EnhancedCapabilities.CAN_FORWARD); // via "*"
        assertThat(r.enhanced().hasCapsEx(EnhancedCapabilities.CAPS_MODEX)).isTrue();
        assertThat(r.enhanced().hasCapsEx(EnhancedCapabilities.CAPS_MULTITRACK)).isFalse();
        r.accept(serverCaps);
        link.pump();
        assertThat(client.serverCapabilities()).isEqualTo(serverCaps);
        assertThat(server.peerCapabilities()).isEqualTo(clientCaps);
    }

    @Test
    void ffmpegFourCcListOnlyConnect() {
        // docs/INTEROP.md: ffmpeg's -rtmp_enhanced_codecs sends fourCcList only: no info maps, no capsEx
        Recorder srv = new Recorder();
        ServerSession server = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(1), srv.server());
        RawPeer ffmpeg = RawPeer.client();
        ffmpeg.pump(server);
        ffmpeg.send(Commands.connect("live").type("nonprivate").flashVer("FMLE/3.0 (compatible; Lavf61.7.100)")
                .tcUrl("rtmp://localhost:1935/live")
                .property("fourCcList", Amf0Value.array(Amf0Value.of("av01"), Amf0Value.of("vp09"), Amf0Value.of("hvc1")))
                .build());
        ffmpeg.pump(server);
        EnhancedCapabilities e = srv.connects.get(0).enhanced();
        assertThat(e.fourCcList()).contains(List.of("av01", "vp09", "hvc1"));
        assertThat(e.videoFourCcInfoMap()).isEmpty();
        assertThat(e.audioFourCcInfoMap()).isEmpty();
        assertThat(e.capsEx()).isEqualTo(-1);
        assertThat(e.listed("vp09")).isTrue();
        assertThat(e.listed("Opus")).isFalse();
        assertThat(e.isEmpty()).isFalse();
        // a legacy server result: nothing added
        CommandMessage result = (CommandMessage) ffmpeg.takeReceived().get(3);
        assertThat(result.commandProperties().names()).containsExactly("fmsVer", "capabilities", "mode");
    }

    @Test
    void publishCommandSequence() {
        ClientSession client = newClient();
        client.publish("cam1"); // asked before the connection is up: started after connect
        RawPeer server = handshaken(client);
        assertThat(describe(server.takeReceived())).containsExactly("connect@0");
        server.send(new WindowAcknowledgementSize(2_500_000))
                .send(new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.DYNAMIC))
                .send(Commands.connectResult(1, 0));
        server.pump(client);
        List<RtmpMessage> got = server.takeReceived();
        // Window Ack Size answers Set Peer Bandwidth (§5.4.5); Set Chunk Size right after the connect _result
        assertThat(describe(got)).containsExactly("winack 2500000", "chunksize 4096",
                "releaseStream@0", "FCPublish@0", "createStream@0");
        assertThat(((CommandMessage) got.get(2)).transactionId()).isEqualTo(2.0);
        assertThat(((CommandMessage) got.get(3)).transactionId()).isEqualTo(3.0);
        assertThat(((CommandMessage) got.get(4)).transactionId()).isEqualTo(4.0);
        assertThat(((CommandMessage) got.get(2)).stringArgument(0)).contains("cam1");
        assertThat(app.events).containsExactly("_result connect", "connected");

        server.send(Commands.result(2)).send(Commands.result(3)).send(Commands.createStreamResult(4, 1));
        server.pump(client);
        got = server.takeReceived();
        assertThat(describe(got)).containsExactly("publish@1");
        CommandMessage publish = (CommandMessage) got.get(0);
        assertThat(publish.stringArgument(0)).contains("cam1");
        assertThat(publish.stringArgument(1)).contains("live");
        assertThat(app.events).endsWith("_result releaseStream", "_result FCPublish", "_result createStream",
                "streamCreated 1");
        assertThat(client.streamId()).isEqualTo(1);
        assertThat(client.isPublishing()).isFalse();

        server.send(Commands.onStatus(1, StatusCode.PUBLISH_START));
        server.pump(client);
        assertThat(client.isPublishing()).isTrue();
        assertThat(app.statuses.get(0).statusCode()).contains(StatusCode.PUBLISH_START);

        client.sendMetadata(Amf0Object.builder().put("width", 640.0).build());
        client.sendVideo(0, new byte[] {0x17, 0, 0, 0, 0});
        client.sendAudio(0, new byte[] {(byte) 0xAF, 0});
        client.close("done");
        server.pump(client);
        got = server.takeReceived();
        assertThat(describe(got)).containsExactly("data @setDataFrame@1 t0", "video@1 0 5", "audio@1 0 2",
                "FCUnpublish@0", "deleteStream@0");
        assertThat(((DataMessage) got.get(0)).type()).isEqualTo(MessageType.DATA_AMF0);
        assertThat(((CommandMessage) got.get(4)).numberArgument(0)).contains(1.0);
        assertThat(client.isCloseRequested()).isTrue();
        assertThat(app.events).endsWith("close");
    }

    @Test
    void playCommandSequenceAndMediaBeforePlayStart() {
        ClientSession client = newClient();
        RawPeer server = connected(client);
        client.play("cam1");
        server.pump(client);
        assertThat(describe(server.takeReceived())).containsExactly("createStream@0");
        server.send(Commands.createStreamResult(2, 1));
        server.pump(client);
        // docs/INTEROP.md: SetBufferLength on stream 0 with the stream id, then play
        List<RtmpMessage> got = server.takeReceived();
        assertThat(describe(got)).containsExactly("uc SetBufferLength 1 3000", "play@1");
        assertThat(got.get(0).messageStreamId()).isZero();

        // some servers send media before Play.Start: accepted as soon as play was asked
        server.send(new VideoMessage(new byte[] {0x17, 0, 0, 0, 0}, 0, 1));
        server.send(Commands.onStatus(1, StatusCode.PLAY_RESET)).send(new UserControl.StreamBegin(1))
                .send(Commands.onStatus(1, StatusCode.PLAY_START))
                .send(DataMessage.rtmpSampleAccess(1, true, true))
                .send(DataMessage.of(1, 0, Amf0Value.of("onStatus"), Amf0Object.builder().put("code", "NetStream.Data.Start").build()))
                .send(DataMessage.onMetaData(1, Amf0Object.builder().put("duration", 0.0).build()))
                .send(new AudioMessage(new byte[] {(byte) 0xAF, 1, 2}, 23, 1));
        server.pump(client);
        assertThat(app.events).endsWith("VIDEO 1 0 5", "status 1 NetStream.Play.Reset", "streamBegin 1",
                "status 1 NetStream.Play.Start", "DATA 1 0 " + new MessageCodec().encode(DataMessage.rtmpSampleAccess(1, true, true)).length(),
                "status 1 NetStream.Data.Start", "metadata 1", "AUDIO 1 23 3");
        client.close("bye");
        server.pump(client);
        assertThat(describe(server.takeReceived())).containsExactly("deleteStream@0");
    }

    @Test
    void everyUserControlEventIsTyped() {
        ClientSession client = newClient();
        RawPeer server = connected(client);
        server.send(new UserControl.StreamBegin(1)).send(new UserControl.StreamEof(1)).send(new UserControl.StreamDry(1))
                .send(new UserControl.StreamIsRecorded(1)).send(new UserControl.PingRequest(42))
                .send(new UserControl.PingResponse(43));
        server.pump(client);
        assertThat(app.events).endsWith("streamBegin 1", "streamEof 1", "streamDry 1", "streamIsRecorded 1",
                "pingRequest 42", "pingResponse 43");
        // PingRequest answered internally
        assertThat(describe(server.takeReceived())).containsExactly("uc PingResponse 42");
        client.sendPingRequest(99);
        server.pump(client);
        assertThat(describe(server.takeReceived())).containsExactly("uc PingRequest 99");
    }

    @Test
    void errorsAreTyped() {
        ClientSession client = newClient();
        RawPeer server = connected(client);
        client.publish("cam1");
        server.pump(client);
        server.takeReceived();
        server.send(Commands.result(2)).send(Commands.result(3))
                .send(Commands.error(4, Amf0Null.INSTANCE, Commands.statusInfo(StatusCode.Level.ERROR,
                        StatusCode.CALL_FAILED.code(), "too many streams", null)));
        server.pump(client);
        CommandResult e = app.results.get(app.results.size() - 1);
        assertThat(e.error()).isTrue();
        assertThat(e.commandName()).isEqualTo("createStream");
        assertThat(e.code()).contains("NetConnection.Call.Failed");
        assertThat(e.description()).contains("too many streams");
        assertThatThrownBy(() -> client.sendVideo(0, new byte[1])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badNameIsAnErrorStatus() {
        ClientSession client = newClient();
        RawPeer server = connected(client);
        client.publish("cam1");
        server.pump(client);
        server.send(Commands.createStreamResult(4, 1));
        server.send(Commands.onStatus(1, StatusCode.PUBLISH_BAD_NAME, "cam1 is already being published"));
        server.pump(client);
        StatusEvent s = app.statuses.get(0);
        assertThat(s.isError()).isTrue();
        assertThat(s.statusCode()).contains(StatusCode.PUBLISH_BAD_NAME);
        assertThat(s.description()).isEqualTo("cam1 is already being published");
        assertThat(client.isPublishing()).isFalse();
    }

    @Test
    void refusedConnect() {
        ClientSession client = newClient();
        RawPeer server = handshaken(client);
        server.send(Commands.connectError(1, StatusCode.CONNECT_REJECTED, "go away"));
        server.pump(client);
        assertThat(app.events).containsExactly("_error connect", "connectFailed NetConnection.Connect.Rejected", "close");
        assertThat(client.isCloseRequested()).isTrue();
        assertThat(client.state()).isEqualTo(ClientSession.State.CLOSED);
    }

    @Test
    void amf3ChannelSendsMetadataAsType15() {
        ClientSession client = newClient(ClientSessionConfig.builder("live", TC_URL).objectEncoding(3).build());
        RawPeer server = handshaken(client);
        CommandMessage connect = (CommandMessage) server.takeReceived().get(0);
        assertThat(connect.commandProperties().number("objectEncoding")).contains(3.0);
        server.send(Commands.connectResult(1, 3)).send(Commands.createStreamResult(2, 1));
        client.publish("x");
        server.pump(client);
        server.send(Commands.createStreamResult(4, 1));
        server.pump(client);
        server.takeReceived();
        client.sendMetadata(Amf0Object.builder().put("width", 1.0).build());
        server.pump(client);
        DataMessage d = (DataMessage) server.takeReceived().get(0);
        assertThat(d.type()).isEqualTo(MessageType.DATA_AMF3);
        assertThat(d.isSetDataFrame()).isTrue();
    }

    @Test
    void aggregatesFromTheServerAreSplit() {
        ClientSession client = newClient();
        RawPeer server = connected(client);
        client.play("cam1");
        server.pump(client);
        server.send(Commands.createStreamResult(2, 1));
        server.send(new MessageCodec().aggregate(List.of(new VideoMessage(new byte[] {0x17, 1}, 100, 1),
                new AudioMessage(new byte[] {(byte) 0xAF, 1, 2}, 110, 1))).withTimestamp(7000));
        server.pump(client);
        assertThat(app.events).endsWith("VIDEO 1 7000 2", "AUDIO 1 7010 3");
    }

    @Test
    void acknowledgesAtTheServersWindow() {
        ClientSession client = newClient();
        RawPeer server = handshaken(client);
        server.send(new WindowAcknowledgementSize(3000)).send(Commands.connectResult(1, 0));
        server.pump(client);
        server.takeReceived();
        server.send(new VideoMessage(new byte[3000], 0, 1));
        server.pump(client);
        List<RtmpMessage> got = server.takeReceived();
        assertThat(describe(got)).hasSize(1);
        assertThat(describe(got).get(0)).startsWith("ack ");
    }

    @Test
    void reconnectRequestAllFourShapes() {
        Recorder srv = new Recorder();
        ServerSession server = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(1), srv.server());
        ClientSession client = newClient();
        Link link = new Link(client, server);
        link.pump();
        server.sendReconnectRequest("rtmp://foo.mydomain.com:1935/realtimeapp", "updates");
        server.sendReconnectRequest("//192.0.2.0/realtimeapp", null);
        server.sendReconnectRequest("/realtimeapp", null);
        server.sendReconnectRequest("realtimeapp", null);
        server.sendReconnectRequest(null, null);
        link.pump();
        assertThat(app.reconnects).extracting(ReconnectRequest::tcUrl).containsExactly(
                "rtmp://foo.mydomain.com:1935/realtimeapp",
                "rtmp://192.0.2.0/realtimeapp",
                "rtmp://origin.example:1935/realtimeapp",
                "rtmp://origin.example:1935/realtimeapp",
                TC_URL);
        assertThat(app.reconnects.get(0).description()).contains("updates");
        assertThat(app.reconnects.get(0).requestedTcUrl()).contains("rtmp://foo.mydomain.com:1935/realtimeapp");
        assertThat(app.reconnects.get(4).requestedTcUrl()).isEmpty();
        // typed status too, and nobody tears down
        assertThat(app.statuses).extracting(StatusEvent::code).containsOnly("NetConnection.Connect.ReconnectRequest");
        assertThat(client.state()).isEqualTo(ClientSession.State.CONNECTED);
        assertThat(server.state()).isEqualTo(ServerSession.State.CONNECTED);
        assertThat(client.isCloseRequested()).isFalse();
    }

    @Test
    void serverSetChunkSizeBeforeALargeResultIsApplied() {
        // docs/INTEROP.md (Twitch): Set Chunk Size right before a connect _result larger than 128 bytes
        ClientSession client = newClient();
        RawPeer server = handshaken(client);
        server.takeReceived();
        server.setChunkSize(4096);
        server.send(Commands.result(1, Amf0Object.builder().put("fmsVer", "x".repeat(300)).build(),
                Commands.statusInfo(StatusCode.Level.STATUS, StatusCode.CONNECT_SUCCESS.code(), "ok", null)));
        server.pump(client);
        assertThat(app.events).containsExactly("_result connect", "connected");
        assertThat(server.takeReceived()).extracting(m -> m instanceof SetChunkSize).containsExactly(true);
    }

    @Test
    void intentsAreExclusive() {
        ClientSession client = newClient();
        client.publish("a");
        assertThatThrownBy(() -> client.play("b")).isInstanceOf(IllegalStateException.class);
    }
}
