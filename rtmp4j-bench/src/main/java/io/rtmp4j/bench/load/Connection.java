package io.rtmp4j.bench.load;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.chunk.ChunkDecoder;
import io.rtmp4j.chunk.ChunkEncoder;
import io.rtmp4j.chunk.RawMessage;
import io.rtmp4j.handshake.ClientHandshake;
import io.rtmp4j.handshake.Handshake;
import io.rtmp4j.message.Acknowledgement;
import io.rtmp4j.message.CommandMessage;
import io.rtmp4j.message.MessageCodec;
import io.rtmp4j.message.MessageType;
import io.rtmp4j.message.RtmpMessage;
import io.rtmp4j.session.RtmpUrl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One client connection of the load generator, driven by one {@link IoLoop}: non-blocking connect,
 * client handshake (rtmp-1.0.txt §5.2, plain or digest), then the chunk stream (§5.3) decoded with
 * {@link ChunkDecoder} and written with {@link ChunkEncoder}. Acknowledgements are sent whenever the
 * server's window (Window Acknowledgement Size, §5.4.4) has been received; Ping Requests (User Control
 * event 6, §7.1.7) are answered. Subclasses run the command sequence and consume media.
 *
 * <p>Not thread-safe: every method runs on the owning loop's thread.
 */
abstract class Connection implements Consumer<RawMessage> {

    enum State { NEW, CONNECTING, HANDSHAKE, COMMANDS, ACTIVE, FAILED, CLOSED }

    /** Largest amount of outbound bytes kept queued before a publisher stops producing. */
    static final int MAX_PENDING = 4 << 20;
    private static final int READS_PER_WAKEUP = 8;

    final int index;
    final RtmpUrl url;
    final String streamName;
    private final Handshake.Kind handshakeKind;
    final MessageCodec codec;
    final ChunkDecoder decoder = new ChunkDecoder();
    final ChunkEncoder encoder = new ChunkEncoder();
    private ClientHandshake handshake;
    private SocketChannel channel;
    private SelectionKey key;
    /** Outbound bytes, in write mode: pending data is [0, position). */
    private ByteBuffer out = ByteBuffer.allocate(1024);

    State state = State.NEW;
    String failure;
    long startUs;
    long handshakeDoneUs;
    long bytesIn;
    long bytesOut;

    Connection(int index, RtmpUrl url, String streamName, Handshake.Kind handshakeKind, MessageCodec codec) {
        this.index = index;
        this.url = url;
        this.streamName = streamName;
        this.handshakeKind = handshakeKind;
        this.codec = codec;
    }

    static long nowUs() {
        return System.nanoTime() / 1000;
    }

    // ---- I/O, called by the loop -----------------------------------------------------------------

    final void start(Selector selector) {
        startUs = nowUs();
        state = State.CONNECTING;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            key = channel.register(selector, 0, this);
            if (channel.connect(new InetSocketAddress(url.host(), url.port()))) {
                onConnected();
            } else {
                key.interestOps(SelectionKey.OP_CONNECT);
            }
        } catch (IOException | RuntimeException e) {
            fail("connect: " + e);
        }
    }

    final void onSelected() {
        if (!key.isValid()) {
            return;
        }
        try {
            if (key.isConnectable()) {
                channel.finishConnect();
                onConnected();
                return;
            }
            if (key.isWritable()) {
                flush();
            }
            if (key.isReadable()) {
                read(IoLoop.current().readBuffer);
            }
        } catch (IOException e) {
            fail(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (RtmpProtocolException e) {
            fail("protocol: " + e.getMessage());
        } catch (RuntimeException e) {
            fail("bug: " + e);
        }
    }

    private void onConnected() throws IOException {
        state = State.HANDSHAKE;
        handshake = Handshake.client(handshakeKind, new SplittableRandom(), 0);
        queue(handshake.pollOutbound());
        flush();
    }

    private void read(ByteBuffer buf) throws IOException {
        for (int i = 0; i < READS_PER_WAKEUP; i++) {
            buf.clear();
            int n = channel.read(buf);
            if (n < 0) {
                fail("server closed the connection");
                return;
            }
            if (n == 0) {
                break;
            }
            bytesIn += n;
            buf.flip();
            if (state == State.HANDSHAKE) {
                handshake.feed(buf);
                if (handshake.hasOutbound()) {
                    queue(handshake.pollOutbound());
                }
                if (handshake.isDone()) {
                    handshakeDoneUs = nowUs();
                    state = State.COMMANDS;
                    onHandshakeDone();
                    ByteBuffer rest = handshake.leftover();
                    handshake = null;
                    if (rest.hasRemaining()) {
                        decoder.decode(rest, this);
                    }
                }
            } else if (state == State.COMMANDS || state == State.ACTIVE) {
                decoder.decode(buf, this);
            } else {
                return;
            }
            if (n < buf.capacity()) {
                break; // drained the socket
            }
        }
        long ack = decoder.ackCounter().takeAck();
        if (ack >= 0) {
            send(new Acknowledgement(ack));
        }
        flush();
    }

    /** Writes what is queued; keeps OP_WRITE while something is left. */
    final void flush() throws IOException {
        if (channel == null || !channel.isOpen()) {
            return;
        }
        if (out.position() > 0) {
            out.flip();
            bytesOut += channel.write(out);
            out.compact();
        }
        int ops = SelectionKey.OP_READ | (out.position() > 0 ? SelectionKey.OP_WRITE : 0);
        if (key.isValid() && key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** Bytes queued and not yet written. */
    final int pending() {
        return out.position();
    }

    final void fail(String reason) {
        if (state != State.FAILED && state != State.CLOSED) {
            failure = reason;
            state = State.FAILED;
        }
        closeChannel();
    }

    final void close() {
        if (state != State.FAILED) {
            state = State.CLOSED;
        }
        closeChannel();
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing: nothing to do
            }
        }
    }

    // ---- outbound -------------------------------------------------------------------------------

    private void ensure(int n) {
        if (out.remaining() < n) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + n));
            out.flip();
            bigger.put(out);
            out = bigger;
        }
    }

    private void queue(ByteBuffer bytes) {
        ensure(bytes.remaining());
        out.put(bytes);
    }

    /** Queues one typed message. */
    final void send(RtmpMessage message) {
        RawMessage raw = codec.encode(message);
        sendRaw(raw.chunkStreamId(), raw.typeId(), raw.timestamp(), raw.messageStreamId(), raw.payload());
    }

    /** Queues one message given field by field (no allocation once the buffer is large enough). */
    final void sendRaw(int csid, int typeId, long timestamp, int messageStreamId, byte[] payload) {
        ensure(encoder.encodedLength(csid, typeId, timestamp, messageStreamId, payload.length));
        encoder.encode(csid, typeId, timestamp, messageStreamId, payload, 0, payload.length, out);
    }

    // ---- inbound --------------------------------------------------------------------------------

    @Override
    public final void accept(RawMessage m) {
        int type = m.typeId();
        if (type == MessageType.USER_CONTROL.id()) {
            byte[] p = m.payload();
            // rtmp-1.0.txt §7.1.7: event type u16; PingRequest (6) is answered with PingResponse (7)
            if (p.length >= 6 && p[0] == 0 && p[1] == 6) {
                byte[] reply = {0, 7, p[2], p[3], p[4], p[5]};
                sendRaw(MessageCodec.CSID_PROTOCOL, MessageType.USER_CONTROL.id(), 0, 0, reply);
            }
        } else if (type == MessageType.COMMAND_AMF0.id() || type == MessageType.COMMAND_AMF3.id()) {
            RtmpMessage decoded = codec.decode(m);
            if (decoded instanceof CommandMessage c) {
                onCommand(c);
            }
        } else {
            onMessage(m);
        }
    }

    /** The handshake completed; send the first command. */
    abstract void onHandshakeDone();

    /** A command arrived from the server. */
    abstract void onCommand(CommandMessage command);

    /** Any other message (media, data, control) arrived. */
    abstract void onMessage(RawMessage message);

    /** The {@code code} of an {@code onStatus} or {@code _error} info object, or "". */
    static String statusCode(CommandMessage c) {
        for (Amf0Value v : c.arguments()) {
            if (v instanceof Amf0Properties p) {
                return p.string("code").orElse("");
            }
        }
        return "";
    }

    /** The first number argument of a {@code _result} (createStream's stream id), or -1. */
    static int firstNumber(CommandMessage c) {
        for (Amf0Value v : c.arguments()) {
            Double d = v.asNumber();
            if (d != null) {
                return d.intValue();
            }
        }
        return -1;
    }

    /** Whether this connection ended (failed or closed). */
    final boolean ended() {
        return state == State.FAILED || state == State.CLOSED;
    }
}
