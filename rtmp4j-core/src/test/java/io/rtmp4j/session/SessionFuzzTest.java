package io.rtmp4j.session;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.AmfLimits;
import io.rtmp4j.chunk.ChunkEncoder;
import io.rtmp4j.chunk.ChunkLimits;
import io.rtmp4j.handshake.Handshake;
import io.rtmp4j.message.Commands;
import io.rtmp4j.message.MessageCodec;
import io.rtmp4j.message.MessageLimits;
import io.rtmp4j.message.RtmpMessage;
import io.rtmp4j.message.StatusCode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Feeds arbitrary bytes, after a valid handshake, into a {@link ServerSession} and a {@link ClientSession}:
 * the only exception allowed to escape {@code receive} is {@link RtmpProtocolException}; closing afterwards
 * never throws.
 *
 * <p>Input layout: byte 0 = scenario (bits 0–1: the state the session is brought to first with valid
 * messages; bit 2: the application rejects requests instead of accepting them; bit 3: it decides them
 * later, after the bytes have been fed); byte 1 = where the rest is split into two reads; the rest =
 * chunk stream bytes. Regression inputs: {@code src/test/resources/io/rtmp4j/session/SessionFuzzTestInputs/}.
 */
class SessionFuzzTest {

    /** Small limits so the fuzzer reaches them and never allocates much. */
    static final ChunkLimits CHUNK = ChunkLimits.defaults().withMaxMessageSize(1 << 16).withMaxBufferedBytes(1 << 18)
            .withMaxChunkStreams(16);
    static final MessageLimits MESSAGE = MessageLimits.DEFAULT.withAmf(new AmfLimits(16, 4096, 4096, 1 << 16))
            .withMaxAggregateSubMessages(64);

    private static byte[] encode(List<RtmpMessage> messages, ChunkEncoder encoder) {
        MessageCodec codec = new MessageCodec();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (RtmpMessage m : messages) {
            out.writeBytes(encoder.encode(codec.encode(m)));
        }
        return out.toByteArray();
    }

    private static void feed(java.util.function.Consumer<ByteBuffer> receive, byte[] data) {
        if (data.length < 2) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(data, 2, data.length);
        int split = Math.min(data[1] & 0xFF, rest.length);
        receive.accept(ByteBuffer.wrap(rest, 0, split).slice());
        receive.accept(ByteBuffer.wrap(rest, split, rest.length - split).slice());
    }

    /** An application that accepts or rejects, at once or later. */
    private static final class App implements ServerSessionListener {
        final boolean reject;
        final boolean later;
        final List<Runnable> decisions = new ArrayList<>();

        App(int scenario) {
            reject = (scenario & 4) != 0;
            later = (scenario & 8) != 0;
        }

        private void decide(Runnable accept, Runnable reject) {
            Runnable r = this.reject ? reject : accept;
            if (later) {
                decisions.add(r);
            } else {
                r.run();
            }
        }

        @Override public void onConnect(ConnectRequest r) {
            decide(r::accept, () -> r.reject("no"));
        }

        @Override public void onPublish(PublishRequest r) {
            decide(r::accept, () -> r.rejectBadName("taken"));
        }

        @Override public void onPlay(PlayRequest r) {
            decide(r::accept, () -> r.rejectNotFound("none"));
        }
    }

    @FuzzTest(maxDuration = "4m")
    void server(byte[] data) {
        if (data.length < 1) {
            return;
        }
        int scenario = data[0] & 0xFF;
        App app = new App(scenario & ~8); // the prefix is decided at once
        ServerSession server = new ServerSession(ServerSessionConfig.defaults().withChunkLimits(CHUNK)
                .withMessageLimits(MESSAGE).withMaxStreams(4).withHeldLimits(64, 1 << 16), new SplittableRandom(1), app);
        Handshake client = Handshake.client(Handshake.Kind.PLAIN, new SplittableRandom(2), 0);
        server.receive(client.pollOutbound());
        client.feed(server.pollOutbound());
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        prefix.writeBytes(client.pollOutbound().array()); // C2
        ChunkEncoder encoder = new ChunkEncoder();
        List<RtmpMessage> setup = new ArrayList<>();
        int state = scenario & 3;
        if (state >= 1) {
            setup.add(Commands.connect("live").tcUrl("rtmp://h/live").build());
            setup.add(Commands.createStream(2));
        }
        if (state == 2) {
            setup.add(Commands.publish(1, "cam1", Commands.PublishType.LIVE));
        } else if (state == 3) {
            setup.add(Commands.play(1, "cam1"));
        }
        prefix.writeBytes(encode(setup, encoder));
        server.receive(ByteBuffer.wrap(prefix.toByteArray()));
        server.pollOutbound();
        App later = app;
        ServerSession s = server;
        try {
            // from here on, decisions may be deferred
            feed(s::receive, data);
        } catch (RtmpProtocolException expected) {
            s.transportClosed(expected.getMessage());
            return;
        }
        if ((scenario & 8) != 0) {
            for (Runnable r : later.decisions) {
                try {
                    r.run();
                } catch (IllegalStateException alreadyDecided) {
                    // fine
                }
            }
        }
        s.sendVideo(1, 0, new byte[] {0x17});
        s.sendPingRequest(1);
        s.notifyUnpublish(1);
        s.sendReconnectRequest("/x", null);
        s.close("fuzz");
        s.pollOutbound();
    }

    @FuzzTest(maxDuration = "4m")
    void client(byte[] data) {
        if (data.length < 1) {
            return;
        }
        int scenario = data[0] & 0xFF;
        ClientSession client = new ClientSession(ClientSessionConfig.builder("live", "rtmp://h:1935/live")
                .chunkLimits(CHUNK).messageLimits(MESSAGE).build(), new SplittableRandom(1),
                new ClientSessionListener() { });
        if ((scenario & 4) != 0) {
            client.publish("cam1");
        } else {
            client.play("cam1");
        }
        Handshake server = Handshake.server(new SplittableRandom(2), 0);
        server.feed(client.pollOutbound());
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        ByteBuffer s012 = server.pollOutbound();
        prefix.write(s012.array(), s012.arrayOffset() + s012.position(), s012.remaining());
        ChunkEncoder encoder = new ChunkEncoder();
        List<RtmpMessage> setup = new ArrayList<>();
        int state = scenario & 3;
        if (state >= 1) {
            setup.add(Commands.connectResult(1, 0));
        }
        if (state >= 2) {
            setup.add(Commands.createStreamResult((scenario & 4) != 0 ? 4 : 2, 1));
        }
        if (state == 3) {
            setup.add(Commands.onStatus(1, (scenario & 4) != 0 ? StatusCode.PUBLISH_START : StatusCode.PLAY_START));
        }
        prefix.writeBytes(encode(setup, encoder));
        client.receive(ByteBuffer.wrap(prefix.toByteArray()));
        client.pollOutbound();
        try {
            feed(client::receive, data);
        } catch (RtmpProtocolException expected) {
            client.transportClosed(expected.getMessage());
            return;
        }
        if (client.state() != ClientSession.State.CLOSED) {
            client.sendPingRequest(1);
            if (client.streamId() >= 0) {
                client.sendVideo(0, new byte[] {0x17});
            }
        }
        client.close("fuzz");
        client.pollOutbound();
    }
}
