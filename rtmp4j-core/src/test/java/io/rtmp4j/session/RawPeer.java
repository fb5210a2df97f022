package io.rtmp4j.session;

import io.rtmp4j.chunk.ChunkDecoder;
import io.rtmp4j.chunk.ChunkEncoder;
import io.rtmp4j.chunk.RawMessage;
import io.rtmp4j.handshake.Handshake;
import io.rtmp4j.message.MessageCodec;
import io.rtmp4j.message.RtmpMessage;
import io.rtmp4j.message.SetChunkSize;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A hand-driven peer for session tests: it does the handshake with the real {@link Handshake}, then sends
 * exactly the messages a test builds (so command sequences of OBS, Flash or ffmpeg can be replayed by hand)
 * and decodes everything the session sends into {@link #received}.
 */
final class RawPeer {

    private final Handshake handshake;
    private final ChunkDecoder decoder = new ChunkDecoder();
    private final ChunkEncoder encoder = new ChunkEncoder();
    private final MessageCodec codec = new MessageCodec();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final List<RtmpMessage> received = new ArrayList<>();
    final List<RawMessage> receivedRaw = new ArrayList<>();

    private RawPeer(Handshake handshake) {
        this.handshake = handshake;
        drainHandshake();
    }

    /** A client-side peer (plain handshake, as OBS). */
    static RawPeer client() {
        return new RawPeer(Handshake.client(Handshake.Kind.PLAIN, new SplittableRandom(7), 0));
    }

    /** A server-side peer. */
    static RawPeer server() {
        return new RawPeer(Handshake.server(new SplittableRandom(8), 0));
    }

    private void drainHandshake() {
        ByteBuffer b = handshake.pollOutbound();
        out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
    }

    void receive(ByteBuffer in) {
        if (!handshake.isDone()) {
            handshake.feed(in);
            drainHandshake();
            if (!handshake.isDone()) {
                return;
            }
            in = handshake.leftover();
        }
        decoder.decode(in, raw -> {
            receivedRaw.add(raw);
            received.add(codec.decode(raw));
        });
    }

    boolean handshakeDone() {
        return handshake.isDone();
    }

    /** Queues a message (encoded with this peer's chunk size). */
    RawPeer send(RtmpMessage m) {
        out.writeBytes(encoder.encode(codec.encode(m)));
        return this;
    }

    /** Queues raw bytes as they are. */
    RawPeer sendBytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** Sends Set Chunk Size and switches the encoder. */
    RawPeer setChunkSize(int size) {
        send(new SetChunkSize(size));
        encoder.setChunkSize(size);
        return this;
    }

    boolean hasOutbound() {
        return out.size() > 0;
    }

    ByteBuffer take() {
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray());
        out.reset();
        return b;
    }

    /** The messages received so far, then forgets them. */
    List<RtmpMessage> takeReceived() {
        List<RtmpMessage> r = new ArrayList<>(received);
        received.clear();
        receivedRaw.clear();
        return r;
    }

    /** Pumps between this (client-side) peer and a server session until both are quiet. */
    void pump(ServerSession server) {
        for (int i = 0; i < 1000 && (hasOutbound() || server.hasOutbound()); i++) {
            if (hasOutbound()) {
                server.receive(take());
            }
            if (server.hasOutbound()) {
                receive(server.pollOutbound());
            }
        }
    }

    /** Pumps between this (server-side) peer and a client session until both are quiet. */
    void pump(ClientSession client) {
        for (int i = 0; i < 1000 && (hasOutbound() || client.hasOutbound()); i++) {
            if (hasOutbound()) {
                client.receive(take());
            }
            if (client.hasOutbound()) {
                receive(client.pollOutbound());
            }
        }
    }
}
