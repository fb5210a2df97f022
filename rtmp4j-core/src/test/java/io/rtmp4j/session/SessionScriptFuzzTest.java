package io.rtmp4j.session;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.Amf0Null;
import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.chunk.ChunkEncoder;
import io.rtmp4j.handshake.Handshake;
import io.rtmp4j.message.Acknowledgement;
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
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Structured fuzzing of the sessions: the input is a script of well-formed messages with arbitrary
 * arguments (command names from the ones the sessions know, any stream ids, transaction ids, AMF values,
 * media on any stream, User Control events, aggregates, chunk size and window changes), interleaved with
 * the application's decisions and API calls (accept / reject later, send media, notify, close). This
 * reaches the state machines' corners that random bytes rarely do. Only {@link RtmpProtocolException} may
 * escape {@code receive}; API calls never throw except where documented (asking twice, closed client).
 * Regression inputs: {@code src/test/resources/io/rtmp4j/session/SessionScriptFuzzTestInputs/}.
 */
class SessionScriptFuzzTest {

    private static final String[] SERVER_COMMANDS = {"connect", "createStream", "publish", "play", "deleteStream",
            "closeStream", "releaseStream", "FCPublish", "FCUnpublish", "receiveAudio", "receiveVideo", "pause", "seek",
            "_result", "_error", "onStatus", "getStreamLength", "_checkbw"};
    private static final String[] CLIENT_COMMANDS = {"_result", "_error", "onStatus", "onBWDone", "onFCPublish",
            "connect", "close"};
    private static final String[] STATUS = {"NetStream.Publish.Start", "NetStream.Publish.BadName",
            "NetStream.Play.Start", "NetStream.Unpublish.Success", "NetConnection.Connect.ReconnectRequest",
            "NetStream.Data.Start", "x"};
    private static final String[] DATA = {"@setDataFrame", "onMetaData", "onStatus", "|RtmpSampleAccess", "onCuePoint"};

    private static Amf0Value value(FuzzedDataProvider d, int depth) {
        switch (d.consumeInt(0, depth > 1 ? 4 : 6)) {
            case 0:
                return Amf0Value.of(d.consumeInt(-3, 5) + (d.consumeBoolean() ? 0.5 : 0));
            case 1:
                return Amf0Value.of(d.consumeBoolean() ? d.pickValue(STATUS) : d.consumeString(12));
            case 2:
                return Amf0Value.of(d.consumeBoolean());
            case 3:
                return Amf0Null.INSTANCE;
            case 4:
                return Amf0Value.of(Double.longBitsToDouble(d.consumeLong()));
            case 5: {
                Amf0Object.Builder b = Amf0Object.builder();
                int n = d.consumeInt(0, 3);
                for (int i = 0; i < n; i++) {
                    b.put(d.consumeBoolean() ? d.pickValue(new String[] {"code", "level", "tcUrl", "description",
                            "objectEncoding", "fourCcList", "capsEx", "videoFourCcInfoMap"}) : d.consumeString(6),
                            value(d, depth + 1));
                }
                return b.build();
            }
            default: {
                int n = d.consumeInt(0, 3);
                List<Amf0Value> vs = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    vs.add(value(d, depth + 1));
                }
                return new io.rtmp4j.amf.Amf0StrictArray(vs);
            }
        }
    }

    private static List<Amf0Value> values(FuzzedDataProvider d) {
        int n = d.consumeInt(0, 4);
        List<Amf0Value> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(value(d, 0));
        }
        return out;
    }

    private static int msid(FuzzedDataProvider d) {
        return d.consumeInt(0, 3);
    }

    /** One message a peer could send. */
    private static RtmpMessage message(FuzzedDataProvider d, String[] commands) {
        switch (d.consumeInt(0, 7)) {
            case 0: {
                MessageType t = d.consumeBoolean() ? MessageType.COMMAND_AMF0 : MessageType.COMMAND_AMF3;
                int ms = msid(d);
                return new CommandMessage(t, d.pickValue(commands), d.consumeInt(0, 6), d.consumeBoolean()
                        ? Amf0Null.INSTANCE : value(d, 0), values(d), d.consumeInt(0, 100), ms,
                        ms == 0 ? 3 : 5);
            }
            case 1:
                return new AudioMessage(d.consumeBytes(d.consumeInt(0, 40)), d.consumeLong(0, 0xFFFF_FFFFL), msid(d));
            case 2:
                return new VideoMessage(d.consumeBytes(d.consumeInt(0, 300)), d.consumeLong(0, 0xFFFF_FFFFL), msid(d));
            case 3: {
                List<Amf0Value> vs = new ArrayList<>();
                vs.add(Amf0Value.of(d.pickValue(DATA)));
                vs.addAll(values(d));
                return new DataMessage(d.consumeBoolean() ? MessageType.DATA_AMF0 : MessageType.DATA_AMF3, vs,
                        d.consumeInt(0, 100), msid(d), 4);
            }
            case 4: {
                int sid = d.consumeInt(0, 3);
                switch (d.consumeInt(0, 6)) {
                    case 0: return new UserControl.StreamBegin(sid);
                    case 1: return new UserControl.StreamEof(sid);
                    case 2: return new UserControl.StreamDry(sid);
                    case 3: return new UserControl.SetBufferLength(sid, d.consumeLong(0, 0xFFFF_FFFFL));
                    case 4: return new UserControl.StreamIsRecorded(sid);
                    case 5: return new UserControl.PingRequest(d.consumeLong(0, 0xFFFF_FFFFL));
                    default: return new UserControl.PingResponse(d.consumeLong(0, 0xFFFF_FFFFL));
                }
            }
            case 5: {
                int n = d.consumeInt(1, 3);
                int ms = msid(d);
                List<RtmpMessage> parts = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    RtmpMessage m = message(d, commands);
                    if (!(m instanceof io.rtmp4j.message.AggregateMessage)) {
                        parts.add(m.withMessageStreamId(ms));
                    }
                }
                return parts.isEmpty() ? new Acknowledgement(1) : new MessageCodec().aggregate(parts);
            }
            case 6:
                return new WindowAcknowledgementSize(d.consumeLong(1, 50_000));
            default:
                return new SetPeerBandwidth(d.consumeLong(1, 50_000), SetPeerBandwidth.LimitType.DYNAMIC);
        }
    }

    /** Writes messages as a peer would, with its own chunk size changes. */
    private static final class Writer {
        final ChunkEncoder encoder = new ChunkEncoder();
        final MessageCodec codec = new MessageCodec();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void write(RtmpMessage m) {
            out.writeBytes(encoder.encode(codec.encode(m)));
        }

        void chunkSize(int size) {
            write(new SetChunkSize(size));
            encoder.setChunkSize(size);
        }

        byte[] take() {
            byte[] b = out.toByteArray();
            out.reset();
            return b;
        }
    }

    private static void deliver(FuzzedDataProvider d, byte[] bytes, java.util.function.Consumer<ByteBuffer> receive) {
        int split = bytes.length == 0 ? 0 : d.consumeInt(0, bytes.length);
        receive.accept(ByteBuffer.wrap(bytes, 0, split).slice());
        receive.accept(ByteBuffer.wrap(bytes, split, bytes.length - split).slice());
    }

    @FuzzTest(maxDuration = "4m")
    void server(FuzzedDataProvider d) {
        List<Object> requests = new ArrayList<>();
        ServerSession s = new ServerSession(ServerSessionConfig.defaults().withChunkLimits(SessionFuzzTest.CHUNK)
                .withMessageLimits(SessionFuzzTest.MESSAGE).withMaxStreams(3).withHeldLimits(32, 1 << 16),
                new SplittableRandom(1), new ServerSessionListener() {
                    @Override public void onConnect(ConnectRequest r) {
                        requests.add(r);
                    }
                    @Override public void onPublish(PublishRequest r) {
                        requests.add(r);
                    }
                    @Override public void onPlay(PlayRequest r) {
                        requests.add(r);
                    }
                });
        Handshake hs = Handshake.client(Handshake.Kind.PLAIN, new SplittableRandom(2), 0);
        s.receive(hs.pollOutbound());
        hs.feed(s.pollOutbound());
        s.receive(hs.pollOutbound());
        Writer w = new Writer();
        if (d.consumeBoolean()) {
            w.write(Commands.connect("live").tcUrl("rtmp://h/live").build());
        }
        try {
            while (d.remainingBytes() > 0) {
                switch (d.consumeInt(0, 9)) {
                    case 0, 1, 2 -> w.write(message(d, SERVER_COMMANDS));
                    case 3 -> w.chunkSize(d.consumeInt(1, 300));
                    case 4 -> deliver(d, w.take(), s::receive);
                    case 5 -> {
                        if (!requests.isEmpty()) {
                            Object r = requests.remove(d.consumeInt(0, requests.size() - 1));
                            boolean accept = d.consumeBoolean();
                            if (r instanceof ConnectRequest c) {
                                if (accept) {
                                    c.accept(d.consumeBoolean() ? EnhancedCapabilities.NONE : EnhancedCapabilities.NONE
                                            .withCapsEx(EnhancedCapabilities.CAPS_RECONNECT));
                                } else {
                                    c.reject(StatusCode.CONNECT_REJECTED, d.consumeString(5));
                                }
                            } else if (r instanceof PublishRequest p) {
                                if (accept) {
                                    p.accept();
                                } else {
                                    p.rejectBadName(null);
                                }
                            } else if (r instanceof PlayRequest p) {
                                if (accept) {
                                    p.accept();
                                } else {
                                    p.rejectNotFound("x");
                                }
                            }
                        }
                    }
                    case 6 -> {
                        int id = msid(d);
                        switch (d.consumeInt(0, 3)) {
                            case 0 -> s.sendVideo(id, d.consumeLong(0, 0xFFFF_FFFFL), d.consumeBytes(20));
                            case 1 -> s.sendAudio(id, d.consumeLong(0, 0xFFFF_FFFFL), d.consumeBytes(5));
                            case 2 -> s.sendData(id, 0, d.consumeBytes(5));
                            default -> s.send(new VideoMessage(new byte[3], 5, id));
                        }
                    }
                    case 7 -> {
                        int id = msid(d);
                        switch (d.consumeInt(0, 5)) {
                            case 0 -> s.notifyUnpublish(id);
                            case 1 -> s.notifyPublish(id);
                            case 2 -> s.sendReconnectRequest(d.consumeBoolean() ? null : d.consumeString(10), null);
                            case 3 -> s.sendPingRequest(d.consumeLong());
                            case 4 -> s.sendStreamDry(id);
                            default -> s.sendStatus(id, StatusCode.PLAY_STOP, null);
                        }
                    }
                    case 8 -> s.pollOutbound();
                    default -> {
                        if (d.consumeInt(0, 9) == 0) {
                            s.close("script");
                        } else {
                            w.out.writeBytes(d.consumeBytes(d.consumeInt(0, 8)));
                        }
                    }
                }
            }
            deliver(d, w.take(), s::receive);
        } catch (RtmpProtocolException expected) {
            s.transportClosed(expected.getMessage());
        }
        s.close("end");
        s.pollOutbound();
    }

    @FuzzTest(maxDuration = "4m")
    void client(FuzzedDataProvider d) {
        ClientSession c = new ClientSession(ClientSessionConfig.builder("live", "rtmp://h:1935/live")
                .chunkLimits(SessionFuzzTest.CHUNK).messageLimits(SessionFuzzTest.MESSAGE).build(),
                new SplittableRandom(1), new ClientSessionListener() { });
        Handshake hs = Handshake.server(new SplittableRandom(2), 0);
        hs.feed(c.pollOutbound());
        ByteBuffer s012 = hs.pollOutbound();
        Writer w = new Writer();
        w.out.write(s012.array(), s012.arrayOffset() + s012.position(), s012.remaining());
        if (d.consumeBoolean()) {
            w.write(Commands.connectResult(1, d.consumeBoolean() ? 0 : 3));
        }
        try {
            while (d.remainingBytes() > 0) {
                switch (d.consumeInt(0, 9)) {
                    case 0, 1, 2 -> w.write(message(d, CLIENT_COMMANDS));
                    case 3 -> w.chunkSize(d.consumeInt(1, 300));
                    case 4 -> deliver(d, w.take(), c::receive);
                    case 5 -> {
                        if (c.state() != ClientSession.State.CLOSED) {
                            try {
                                if (d.consumeBoolean()) {
                                    c.publish(d.consumeString(5));
                                } else {
                                    c.play(d.consumeString(5));
                                }
                            } catch (IllegalStateException alreadyAsked) {
                                // documented
                            }
                        }
                    }
                    case 6 -> {
                        if (c.state() != ClientSession.State.CLOSED && c.streamId() >= 0) {
                            switch (d.consumeInt(0, 4)) {
                                case 0 -> c.sendVideo(d.consumeLong(0, 0xFFFF_FFFFL), d.consumeBytes(20));
                                case 1 -> c.sendAudio(d.consumeLong(0, 0xFFFF_FFFFL), d.consumeBytes(5));
                                case 2 -> c.sendMetadata(value(d, 0));
                                case 3 -> c.sendAggregate(List.of(new VideoMessage(new byte[2], 1, 0),
                                        new AudioMessage(new byte[1], 2, 0)));
                                default -> c.pause(d.consumeBoolean(), 1);
                            }
                        }
                    }
                    case 7 -> {
                        if (c.state() == ClientSession.State.CONNECTED) {
                            c.call(d.consumeString(6), null, values(d).toArray(new Amf0Value[0]));
                        } else if (c.state() != ClientSession.State.CLOSED) {
                            c.sendPingRequest(d.consumeLong());
                        }
                    }
                    case 8 -> c.pollOutbound();
                    default -> {
                        if (d.consumeInt(0, 9) == 0) {
                            c.close("script");
                        } else {
                            w.out.writeBytes(d.consumeBytes(d.consumeInt(0, 8)));
                        }
                    }
                }
            }
            deliver(d, w.take(), c::receive);
        } catch (RtmpProtocolException expected) {
            c.transportClosed(expected.getMessage());
        }
        c.close("end");
        c.pollOutbound();
    }
}
