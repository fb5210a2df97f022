package io.rtmp4j.message;

import static io.rtmp4j.message.TestBytes.amfString;
import static io.rtmp4j.message.TestBytes.b;
import static io.rtmp4j.message.TestBytes.cat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.Amf0Null;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.chunk.RawMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command builders of {@link Commands} and the typed reading of {@link Command#parse}. */
class CommandParseTest {

    private final MessageCodec codec = new MessageCodec();

    private Command wire(CommandMessage m) {
        return Command.parse((CommandMessage) codec.decode(codec.encode(m)));
    }

    @Test
    void obsPublishSequence() {
        // docs/INTEROP.md "Commands": releaseStream, FCPublish, createStream, publish; FCUnpublish, deleteStream
        Command.ReleaseStream release = (Command.ReleaseStream) wire(Commands.releaseStream(2, "cam1"));
        assertThat(release.streamName()).isEqualTo("cam1");
        assertThat(release.transactionId()).isEqualTo(2);
        assertThat(((Command.FcPublish) wire(Commands.fcPublish(3, "cam1"))).streamName()).isEqualTo("cam1");
        assertThat(wire(Commands.createStream(4))).isInstanceOf(Command.CreateStream.class);
        Command.Publish publish = (Command.Publish) wire(Commands.publish(1, "cam1", Commands.PublishType.LIVE));
        assertThat(publish.streamName()).isEqualTo("cam1");
        assertThat(publish.publishType()).contains(Commands.PublishType.LIVE);
        assertThat(publish.streamId()).isEqualTo(1);
        assertThat(publish.message().chunkStreamId()).isEqualTo(MessageCodec.CSID_STREAM_COMMAND);
        assertThat(((Command.FcUnpublish) wire(Commands.fcUnpublish(5, "cam1"))).streamName()).isEqualTo("cam1");
        Command.DeleteStream delete = (Command.DeleteStream) wire(Commands.deleteStream(6, 1));
        assertThat(delete.deletedStreamId()).isEqualTo(1);
        assertThat(delete.messageStreamId()).isZero(); // ffmpeg and librtmp send it on stream 0
    }

    @Test
    void deleteStreamNamingTheStreamAsGstreamerSendsItDeletesTheStreamItCameOn() {
        // GStreamer 1.22 rtmp2sink: deleteStream, transaction 0, null, "gst" (the stream name), on stream 1
        CommandMessage gst = new CommandMessage(MessageType.COMMAND_AMF0, Commands.DELETE_STREAM, 0,
                Amf0Null.INSTANCE, List.of(io.rtmp4j.amf.Amf0String.of("gst")), 0, 1, MessageCodec.CSID_STREAM_COMMAND);
        assertThat(((Command.DeleteStream) wire(gst)).deletedStreamId()).isEqualTo(1);
    }

    @Test
    void publishGoldenAsObsSendsIt() {
        RawMessage raw = codec.encode(Commands.publish(1, "cam1", Commands.PublishType.LIVE));
        assertThat(raw).isEqualTo(new RawMessage(5, 20, 0, 1, cat(
                amfString("publish"),                                     // command name
                b(0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00), // transaction id 0
                b(0x05),                                                  // null command object
                amfString("cam1"),                                        // publishing name
                amfString("live"))));                                     // publishing type
    }

    @Test
    void answersToFcPublishAndReleaseStream() {
        assertThat(codec.encode(Commands.result(3)).payload()).isEqualTo(cat(
                amfString("_result"),                                     // command name
                b(0x00, 0x40, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00), // transaction id 3.0
                b(0x05),                                                  // null
                b(0x06)));                                                // undefined
    }

    @Test
    void publishTypeDefaultsAndUnknownTypes() {
        CommandMessage noType = new CommandMessage(Commands.PUBLISH, 0, Amf0Null.INSTANCE,
                List.of(Amf0Value.of("cam1")), 1);
        assertThat(((Command.Publish) Command.parse(noType)).publishType()).contains(Commands.PublishType.LIVE);
        CommandMessage odd = new CommandMessage(Commands.PUBLISH, 0, Amf0Null.INSTANCE,
                List.of(Amf0Value.of("cam1"), Amf0Value.of("stream")), 1);
        Command.Publish p = (Command.Publish) Command.parse(odd);
        assertThat(p.typeName()).isEqualTo("stream");
        assertThat(p.publishType()).isEmpty();
        for (Commands.PublishType t : Commands.PublishType.values()) {
            assertThat(Commands.PublishType.byWireName(t.wireName())).contains(t);
        }
    }

    @Test
    void playWithDefaultsAndWithAllArguments() {
        Command.Play p = (Command.Play) wire(Commands.play(1, "cam1"));
        assertThat(p.streamName()).isEqualTo("cam1");
        assertThat(p.start()).isEqualTo(-2);
        assertThat(p.duration()).isEqualTo(-1);
        assertThat(p.reset()).isTrue();
        assertThat(p.streamId()).isEqualTo(1);

        Command.Play full = (Command.Play) wire(Commands.play(1, "rec", 10, 5, false));
        assertThat(full.start()).isEqualTo(10);
        assertThat(full.duration()).isEqualTo(5);
        assertThat(full.reset()).isFalse();

        // §7.2.2.1: reset may be a number; ffmpeg sends start as -2000 (live * 1000)
        CommandMessage numeric = new CommandMessage(Commands.PLAY, 0, Amf0Null.INSTANCE,
                List.of(Amf0Value.of("cam1"), Amf0Value.of(-2000.0), Amf0Value.of(-1.0), Amf0Value.of(0.0)), 1);
        Command.Play n = (Command.Play) Command.parse(numeric);
        assertThat(n.reset()).isFalse();
        assertThat(n.start()).isEqualTo(-2000);
    }

    @Test
    void playReplySequenceAsPlayersExpectIt() {
        // docs/INTEROP.md "Commands": Play.Reset, StreamBegin, Play.Start, |RtmpSampleAccess, Data.Start
        List<RtmpMessage> replies = new ArrayList<>();
        replies.add(Commands.onStatus(1, StatusCode.PLAY_RESET));
        replies.add(new UserControl.StreamBegin(1));
        replies.add(Commands.onStatus(1, StatusCode.PLAY_START));
        replies.add(DataMessage.rtmpSampleAccess(1, false, false));
        replies.add(DataMessage.of(1, 0, Amf0Value.of("onStatus"),
                Commands.statusInfo(StatusCode.DATA_START.level(), StatusCode.DATA_START.code(), "", null)));
        List<String> seen = new ArrayList<>();
        for (RtmpMessage m : replies) {
            RtmpMessage back = codec.decode(codec.encode(m));
            assertThat(back).isEqualTo(m);
            if (back instanceof CommandMessage c) {
                seen.add(((Command.OnStatus) Command.parse(c)).code());
            } else if (back instanceof UserControl.StreamBegin s) {
                seen.add("StreamBegin " + s.streamId());
            } else if (back instanceof DataMessage d) {
                seen.add(d.name().orElseThrow());
            }
        }
        assertThat(seen).containsExactly("NetStream.Play.Reset", "StreamBegin 1", "NetStream.Play.Start",
                "|RtmpSampleAccess", "onStatus");
    }

    @Test
    void streamControlCommands() {
        assertThat(((Command.ReceiveAudio) wire(Commands.receiveAudio(1, false))).receive()).isFalse();
        assertThat(((Command.ReceiveVideo) wire(Commands.receiveVideo(1, true))).receive()).isTrue();
        Command.Pause pause = (Command.Pause) wire(Commands.pause(1, true, 1234));
        assertThat(pause.pause()).isTrue();
        assertThat(pause.milliseconds()).isEqualTo(1234);
        assertThat(((Command.Seek) wire(Commands.seek(1, 500))).milliseconds()).isEqualTo(500);
        Command.CloseStream close = (Command.CloseStream) wire(Commands.closeStream(3));
        assertThat(close.streamId()).isEqualTo(3);
        assertThat(((Command.Other) wire(new CommandMessage("onBWDone", 0, Amf0Null.INSTANCE, List.of(), 0))).name())
                .isEqualTo("onBWDone");
    }

    @Test
    void missingRequiredArgumentsAreProtocolErrors() {
        for (String name : List.of(Commands.PUBLISH, Commands.PLAY, Commands.DELETE_STREAM, Commands.RECEIVE_AUDIO,
                Commands.RECEIVE_VIDEO, Commands.PAUSE, Commands.SEEK, Commands.ON_STATUS)) {
            CommandMessage m = new CommandMessage(name, 0, Amf0Null.INSTANCE, List.of(), 1);
            assertThatThrownBy(() -> Command.parse(m)).as(name).isInstanceOf(RtmpProtocolException.class)
                    .hasMessageContaining(name);
        }
        CommandMessage wrongType = new CommandMessage(Commands.PUBLISH, 0, Amf0Null.INSTANCE,
                List.of(Amf0Value.of(1.0)), 1);
        assertThatThrownBy(() -> Command.parse(wrongType)).isInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining("publishing name");
        CommandMessage badReset = new CommandMessage(Commands.PLAY, 0, Amf0Null.INSTANCE,
                List.of(Amf0Value.of("a"), Amf0Value.of(0.0), Amf0Value.of(0.0), Amf0Value.of("yes")), 1);
        assertThatThrownBy(() -> Command.parse(badReset)).isInstanceOf(RtmpProtocolException.class);
        // the optional names of releaseStream / FCPublish / FCUnpublish default to ""
        CommandMessage bare = new CommandMessage(Commands.FC_PUBLISH, 3, Amf0Null.INSTANCE, List.of(), 0);
        assertThat(((Command.FcPublish) Command.parse(bare)).streamName()).isEmpty();
    }

    @Test
    void statusCodesLookup() {
        for (StatusCode c : StatusCode.values()) {
            assertThat(StatusCode.byCode(c.code())).contains(c);
            assertThat(StatusCode.Level.byWireName(c.level().wireName())).contains(c.level());
        }
        assertThat(StatusCode.PLAY_STREAM_NOT_FOUND.level()).isEqualTo(StatusCode.Level.ERROR);
        assertThat(StatusCode.UNPUBLISH_SUCCESS.code()).isEqualTo("NetStream.Unpublish.Success");
        assertThat(StatusCode.CONNECT_SUCCESS.level().wireName()).isEqualTo("status");
        assertThat(StatusCode.byCode("NetStream.Nope")).isEmpty();
    }
}
