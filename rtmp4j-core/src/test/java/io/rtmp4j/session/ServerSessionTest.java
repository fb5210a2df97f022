package io.rtmp4j.session;

import static io.rtmp4j.session.Msgs.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.Amf0Null;
import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.message.AudioMessage;
import io.rtmp4j.message.CommandMessage;
import io.rtmp4j.message.Commands;
import io.rtmp4j.message.DataMessage;
import io.rtmp4j.message.MessageCodec;
import io.rtmp4j.message.MessageType;
import io.rtmp4j.message.RtmpMessage;
import io.rtmp4j.message.StatusCode;
import io.rtmp4j.message.UserControl;
import io.rtmp4j.message.VideoMessage;
import io.rtmp4j.message.WindowAcknowledgementSize;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ServerSession driven by a hand-built client ({@link RawPeer}): what real encoders and players send. */
class ServerSessionTest {

    private final Recorder app = new Recorder();

    private ServerSession newServer() {
        return new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(3), app.server());
    }

    /** OBS's connect (rtmp-1.0.txt §7.2.1.1 properties, in OBS's order, with tcUrl). */
    private static CommandMessage obsConnect() {
        return Commands.connect("live").type("nonprivate").flashVer("FMLE/3.0 (compatible; FMSc/1.0)")
                .swfUrl("rtmp://localhost/live").tcUrl("rtmp://localhost/live").build();
    }

    /**
     * A peer that has done the handshake and sent OBS's connect, which the server has read: with
     * {@code app.autoAccept} off the connect waits for the application's decision.
     */
    private RawPeer sentConnect(ServerSession server) {
        RawPeer peer = RawPeer.client();
        peer.pump(server); // handshake
        peer.send(obsConnect());
        peer.pump(server);
        return peer;
    }

    /** A peer that has connected (and been accepted) and whose replies have been read. */
    private RawPeer connected(ServerSession server) {
        RawPeer peer = sentConnect(server);
        peer.takeReceived();
        return peer;
    }

    @Test
    void connectReplyIsWhatNginxRtmpSendsWithoutOnBwDone() {
        ServerSession server = newServer();
        RawPeer peer = RawPeer.client();
        peer.pump(server);
        assertThat(peer.handshakeDone()).isTrue();
        assertThat(server.state()).isEqualTo(ServerSession.State.AWAITING_CONNECT);
        peer.send(obsConnect());
        peer.pump(server);

        List<RtmpMessage> got = peer.takeReceived();
        // nginx-rtmp order: Window Ack Size, Set Peer Bandwidth (dynamic), Set Chunk Size, _result; no onBWDone
        assertThat(describe(got)).containsExactly("winack 2500000", "peerbw 2500000 DYNAMIC", "chunksize 4096",
                "_result@0 NetConnection.Connect.Success");
        CommandMessage result = (CommandMessage) got.get(3);
        assertThat(result.transactionId()).isEqualTo(1.0);
        assertThat(result.type()).isEqualTo(MessageType.COMMAND_AMF0);
        Amf0Properties props = result.commandProperties();
        assertThat(props.names()).containsExactly("fmsVer", "capabilities", "mode");
        assertThat(props.string("fmsVer")).contains("FMS/3,0,1,123");
        assertThat(props.number("capabilities")).contains(31.0);
        assertThat(props.number("mode")).contains(1.0);
        Amf0Properties info = result.objectArgument(0).orElseThrow();
        assertThat(info.names()).containsExactly("level", "code", "description", "objectEncoding");
        assertThat(info.string("level")).contains("status");
        assertThat(info.number("objectEncoding")).contains(0.0);
        assertThat(server.state()).isEqualTo(ServerSession.State.CONNECTED);
        assertThat(server.outboundChunkSize()).isEqualTo(4096);
        assertThat(app.events).containsExactly("connect live");
        assertThat(server.app()).isEqualTo("live");
        assertThat(server.tcUrl()).isEqualTo("rtmp://localhost/live");
    }

    @Test
    void objectEncodingIsEchoed() {
        ServerSession server = newServer();
        RawPeer peer = RawPeer.client();
        peer.pump(server);
        peer.send(Commands.connect("live").tcUrl("rtmp://h/live").objectEncoding(3).build());
        peer.pump(server);
        assertThat(Msgs.info(peer.takeReceived().get(3)).number("objectEncoding")).contains(3.0);
        assertThat(server.objectEncoding()).isEqualTo(3.0);
    }

    @Test
    void connectWithoutTcUrlIsAccepted() {
        // docs/INTEROP.md: SRS rejects a connect without tcUrl; rtmp4j is lenient
        ServerSession server = newServer();
        RawPeer peer = RawPeer.client();
        peer.pump(server);
        peer.send(Commands.connect("live").flashVer("LNX 9,0,124,2").build());
        peer.pump(server);
        assertThat(describe(peer.takeReceived())).endsWith("_result@0 NetConnection.Connect.Success");
        assertThat(server.tcUrl()).isNull();
        assertThat(app.connects.get(0).tcUrl()).isEmpty();
    }

    @Test
    void obsPublishSequenceAndStop() {
        ServerSession server = newServer();
        RawPeer obs = connected(server);
        // OBS: releaseStream, FCPublish, createStream, publish, then @setDataFrame onMetaData
        obs.send(Commands.releaseStream(2, "cam1"));
        obs.send(Commands.fcPublish(3, "cam1"));
        obs.send(Commands.createStream(4));
        obs.pump(server);
        List<RtmpMessage> replies = obs.takeReceived();
        assertThat(describe(replies)).containsExactly("_result@0", "_result@0", "_result@0");
        assertThat(((CommandMessage) replies.get(0)).transactionId()).isEqualTo(2.0);
        assertThat(((CommandMessage) replies.get(1)).transactionId()).isEqualTo(3.0);
        CommandMessage created = (CommandMessage) replies.get(2);
        assertThat(created.transactionId()).isEqualTo(4.0);
        assertThat(created.messageStreamId()).isZero(); // docs/INTEROP.md: createStream _result on stream 0
        assertThat(created.numberArgument(0)).contains(1.0);

        obs.send(Commands.publish(1, "cam1", Commands.PublishType.LIVE));
        obs.send(DataMessage.setDataFrame(1, Amf0Object.builder().put("width", 1280.0).put("height", 720.0).build()));
        obs.send(new VideoMessage(new byte[] {0x17, 0, 0, 0, 0}, 0, 1));
        obs.send(new AudioMessage(new byte[] {(byte) 0xAF, 0, 0x12, 0x10}, 0, 1));
        obs.pump(server);
        assertThat(describe(obs.takeReceived())).containsExactly("onStatus@1 NetStream.Publish.Start");
        assertThat(app.metadata).hasSize(1);
        Metadata md = app.metadata.get(0);
        assertThat(md.message().name()).contains("onMetaData");
        assertThat(md.message().type()).isEqualTo(MessageType.DATA_AMF0);
        assertThat(md.properties().number("width")).contains(1280.0);
        // the payload is the AMF0 body players get: "onMetaData" then the object
        assertThat(new MessageCodec().decode(new io.rtmp4j.chunk.RawMessage(4, 18, 0, 1, md.payload())))
                .isEqualTo(md.message().withHeader(0, 1, 4));

        // OBS stop: FCUnpublish, deleteStream
        obs.send(Commands.fcUnpublish(5, "cam1"));
        obs.send(Commands.deleteStream(6, 1));
        obs.pump(server);
        assertThat(describe(obs.takeReceived())).containsExactly("_result@0", "onStatus@1 NetStream.Unpublish.Success");
        assertThat(app.events).containsExactly("connect live", "releaseStream cam1", "FCPublish cam1", "createStream 1",
                "publish 1 cam1", "metadata 1", "VIDEO 1 0 5", "AUDIO 1 0 4", "unpublish 1 cam1", "deleteStream 1");
        assertThat(server.isPublishing(1)).isFalse();
    }

    @Test
    void aDecisionFromAnotherThreadRunsThroughTheDecisionExecutorAndIsDecidedOnceAtOnce() {
        // the transport's executor stands in for the event loop: a queue that the "loop" runs later
        java.util.ArrayDeque<Runnable> loop = new java.util.ArrayDeque<>();
        ServerSession server = newServer();
        server.decisionExecutor(loop::add);
        app.autoAccept = false;
        RawPeer obs = RawPeer.client();
        obs.pump(server);
        obs.send(obsConnect());
        obs.pump(server);
        assertThat(app.connects.get(0).accept()).as("handed to the loop").isTrue();
        assertThat(app.connects.get(0).isDecided()).isTrue();
        assertThat(server.state()).isEqualTo(ServerSession.State.CONNECT_PENDING);
        loop.poll().run();
        obs.pump(server);
        assertThat(describe(obs.takeReceived())).endsWith("_result@0 NetConnection.Connect.Success");

        obs.send(Commands.createStream(2));
        obs.send(Commands.publish(1, "cam1", Commands.PublishType.LIVE));
        obs.send(new VideoMessage(new byte[] {0x17, 0, 0, 0, 0}, 0, 1));
        obs.pump(server);
        PublishRequest r = app.publishes.get(0);
        assertThat(r.accept()).isTrue();
        // rtmp-1.0.txt §7.2.2: decided once; the second decision fails in the caller's thread, at once
        assertThatThrownBy(() -> r.rejectBadName("late")).isInstanceOf(IllegalStateException.class);
        assertThat(describe(obs.takeReceived())).containsExactly("_result@0");
        assertThat(loop).hasSize(1);
        loop.poll().run();
        obs.pump(server);
        assertThat(describe(obs.takeReceived())).containsExactly("onStatus@1 NetStream.Publish.Start");
        assertThat(app.events).contains("VIDEO 1 0 5"); // the held media, once accepted
    }

    @Test
    void playReplyOrder() {
        ServerSession server = newServer();
        RawPeer player = connected(server);
        player.send(Commands.createStream(2));
        // docs/INTEROP.md: players send SetBufferLength on stream 0 for the future stream id before play
        player.send(new UserControl.SetBufferLength(1, 3000));
        player.send(Commands.play(1, "cam1"));
        player.pump(server);
        assertThat(describe(player.takeReceived())).containsExactly(
                "_result@0",
                "onStatus@1 NetStream.Play.Reset",
                "uc StreamBegin 1",
                "onStatus@1 NetStream.Play.Start",
                // at timestamp 0, where FFmpeg's FLV demuxer skips it; no Data.Start (docs/INTEROP.md "Commands")
                "data |RtmpSampleAccess@1 t0");
        assertThat(app.events).contains("setBufferLength 1 3000", "play 1 cam1");
        assertThat(server.isPlaying(1)).isTrue();

        assertThat(server.sendVideo(1, 0, new byte[] {0x17, 1})).isTrue();
        assertThat(server.sendAudio(1, 0, new byte[] {(byte) 0xAF, 1})).isTrue();
        player.pump(server);
        assertThat(describe(player.takeReceived())).containsExactly("video@1 0 2", "audio@1 0 2");
    }

    @Test
    void setBufferLengthBeforeCreateStreamIsNotAnError() {
        ServerSession server = newServer();
        RawPeer player = connected(server);
        player.send(new UserControl.SetBufferLength(1, 100));
        player.pump(server);
        assertThat(app.events).containsExactly("connect live", "setBufferLength 1 100");
    }

    @Test
    void playWithoutResetSkipsPlayReset() {
        ServerSession server = newServer();
        RawPeer player = connected(server);
        player.send(Commands.createStream(2)).send(Commands.play(1, "cam1", -2, -1, false));
        player.pump(server);
        assertThat(describe(player.takeReceived())).containsExactly("_result@0", "uc StreamBegin 1",
                "onStatus@1 NetStream.Play.Start", "data |RtmpSampleAccess@1 t0");
    }

    @Test
    void publishAndPlayRequestsAreDecidedExactlyOnce() {
        app.autoAccept = false;
        ServerSession server = newServer();
        RawPeer peer = sentConnect(server);
        app.connects.get(0).accept();
        peer.send(Commands.createStream(2)).send(Commands.publish(1, "cam1", Commands.PublishType.LIVE));
        peer.pump(server);
        PublishRequest publish = app.publishes.get(0);
        assertThat(publish.streamId()).isEqualTo(1);
        assertThat(publish.streamName()).isEqualTo("cam1");
        assertThat(publish.publishingType()).isEqualTo("live");
        assertThat(publish.message().name()).isEqualTo("publish");
        assertThat(publish.isDecided()).isFalse();
        assertThat(publish.accept()).isTrue();
        assertThat(publish.isDecided()).isTrue();
        assertThatThrownBy(publish::accept).isInstanceOf(IllegalStateException.class)
                .hasMessage("publish request already decided");
        assertThatThrownBy(() -> publish.rejectBadName("late")).isInstanceOf(IllegalStateException.class)
                .hasMessage("publish request already decided");

        peer.send(Commands.createStream(3)).send(Commands.play(2, "other"));
        peer.pump(server);
        PlayRequest play = app.plays.get(0);
        assertThat(play.streamId()).isEqualTo(2);
        assertThat(play.streamName()).isEqualTo("other");
        assertThat(play.message().name()).isEqualTo("play");
        assertThatThrownBy(() -> play.reject(null, "no code")).isInstanceOf(NullPointerException.class);
        assertThat(play.isDecided()).as("a reject without a code decides nothing").isFalse();
        assertThat(play.rejectNotFound(null)).isTrue();
        assertThat(play.isDecided()).isTrue();
        assertThatThrownBy(play::accept).isInstanceOf(IllegalStateException.class)
                .hasMessage("play request already decided");
        peer.pump(server);
        assertThat(describe(peer.takeReceived())).endsWith("onStatus@2 NetStream.Play.StreamNotFound");
    }

    @Test
    void playRejectedAsynchronouslyWithStreamNotFound() {
        app.autoAccept = false;
        ServerSession server = newServer();
        RawPeer player = sentConnect(server);
        app.connects.get(0).accept();
        player.pump(server);
        player.takeReceived();
        player.send(Commands.createStream(2)).send(Commands.play(1, "nothing"));
        player.pump(server);
        assertThat(describe(player.takeReceived())).containsExactly("_result@0");
        PlayRequest r = app.plays.get(0);
        assertThat(r.streamName()).isEqualTo("nothing");
        assertThat(r.start()).isEqualTo(-2.0);
        // decided later, outside receive()
        assertThat(r.rejectNotFound("no such stream")).isTrue();
        player.pump(server);
        List<RtmpMessage> got = player.takeReceived();
        assertThat(describe(got)).containsExactly("onStatus@1 NetStream.Play.StreamNotFound");
        assertThat(Msgs.info(got.get(0)).string("level")).contains("error");
        assertThat(Msgs.info(got.get(0)).string("description")).contains("no such stream");
        assertThat(server.isPlaying(1)).isFalse();
        assertThatThrownBy(r::accept).isInstanceOf(IllegalStateException.class);
        // the stream can be used again
        player.send(Commands.play(1, "other"));
        player.pump(server);
        assertThat(app.plays).hasSize(2);
    }

    @Test
    void connectDecidedLaterHoldsWhatFollows() {
        app.autoAccept = false;
        ServerSession server = newServer();
        RawPeer obs = RawPeer.client();
        obs.pump(server);
        // a pipelining client: connect, then commands, before any answer
        obs.send(obsConnect()).send(Commands.releaseStream(2, "cam1")).send(Commands.createStream(3));
        obs.pump(server);
        assertThat(obs.takeReceived()).isEmpty();
        assertThat(app.events).containsExactly("connect live");
        assertThat(server.state()).isEqualTo(ServerSession.State.CONNECT_PENDING);

        ConnectRequest r = app.connects.get(0);
        assertThat(r.accept()).isTrue();
        assertThat(app.events).containsExactly("connect live", "releaseStream cam1", "createStream 1");
        obs.pump(server);
        assertThat(describe(obs.takeReceived())).containsExactly("winack 2500000", "peerbw 2500000 DYNAMIC",
                "chunksize 4096", "_result@0 NetConnection.Connect.Success", "_result@0", "_result@0");
    }

    @Test
    void connectRejectedClosesAfterFlush() {
        app.autoAccept = false;
        ServerSession server = newServer();
        RawPeer peer = sentConnect(server);
        app.connects.get(0).reject(StatusCode.CONNECT_INVALID_APP, "no app 'live'");
        assertThat(server.isCloseRequested()).isTrue();
        peer.pump(server);
        List<RtmpMessage> got = peer.takeReceived();
        assertThat(describe(got)).containsExactly("_error@0 NetConnection.Connect.InvalidApp");
        assertThat(((CommandMessage) got.get(0)).transactionId()).isEqualTo(1.0);
        assertThat(app.events).containsExactly("connect live", "close");
        // bytes after the close are read and dropped
        peer.send(Commands.createStream(2));
        peer.pump(server);
        assertThat(peer.takeReceived()).isEmpty();
    }

    @Test
    void publishDecidedLaterHoldsMediaThenDeliversIt() {
        app.autoAccept = false;
        ServerSession server = newServer();
        RawPeer peer = sentConnect(server);
        app.connects.get(0).accept();
        peer.send(Commands.createStream(2)).send(Commands.publish(1, "cam1", Commands.PublishType.LIVE));
        peer.send(DataMessage.setDataFrame(1, Amf0Object.builder().put("fps", 30.0).build()));
        peer.send(new VideoMessage(new byte[] {0x17, 0}, 0, 1));
        peer.pump(server);
        peer.takeReceived();
        assertThat(app.events).containsExactly("connect live", "createStream 1", "publish 1 cam1");
        assertThat(app.publishes.get(0).accept()).isTrue();
        assertThat(app.events).endsWith("publish 1 cam1", "metadata 1", "VIDEO 1 0 2");
        peer.pump(server);
        assertThat(describe(peer.takeReceived())).containsExactly("onStatus@1 NetStream.Publish.Start");
    }

    /** A fake application: one publisher per name, as the server's hub does. */
    private static final class FakeHub {
        final Map<String, ServerSession> publishers = new HashMap<>();

        ServerSessionListener listenerFor(ServerSession[] self, Recorder rec) {
            ServerSessionListener base = rec.server();
            return new ServerSessionListener() {
                @Override public void onConnect(ConnectRequest r) {
                    r.accept();
                }
                @Override public void onCreateStream(int id) {
                    base.onCreateStream(id);
                }
                @Override public void onPublish(PublishRequest r) {
                    base.onPublish(r);
                    if (publishers.containsKey(r.streamName())) {
                        r.rejectBadName(r.streamName() + " is already being published");
                    } else {
                        publishers.put(r.streamName(), self[0]);
                        r.accept();
                    }
                }
                @Override public void onUnpublish(int streamId, String name) {
                    publishers.remove(name);
                }
            };
        }
    }

    @Test
    void secondPublisherGetsBadNameUntilTheFirstLeaves() {
        FakeHub hub = new FakeHub();
        Recorder r1 = new Recorder();
        Recorder r2 = new Recorder();
        r1.autoAccept = false;
        r2.autoAccept = false;
        ServerSession[] s1 = new ServerSession[1];
        ServerSession[] s2 = new ServerSession[1];
        s1[0] = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(1), hub.listenerFor(s1, r1));
        s2[0] = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(2), hub.listenerFor(s2, r2));
        RawPeer first = connected(s1[0]);
        RawPeer second = connected(s2[0]);
        first.send(Commands.createStream(2)).send(Commands.publish(1, "cam1", Commands.PublishType.LIVE));
        first.pump(s1[0]);
        second.send(Commands.createStream(2)).send(Commands.publish(1, "cam1", Commands.PublishType.LIVE));
        second.send(new VideoMessage(new byte[] {0x17}, 0, 1));
        second.pump(s2[0]);
        assertThat(describe(first.takeReceived())).containsExactly("_result@0", "onStatus@1 NetStream.Publish.Start");
        List<RtmpMessage> refused = second.takeReceived();
        assertThat(describe(refused)).containsExactly("_result@0", "onStatus@1 NetStream.Publish.BadName");
        assertThat(Msgs.info(refused.get(1)).string("level")).contains("error");
        assertThat(s2[0].isPublishing(1)).isFalse();

        // the first one leaves (transport gone): the name is free again, the second may retry on its stream
        s1[0].transportClosed("peer closed");
        second.send(Commands.publish(1, "cam1", Commands.PublishType.LIVE));
        second.pump(s2[0]);
        assertThat(describe(second.takeReceived())).containsExactly("onStatus@1 NetStream.Publish.Start");
    }

    @Test
    void flashAmf0InType17And15() {
        // docs/INTEROP.md: Flash labels AMF0 commands as type 17 (leading 0x00) and data as type 15
        ServerSession server = newServer();
        RawPeer flash = RawPeer.client();
        flash.pump(server);
        flash.send(Commands.connect("live").tcUrl("rtmp://h/live").objectEncoding(3).build().withType(MessageType.COMMAND_AMF3));
        flash.pump(server);
        List<RtmpMessage> got = flash.takeReceived();
        assertThat(describe(got)).endsWith("_result@0 NetConnection.Connect.Success");
        // replies are labelled like the client's connect
        assertThat(((CommandMessage) got.get(3)).type()).isEqualTo(MessageType.COMMAND_AMF3);
        flash.send(Commands.createStream(2).withType(MessageType.COMMAND_AMF3));
        flash.send(Commands.publish(1, "cam1", Commands.PublishType.LIVE).withType(MessageType.COMMAND_AMF3));
        flash.send(DataMessage.setDataFrame(1, Amf0Object.builder().put("width", 320.0).build()).withType(MessageType.DATA_AMF3));
        flash.send(DataMessage.of(1, 5, Amf0Value.of("onCuePoint"), Amf0Value.of("x")).withType(MessageType.DATA_AMF3));
        flash.pump(server);
        got = flash.takeReceived();
        assertThat(describe(got)).containsExactly("_result@0", "onStatus@1 NetStream.Publish.Start");
        assertThat(((CommandMessage) got.get(1)).type()).isEqualTo(MessageType.COMMAND_AMF3);
        assertThat(app.metadata.get(0).properties().number("width")).contains(320.0);
        assertThat(app.metadata.get(0).message().type()).isEqualTo(MessageType.DATA_AMF0);
        // data other than metadata arrives as its AMF0 body (type 18 form), without the 0x00 format byte
        byte[] amf0 = new MessageCodec().encode(DataMessage.of(1, 5, Amf0Value.of("onCuePoint"), Amf0Value.of("x"))).payload();
        assertThat(app.events).endsWith("metadata 1", "DATA 1 5 " + amf0.length);
        assertThat(app.payloads.get(app.payloads.size() - 1)).isEqualTo(amf0);
    }

    @Test
    void aggregateFromPublisherIsSplitIntoTheSameEvents() {
        ServerSession server = newServer();
        RawPeer obs = connected(server);
        obs.send(Commands.createStream(2)).send(Commands.publish(1, "cam1", Commands.PublishType.LIVE));
        obs.pump(server);
        MessageCodec codec = new MessageCodec();
        obs.send(codec.aggregate(List.of(new VideoMessage(new byte[] {0x17, 1, 2}, 1000, 1),
                new AudioMessage(new byte[] {(byte) 0xAF, 1}, 1010, 1),
                DataMessage.of(1, 1020, Amf0Value.of("onCuePoint")),
                new VideoMessage(new byte[] {0x27, 1}, 1040, 1))).withTimestamp(5000));
        obs.pump(server);
        // §7.1.6: the first part takes the aggregate's timestamp, the others keep their offsets
        assertThat(app.events).endsWith("VIDEO 1 5000 3", "AUDIO 1 5010 2", "DATA 1 5020 13", "VIDEO 1 5040 2");
    }

    @Test
    void acknowledgementsAtTheWindow() {
        ServerSession server = newServer();
        RawPeer obs = connected(server);
        obs.send(new WindowAcknowledgementSize(5000));
        obs.send(Commands.createStream(2)).send(Commands.publish(1, "cam1", Commands.PublishType.LIVE));
        obs.pump(server);
        obs.takeReceived();
        for (int i = 0; i < 4; i++) {
            obs.send(new VideoMessage(new byte[1500], i * 40L, 1));
        }
        obs.pump(server);
        List<RtmpMessage> got = obs.takeReceived();
        assertThat(describe(got)).hasSize(1);
        assertThat(describe(got).get(0)).startsWith("ack ");
        long seq = ((io.rtmp4j.message.Acknowledgement) got.get(0)).sequenceNumber();
        // everything the chunk decoder has seen so far (connect, commands, window, the four frames)
        assertThat(seq).isGreaterThanOrEqualTo(5000).isLessThan(10_000);
    }

    @Test
    void pingBothWays() {
        ServerSession server = newServer();
        RawPeer peer = connected(server);
        server.sendPingRequest(123_456);
        peer.pump(server);
        List<RtmpMessage> got = peer.takeReceived();
        assertThat(describe(got)).containsExactly("uc PingRequest 123456");
        peer.send(((UserControl.PingRequest) got.get(0)).response());
        peer.send(new UserControl.PingRequest(77));
        peer.pump(server);
        assertThat(app.events).contains("pingResponse 123456");
        assertThat(describe(peer.takeReceived())).containsExactly("uc PingResponse 77");
    }

    @Test
    void serverSendsUserControlEventsAndStatuses() {
        ServerSession server = newServer();
        RawPeer peer = connected(server);
        server.sendStreamDry(1);
        server.sendStreamIsRecorded(1);
        server.sendStreamBegin(1);
        server.sendStreamEof(1);
        server.sendStatus(1, StatusCode.PLAY_STOP, null);
        server.sendStatus(0, StatusCode.Level.WARNING, "Custom.Code", "hello", Amf0Object.builder().put("x", 1.0).build());
        peer.pump(server);
        assertThat(describe(peer.takeReceived())).containsExactly("uc StreamDry 1", "uc StreamIsRecorded 1",
                "uc StreamBegin 1", "uc StreamEof 1", "onStatus@1 NetStream.Play.Stop", "onStatus@0 Custom.Code");
    }

    @Test
    void receiveAudioVideoAndPauseGateMedia() {
        ServerSession server = newServer();
        RawPeer player = connected(server);
        player.send(Commands.createStream(2)).send(Commands.play(1, "cam1"));
        player.pump(server);
        player.takeReceived();
        player.send(Commands.receiveAudio(1, false)).send(Commands.receiveVideo(1, false));
        player.pump(server);
        assertThat(server.sendAudio(1, 0, new byte[1])).isFalse();
        assertThat(server.sendVideo(1, 0, new byte[1])).isFalse();
        assertThat(server.receivesAudio(1)).isFalse();
        player.send(Commands.receiveAudio(1, true)).send(Commands.pause(1, true, 500));
        player.pump(server);
        assertThat(describe(player.takeReceived())).containsExactly("onStatus@1 NetStream.Pause.Notify");
        assertThat(server.isPaused(1)).isTrue();
        assertThat(server.sendAudio(1, 0, new byte[1])).isFalse();
        player.send(Commands.pause(1, false, 500));
        player.pump(server);
        assertThat(describe(player.takeReceived())).containsExactly("onStatus@1 NetStream.Unpause.Notify");
        assertThat(server.sendAudio(1, 0, new byte[1])).isTrue();
        assertThat(app.events).contains("receiveAudio 1 false", "receiveVideo 1 false", "pause 1 true", "pause 1 false");
    }

    @Test
    void playbackHandleKnowsItsLayoutAndWhatThePlayerWants() {
        ServerSession server = newServer();
        RawPeer player = connected(server);
        player.send(Commands.createStream(2)).send(Commands.createStream(3)).send(Commands.play(2, "cam1"));
        player.pump(server);
        player.takeReceived();
        Playback playback = app.plays.get(0).playback();
        assertThat(playback.streamId()).isEqualTo(2);
        // the layout is taken after the connect: the session's configured chunk size, frozen since then
        assertThat(playback.layout()).isEqualTo(ChunkLayout.of(server.outboundChunkSize(), 2));
        assertThat(playback.layout().chunkSize()).isEqualTo(ServerSessionConfig.defaults().chunkSize());
        assertThat(playback.isPlaying()).isTrue();
        assertThat(playback.accepts(8)).isTrue();
        assertThat(playback.accepts(9)).isTrue();
        player.send(Commands.receiveAudio(2, false)).send(Commands.receiveVideo(2, false));
        player.pump(server);
        assertThat(playback.receivesAudio()).isFalse();
        assertThat(playback.receivesVideo()).isFalse();
        assertThat(playback.accepts(8)).isFalse();
        assertThat(playback.accepts(9)).isFalse();
        assertThat(playback.accepts(18)).isTrue();
        player.send(Commands.receiveAudio(2, true)).send(Commands.receiveVideo(2, true)).send(Commands.pause(2, true, 0));
        player.pump(server);
        assertThat(playback.isPaused()).isTrue();
        assertThat(playback.accepts(8)).isFalse();
        assertThat(playback.accepts(18)).isFalse();
        player.send(Commands.pause(2, false, 0));
        player.pump(server);
        assertThat(playback.accepts(8)).isTrue();
        player.takeReceived();
        assertThat(playback.notifyUnpublish()).isTrue();
        assertThat(playback.notifyPublish()).isTrue();
        player.pump(server);
        assertThat(describe(player.takeReceived())).containsExactly("uc StreamEof 2",
                "onStatus@2 NetStream.Play.UnpublishNotify", "uc StreamBegin 2", "onStatus@2 NetStream.Play.PublishNotify");
        player.send(Commands.closeStream(2));
        player.pump(server);
        assertThat(playback.isPlaying()).isFalse();
    }

    @Test
    void notifyPublishAndUnpublishToPlayers() {
        ServerSession server = newServer();
        RawPeer player = connected(server);
        player.send(Commands.createStream(2)).send(Commands.play(1, "cam1"));
        player.pump(server);
        player.takeReceived();
        server.notifyUnpublish(1);
        server.notifyPublish(1);
        player.pump(server);
        assertThat(describe(player.takeReceived())).containsExactly("uc StreamEof 1",
                "onStatus@1 NetStream.Play.UnpublishNotify", "uc StreamBegin 1", "onStatus@1 NetStream.Play.PublishNotify");
        assertThat(server.isPlaying(1)).isTrue(); // the player stays through unpublish / republish
    }

    @Test
    void gracefulCloseOrdersEofThenStatusThenRequestsClose() {
        ServerSession server = newServer();
        RawPeer peer = connected(server);
        peer.send(Commands.createStream(2)).send(Commands.publish(1, "cam1", Commands.PublishType.LIVE));
        peer.send(Commands.createStream(3)).send(Commands.play(2, "other"));
        peer.pump(server);
        peer.takeReceived();
        assertThat(server.sendVideo(2, 40, new byte[] {0x27, 1})).isTrue(); // still queued when close is called
        server.close("server shutting down");
        assertThat(server.isCloseRequested()).isTrue();
        assertThat(server.state()).isEqualTo(ServerSession.State.CLOSED);
        peer.pump(server);
        assertThat(describe(peer.takeReceived())).containsExactly("video@2 40 2",
                "uc StreamEof 1", "onStatus@1 NetStream.Unpublish.Success",
                "uc StreamEof 2", "onStatus@2 NetStream.Play.UnpublishNotify");
        assertThat(app.events).endsWith("unpublish 1 cam1", "playStop 2 other", "close");
        assertThat(server.sendVideo(2, 80, new byte[1])).isFalse();
        server.close("again"); // idempotent
        assertThat(server.hasOutbound()).isFalse();
    }

    @Test
    void reconnectRequestIsAnOnStatusOnStreamZero() {
        ServerSession server = newServer();
        RawPeer peer = connected(server);
        server.sendReconnectRequest("//192.0.2.0/realtimeapp", "The streaming server is undergoing updates.");
        server.sendReconnectRequest(null, null);
        peer.pump(server);
        List<RtmpMessage> got = peer.takeReceived();
        assertThat(describe(got)).containsExactly("onStatus@0 NetConnection.Connect.ReconnectRequest",
                "onStatus@0 NetConnection.Connect.ReconnectRequest");
        CommandMessage c = (CommandMessage) got.get(0);
        assertThat(c.transactionId()).isZero();
        assertThat(c.commandObject()).isEqualTo(Amf0Null.INSTANCE);
        Amf0Properties info = Msgs.info(c);
        assertThat(info.string("tcUrl")).contains("//192.0.2.0/realtimeapp");
        assertThat(info.string("level")).contains("status");
        assertThat(Msgs.info(got.get(1)).has("tcUrl")).isFalse();
        assertThat(server.state()).isEqualTo(ServerSession.State.CONNECTED); // nobody tears down
    }

    @Test
    void createStreamBeyondTheLimitIsAnError() {
        ServerSession server = new ServerSession(ServerSessionConfig.defaults().withMaxStreams(1), new SplittableRandom(),
                app.server());
        RawPeer peer = connected(server);
        peer.send(Commands.createStream(2)).send(Commands.createStream(3));
        peer.pump(server);
        assertThat(describe(peer.takeReceived())).containsExactly("_result@0", "_error@0 NetConnection.Call.Failed");
    }

    @Test
    void otherCommandsGoToTheApplication() {
        ServerSession server = newServer();
        RawPeer peer = connected(server);
        peer.send(new CommandMessage("getStreamLength", 5, Amf0Null.INSTANCE, List.of(Amf0Value.of("cam1")), 0));
        peer.send(Commands.createStream(2)).send(Commands.closeStream(1));
        peer.pump(server);
        assertThat(app.events).contains("command getStreamLength", "closeStream 1");
    }

    @Test
    void commandBeforeConnectIsAProtocolError() {
        ServerSession server = newServer();
        RawPeer peer = RawPeer.client();
        peer.pump(server);
        peer.send(Commands.createStream(2));
        assertThatThrownBy(() -> peer.pump(server)).isInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining("before connect");
        assertThatThrownBy(() -> server.receive(java.nio.ByteBuffer.wrap(new byte[] {1})))
                .isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void publishOnAStreamNeverCreatedIsAProtocolError() {
        ServerSession server = newServer();
        RawPeer peer = connected(server);
        peer.send(Commands.publish(7, "x", Commands.PublishType.LIVE));
        assertThatThrownBy(() -> peer.pump(server)).isInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining("createStream did not create");
    }

    @Test
    void secondConnectIsAProtocolError() {
        ServerSession server = newServer();
        RawPeer peer = connected(server);
        peer.send(obsConnect());
        assertThatThrownBy(() -> peer.pump(server)).isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void heldMessagesAreBounded() {
        app.autoAccept = false;
        ServerSession server = new ServerSession(ServerSessionConfig.defaults().withHeldLimits(4, 1 << 20),
                new SplittableRandom(), app.server());
        RawPeer peer = RawPeer.client();
        peer.pump(server);
        peer.send(obsConnect());
        for (int i = 0; i < 5; i++) {
            peer.send(Commands.createStream(2 + i));
        }
        assertThatThrownBy(() -> peer.pump(server)).isInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining("undecided");
    }

    @Test
    void requestDecidedAfterTheSessionClosedIsIgnored() {
        app.autoAccept = false;
        ServerSession server = newServer();
        RawPeer peer = sentConnect(server);
        server.transportClosed("peer went away");
        assertThat(app.connects.get(0).accept()).isFalse();
        assertThat(server.hasOutbound()).isFalse();
    }

    @Test
    void serverSendsAggregatesToo() {
        ServerSession server = newServer();
        RawPeer player = connected(server);
        player.send(Commands.createStream(2)).send(Commands.play(1, "cam1"));
        player.pump(server);
        player.takeReceived();
        server.send(new MessageCodec().aggregate(List.of(new VideoMessage(new byte[] {0x17, 0}, 0, 1),
                new AudioMessage(new byte[] {(byte) 0xAF, 1}, 20, 1))));
        player.pump(server);
        List<RtmpMessage> got = player.takeReceived();
        assertThat(describe(new MessageCodec().split((io.rtmp4j.message.AggregateMessage) got.get(0))))
                .containsExactly("video@1 0 2", "audio@1 20 2");
    }

    @Test
    void closeStreamEndsAPublicationAndLaterMediaIsDropped() {
        ServerSession server = newServer();
        RawPeer peer = connected(server);
        peer.send(Commands.createStream(2)).send(Commands.publish(1, "cam1", Commands.PublishType.LIVE));
        peer.send(new AudioMessage(new byte[] {(byte) 0xAF, 1}, 0, 1));
        peer.send(Commands.closeStream(1));
        peer.send(new AudioMessage(new byte[] {(byte) 0xAF, 2}, 20, 1)); // after the end: dropped
        peer.send(new AudioMessage(new byte[] {(byte) 0xAF, 3}, 20, 2)); // on a stream never created: dropped
        peer.pump(server);
        assertThat(app.events).endsWith("publish 1 cam1", "AUDIO 1 0 2", "unpublish 1 cam1", "closeStream 1");
        // the stream still exists and can publish again
        peer.send(Commands.publish(1, "cam2", Commands.PublishType.LIVE));
        peer.pump(server);
        assertThat(server.isPublishing(1)).isTrue();
    }

    @Test
    void deleteStreamWhilePublishIsUndecidedCancelsTheRequest() {
        app.autoAccept = false;
        ServerSession server = newServer();
        RawPeer peer = sentConnect(server);
        app.connects.get(0).accept();
        peer.send(Commands.createStream(2)).send(Commands.publish(1, "cam1", Commands.PublishType.LIVE));
        peer.send(Commands.deleteStream(3, 1));
        peer.pump(server);
        peer.takeReceived();
        // the deleteStream was held behind the undecided publish; rejecting releases it
        PublishRequest r = app.publishes.get(0);
        assertThat(r.rejectBadName("taken")).isTrue();
        assertThat(app.events).endsWith("publish 1 cam1", "deleteStream 1");
        assertThat(app.events).doesNotContain("unpublish 1 cam1"); // never published
        peer.pump(server);
        assertThat(describe(peer.takeReceived())).containsExactly("onStatus@1 NetStream.Publish.BadName");
    }

    @Test
    void transportClosedReportsActivePublicationsAndPlaybacks() {
        ServerSession server = newServer();
        RawPeer peer = connected(server);
        peer.send(Commands.createStream(2)).send(Commands.publish(1, "a", Commands.PublishType.LIVE));
        peer.send(Commands.createStream(3)).send(Commands.play(2, "b"));
        peer.pump(server);
        server.transportClosed("reset by peer");
        server.transportClosed("again");
        assertThat(app.events).endsWith("unpublish 1 a", "playStop 2 b", "close");
        assertThat(server.hasOutbound()).isFalse(); // nothing is sent on a dead connection
        assertThat(server.isCloseRequested()).isFalse();
    }
}
