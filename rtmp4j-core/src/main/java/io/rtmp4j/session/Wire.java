package io.rtmp4j.session;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.chunk.ChunkDecoder;
import io.rtmp4j.chunk.ChunkEncoder;
import io.rtmp4j.chunk.ChunkLimits;
import io.rtmp4j.chunk.RawMessage;
import io.rtmp4j.handshake.Handshake;
import io.rtmp4j.message.Acknowledgement;
import io.rtmp4j.message.MessageCodec;
import io.rtmp4j.message.MessageLimits;
import io.rtmp4j.message.RtmpMessage;
import io.rtmp4j.message.SetChunkSize;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The byte plumbing both sessions share: handshake, then chunk decoding into typed messages with
 * automatic Acknowledgements (rtmp-1.0.txt §5.4.3), and an outbound byte buffer that coalesces every
 * message queued between two drains.
 */
final class Wire {

    private static final int INITIAL_OUT = 4096;

    private final Handshake handshake;
    private final ChunkDecoder decoder;
    private final ChunkEncoder encoder = new ChunkEncoder();
    private final MessageCodec codec;
    /** Chunk stream ids whose every message starts with a fmt 0 header (the fan-out contract, {@link ChunkLayout}). */
    private final int[] alwaysFmt0;

    private byte[] out = new byte[INITIAL_OUT];
    private int outLen;
    private boolean handshakeDone;
    private RtmpProtocolException failure;

    Wire(Handshake handshake, ChunkLimits chunkLimits, MessageLimits messageLimits, int... alwaysFmt0) {
        this.handshake = handshake;
        this.decoder = new ChunkDecoder(chunkLimits);
        this.codec = new MessageCodec(messageLimits);
        this.alwaysFmt0 = alwaysFmt0.clone();
        takeHandshakeOutput();
    }

    MessageCodec codec() {
        return codec;
    }

    ChunkDecoder decoder() {
        return decoder;
    }

    boolean handshakeDone() {
        return handshakeDone;
    }

    /**
     * Feeds bytes: to the handshake until it is done (then its leftover), then to the chunk decoder.
     * Calls {@code onHandshakeDone} once, before the first message; {@code sink} gets every decoded
     * message in order. Sends an Acknowledgement when a window is complete.
     */
    void receive(ByteBuffer in, Runnable onHandshakeDone, Consumer<RtmpMessage> sink) {
        if (failure != null) {
            throw new RtmpProtocolException("session has already failed: " + failure.getMessage(), failure);
        }
        try {
            if (!handshakeDone) {
                handshake.feed(in);
                takeHandshakeOutput();
                if (!handshake.isDone()) {
                    return;
                }
                handshakeDone = true;
                onHandshakeDone.run();
                in = handshake.leftover();
            }
            decoder.decode(in, raw -> sink.accept(codec.decode(raw)));
            long seq = decoder.ackCounter().takeAck();
            if (seq >= 0) {
                send(new Acknowledgement(seq));
            }
        } catch (RtmpProtocolException e) {
            failure = e;
            throw e;
        }
    }

    private void takeHandshakeOutput() {
        if (handshake.hasOutbound()) {
            ByteBuffer b = handshake.pollOutbound();
            ensure(b.remaining());
            int n = b.remaining();
            b.get(out, outLen, n);
            outLen += n;
        }
    }

    /** Encodes and queues one message. */
    void send(RtmpMessage message) {
        sendRaw(codec.encode(message));
    }

    void sendRaw(RawMessage raw) {
        for (int csid : alwaysFmt0) {
            if (csid == raw.chunkStreamId()) {
                encoder.forget(csid);
            }
        }
        int n = encoder.encodedLength(raw);
        ensure(n);
        ByteBuffer b = ByteBuffer.wrap(out, outLen, out.length - outLen);
        outLen += encoder.encode(raw, b);
    }

    /** Sends Set Chunk Size (with the old size, §5.4.1) and switches the encoder to {@code size}. */
    void setChunkSize(int size) {
        send(new SetChunkSize(size));
        encoder.setChunkSize(size);
    }

    int chunkSize() {
        return encoder.chunkSize();
    }

    private void ensure(int more) {
        long need = (long) outLen + more;
        if (need > out.length) {
            if (need > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("outbound buffer would exceed 2 GiB: drain it");
            }
            out = Arrays.copyOf(out, (int) Math.max(need, Math.min(Integer.MAX_VALUE - 16, out.length * 2L)));
        }
    }

    boolean hasOutbound() {
        return outLen > 0;
    }

    int pendingOutboundBytes() {
        return outLen;
    }

    /** Everything queued since the last call, as one buffer the caller owns (empty when nothing). */
    ByteBuffer pollOutbound() {
        if (outLen == 0) {
            return ByteBuffer.allocate(0);
        }
        ByteBuffer b = ByteBuffer.wrap(out, 0, outLen);
        out = new byte[INITIAL_OUT];
        outLen = 0;
        return b;
    }
}
