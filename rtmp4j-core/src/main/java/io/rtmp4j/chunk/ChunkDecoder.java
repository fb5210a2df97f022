package io.rtmp4j.chunk;

import io.rtmp4j.RtmpProtocolException;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Streaming, sans-IO decoder of the RTMP chunk stream (rtmp-1.0.txt §5.3): feed it the bytes that
 * follow the handshake, in pieces of any size, and it reports every complete message as a
 * {@link RawMessage}.
 *
 * <pre>{@code
 * ChunkDecoder decoder = new ChunkDecoder(ChunkLimits.defaults());
 * MessageCodec codec = new MessageCodec();                 // io.rtmp4j.message
 * decoder.decode(bytesFromSocket, raw -> handle(codec.decode(raw)));   // RawMessage -> RtmpMessage
 * long ack = decoder.ackCounter().takeAck();   // >= 0: send an Acknowledgement with this number
 * }</pre>
 *
 * <p>What it handles:
 * <ul>
 *   <li>Chunk headers of all four formats (§5.3.1.2.1–4) and the 1-, 2- and 3-byte basic headers
 *       (§5.3.1.1); every chunk stream id has its own reassembly state, so messages interleaved on
 *       different chunk streams are reassembled separately (OBS 30+ and FFmpeg 6.1+ interleave).</li>
 *   <li>Timestamps: fmt 0 carries the absolute timestamp, fmt 1/2 a delta, fmt 3 starting a new
 *       message reuses the previous delta (after a fmt 0, its timestamp, §5.3.1.2.4). A delta is
 *       applied once per message, never per continuation chunk (OBS writes fmt 1 followed by fmt 3
 *       continuations). Arithmetic is modulo 2³², so timestamps wrap around.</li>
 *   <li>Extended timestamps (§5.3.1.3). On a fmt 3 chunk that starts a message, the 4-byte field is
 *       read whenever the chunk stream's last fmt 0/1/2 header used one. On a fmt 3 continuation
 *       chunk, FMLE, ffmpeg and OBS repeat the field while rtmpdump leaves it out: like SRS, the
 *       decoder peeks at the next 4 bytes and takes them as the extended timestamp only if they equal
 *       the value that header carried (or the message's absolute timestamp); otherwise they are
 *       payload.</li>
 *   <li>Protocol control messages the chunk layer must act on take effect the moment they complete,
 *       before the next chunk is parsed, even inside the same buffer (Twitch sends Set Chunk Size right
 *       before a connect {@code _result} larger than 128 bytes): Set Chunk Size (type 1, §5.4.1;
 *       1..0x7FFFFFFF and at most {@link ChunkLimits#maxChunkSize()}), Abort Message (type 2, §5.4.2:
 *       the partial message on that chunk stream is discarded) and Window Acknowledgement Size (type 5,
 *       §5.4.4: becomes the window of {@link #ackCounter()}). They are still delivered to the sink.</li>
 *   <li>Acknowledgement accounting: every byte given to {@link #decode} is counted by
 *       {@link #ackCounter()}.</li>
 * </ul>
 *
 * <p>Errors: malformed or over-limit input throws {@link RtmpProtocolException} and nothing else: a
 * fmt 2/3 header on a chunk stream that never had a fmt 0 or 1 (a first fmt 1 is accepted as message
 * stream 0, timestamp delta from 0: librtmp sends its control messages that way), a fmt 0/1/2 header while a message on that
 * chunk stream is incomplete, an invalid Set Chunk Size, a length over a {@link ChunkLimits} limit
 * (refused from the header, before the message is buffered), more chunk streams than allowed. After an
 * error the decoder stays failed: every later call throws again. Bytes that end mid-chunk are kept
 * until more arrive; that is never an error.
 *
 * <p>Memory: a message's payload array starts at {@value #INITIAL_PAYLOAD_CAPACITY} bytes at most and
 * doubles (up to the declared length) as bytes arrive, so a header declaring 16 MiB costs what was
 * actually sent, not 16 MiB: a few header bytes must not pin a wire-maximum buffer per connection.
 * Messages up to that size are allocated once, at their declared length, and chunk payloads are copied
 * straight into them; there is no per-chunk allocation. Not thread-safe.
 */
public final class ChunkDecoder {

    /** The chunk size every connection starts with (rtmp-1.0.txt §5.4.1). */
    public static final int DEFAULT_CHUNK_SIZE = 128;

    /**
     * Largest payload array allocated before the bytes arrive. 64 KiB holds every control message,
     * command and audio frame, and most video frames at a typical bitrate, in one allocation.
     */
    static final int INITIAL_PAYLOAD_CAPACITY = 64 * 1024;

    /** Longest chunk header: 3-byte basic header + 11-byte type 0 header + 4-byte extended timestamp. */
    private static final int MAX_HEADER = 18;
    private static final int[] MESSAGE_HEADER_LENGTH = {11, 7, 3, 0};
    private static final int EXTENDED = 0xFF_FFFF;
    private static final byte[] EMPTY = new byte[0];

    private final ChunkLimits limits;
    private final AckCounter acks = new AckCounter();
    private final ChunkStreamTable<InboundStream> streams = new ChunkStreamTable<>();
    private int openStreams;
    private int chunkSize = DEFAULT_CHUNK_SIZE;
    private long bufferedBytes;

    /** Bytes of a chunk header that arrived split across buffers (and peeked bytes that were payload). */
    private final byte[] stash = new byte[MAX_HEADER];
    private final ByteBuffer stashView = ByteBuffer.wrap(stash);
    private int stashPos;
    private int stashLim;

    /** The chunk stream whose chunk payload is being read, or null between chunks. */
    private InboundStream current;
    private int chunkLeft;

    private RtmpProtocolException failure;

    /** A decoder with {@link ChunkLimits#defaults()}. */
    public ChunkDecoder() {
        this(ChunkLimits.defaults());
    }

    /**
     * A decoder enforcing {@code limits}.
     *
     * @param limits the limits to enforce
     */
    public ChunkDecoder(ChunkLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Reassembly state of one chunk stream id. */
    private static final class InboundStream {
        final int csid;
        /** Timestamp of the last message started on this chunk stream (mod 2³²). */
        int timestamp;
        /** Delta a fmt 3 header starting a new message applies. */
        int delta;
        int length;
        int typeId;
        int messageStreamId;
        /** Whether the last fmt 0/1/2 header carried an extended timestamp (§5.3.1.3). */
        boolean extended;
        /** The 32-bit value that extended timestamp field carried. */
        int extendedValue;
        /** Timestamp of the message being reassembled. */
        int messageTimestamp;
        /** Payload of the incomplete message, null when none is in progress. */
        byte[] payload;
        int filled;

        InboundStream(int csid) {
            this.csid = csid;
        }
    }

    /**
     * The limits this decoder enforces.
     *
     * @return the limits
     */
    public ChunkLimits limits() {
        return limits;
    }

    /**
     * The peer's current chunk size (128 until it sends Set Chunk Size).
     *
     * @return the inbound chunk size in bytes
     */
    public int chunkSize() {
        return chunkSize;
    }

    /**
     * Acknowledgement accounting of the bytes this decoder has received (§5.4.3, §5.4.4).
     *
     * @return the acknowledgement counter
     */
    public AckCounter ackCounter() {
        return acks;
    }

    /**
     * Bytes of incomplete messages currently held (their declared lengths).
     *
     * @return the declared bytes of messages not yet complete
     */
    public long bufferedBytes() {
        return bufferedBytes;
    }

    /**
     * Number of chunk streams the peer has opened.
     *
     * @return how many chunk stream ids have state
     */
    public int openChunkStreams() {
        return openStreams;
    }

    /**
     * Consumes every remaining byte of {@code in}, calling {@code sink} once per completed message, in
     * the order the messages complete. A trailing partial chunk is kept for the next call. The sink
     * must not throw anything but {@link RtmpProtocolException} (which fails the decoder).
     *
     * @param in the bytes received; consumed entirely
     * @param sink receives each complete message
     * @throws RtmpProtocolException on malformed or over-limit input (and on every call after one)
     */
    public void decode(ByteBuffer in, Consumer<? super RawMessage> sink) {
        Objects.requireNonNull(sink, "sink");
        if (failure != null) {
            throw new RtmpProtocolException("chunk decoder has already failed: " + failure.getMessage(), failure);
        }
        acks.onBytesReceived(in.remaining());
        try {
            decodeLoop(in, sink);
        } catch (RtmpProtocolException e) {
            failure = e;
            throw e;
        }
    }

    private void decodeLoop(ByteBuffer in, Consumer<? super RawMessage> sink) {
        for (;;) {
            if (current == null && !readHeader(in)) {
                return;
            }
            InboundStream s = current;
            if (chunkLeft > 0) {
                int n = stashLim - stashPos;
                if (n > 0) {
                    n = Math.min(n, chunkLeft);
                    ensureCapacity(s, s.filled + n);
                    System.arraycopy(stash, stashPos, s.payload, s.filled, n);
                    stashPos += n;
                    s.filled += n;
                    chunkLeft -= n;
                }
                if (chunkLeft > 0) {
                    n = Math.min(chunkLeft, in.remaining());
                    ensureCapacity(s, s.filled + n);
                    in.get(s.payload, s.filled, n);
                    s.filled += n;
                    chunkLeft -= n;
                    if (chunkLeft > 0) {
                        return; // input exhausted mid-chunk
                    }
                }
            }
            current = null;
            if (s.filled == s.length) {
                complete(s, sink);
            }
        }
    }

    /** Reads the next chunk header, from the stash and/or {@code in}; false if more bytes are needed. */
    private boolean readHeader(ByteBuffer in) {
        if (stashPos == stashLim) {
            stashPos = 0;
            stashLim = 0;
            int avail = in.remaining();
            if (avail == 0) {
                return false;
            }
            int r = parseHeader(in, in.position(), avail);
            if (r > 0) {
                in.position(in.position() + r);
                return true;
            }
            in.get(stash, 0, avail); // avail < -r <= MAX_HEADER
            stashLim = avail;
            return false;
        }
        if (stashPos > 0) {
            System.arraycopy(stash, stashPos, stash, 0, stashLim - stashPos);
            stashLim -= stashPos;
            stashPos = 0;
        }
        for (;;) {
            int r = parseHeader(stashView, 0, stashLim);
            if (r > 0) {
                stashPos = r;
                return true;
            }
            int n = Math.min(-r - stashLim, in.remaining());
            if (n == 0) {
                return false;
            }
            in.get(stash, stashLim, n);
            stashLim += n;
        }
    }

    private static int u8(ByteBuffer b, int i) {
        return b.get(i) & 0xFF;
    }

    private static int u24(ByteBuffer b, int i) {
        return (u8(b, i) << 16) | (u8(b, i + 1) << 8) | u8(b, i + 2);
    }

    private static int be32(ByteBuffer b, int i) {
        return (u8(b, i) << 24) | (u8(b, i + 1) << 16) | (u8(b, i + 2) << 8) | u8(b, i + 3);
    }

    private static int le32(ByteBuffer b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8) | (u8(b, i + 2) << 16) | (u8(b, i + 3) << 24);
    }

    /**
     * Parses and applies the chunk header at {@code b[p..p+avail)} (absolute indices; at least one byte
     * available). Returns the header length consumed, or minus the total number of bytes needed to go
     * on (always more than {@code avail}) without changing any state.
     */
    private int parseHeader(ByteBuffer b, int p, int avail) {
        // §5.3.1.1 basic header
        int b0 = u8(b, p);
        int fmt = b0 >>> 6;
        int basic;
        int csid;
        switch (b0 & 0x3F) {
            case 0 -> {
                if (avail < 2) {
                    return -2;
                }
                basic = 2;
                csid = u8(b, p + 1) + 64;
            }
            case 1 -> {
                if (avail < 3) {
                    return -3;
                }
                basic = 3;
                csid = u8(b, p + 1) + (u8(b, p + 2) << 8) + 64;
            }
            default -> {
                basic = 1;
                csid = b0 & 0x3F;
            }
        }
        InboundStream s = streams.get(csid);
        // librtmp (rtmpdump, GStreamer rtmpsrc/rtmpsink) sends its control messages (SetBufferLength,
        // Acknowledgement, ping responses) as fmt 1 on chunk stream 2 even when it never used that chunk
        // stream before; nginx-rtmp and SRS accept it. A fmt 1 header carries everything but the message
        // stream id, so a first fmt 1 is read as message stream 0 with a delta from timestamp 0.
        // fmt 2 and 3 lack the length and type: those stay errors.
        if (s == null && fmt >= 2) {
            throw new RtmpProtocolException("chunk stream " + csid + " starts with a fmt " + fmt
                    + " header; the first chunk on a chunk stream must be fmt 0 (rtmp-1.0.txt §5.3.1.2.1)"
                    + " or, as librtmp sends, fmt 1");
        }
        int h = p + basic;
        int need = basic + MESSAGE_HEADER_LENGTH[fmt];
        if (fmt == 3) {
            // §5.3.1.2.4: no message header; values come from the previous chunk on this chunk stream.
            if (s.payload != null) {
                // continuation chunk of the message in progress
                int consumed = basic;
                if (s.extended) {
                    // §5.3.1.3 says the field is present; rtmpdump omits it on continuations while FMLE,
                    // ffmpeg and OBS repeat it. Peek and compare, as SRS does.
                    if (avail < basic + 4) {
                        return -(basic + 4);
                    }
                    int v = be32(b, h);
                    if (v == s.extendedValue || v == s.messageTimestamp) {
                        consumed += 4;
                    }
                }
                current = s;
                chunkLeft = Math.min(chunkSize, s.length - s.filled);
                return consumed;
            }
            if (s.extended) {
                need += 4;
                if (avail < need) {
                    return -need;
                }
                s.delta = be32(b, h);
                s.extendedValue = s.delta;
            }
            checkLength(csid, s.length); // a length that passed once, but the buffer may be fuller now
            startMessage(s, s.timestamp + s.delta);
            return need;
        }
        if (avail < need) {
            return -need;
        }
        int field = u24(b, h);
        boolean extended = field == EXTENDED;
        int value = field;
        if (extended) {
            need += 4;
            if (avail < need) {
                return -need;
            }
            value = be32(b, h + MESSAGE_HEADER_LENGTH[fmt]);
        }
        if (s != null && s.payload != null) {
            throw new RtmpProtocolException("chunk stream " + csid + ": fmt " + fmt + " header starts a new message while "
                    + s.filled + " of " + s.length + " bytes of the previous one arrived (rtmp-1.0.txt §5.3.1.2)");
        }
        int length = fmt <= 1 ? u24(b, h + 3) : s.length;
        checkLength(csid, length);
        if (s == null) {
            if (openStreams >= limits.maxChunkStreams()) {
                throw new RtmpProtocolException("chunk stream " + csid + " would exceed the limit of "
                        + limits.maxChunkStreams() + " chunk streams");
            }
            s = new InboundStream(csid);
            streams.put(csid, s);
            openStreams++;
        }
        s.extended = extended;
        s.extendedValue = value;
        s.delta = value;
        if (fmt <= 1) {
            s.length = length;
            s.typeId = u8(b, h + 6);
        }
        int timestamp;
        if (fmt == 0) {
            // §5.3.1.2.1: absolute timestamp; message stream id is little-endian (§5.3.1.2.5)
            s.messageStreamId = le32(b, h + 7);
            timestamp = value;
        } else {
            timestamp = s.timestamp + value; // delta, mod 2^32
        }
        startMessage(s, timestamp);
        return need;
    }

    private void checkLength(int csid, int length) {
        if (length > limits.maxMessageSize()) {
            throw new RtmpProtocolException("chunk stream " + csid + ": message length " + length
                    + " exceeds the limit of " + limits.maxMessageSize() + " bytes");
        }
        if (bufferedBytes + length > limits.maxBufferedBytes()) {
            throw new RtmpProtocolException("chunk stream " + csid + ": message length " + length + " with "
                    + bufferedBytes + " bytes already buffered exceeds the limit of " + limits.maxBufferedBytes()
                    + " buffered bytes");
        }
    }

    private void startMessage(InboundStream s, int timestamp) {
        s.timestamp = timestamp;
        s.messageTimestamp = timestamp;
        s.payload = s.length == 0 ? EMPTY : new byte[Math.min(s.length, INITIAL_PAYLOAD_CAPACITY)];
        s.filled = 0;
        bufferedBytes += s.length;
        current = s;
        chunkLeft = Math.min(chunkSize, s.length);
    }

    /** Grows the payload array to hold {@code needed} bytes: doubling, never beyond the declared length. */
    private static void ensureCapacity(InboundStream s, int needed) {
        byte[] p = s.payload;
        if (needed > p.length) {
            int grown = (int) Math.min(s.length, Math.max(needed, 2L * p.length));
            s.payload = Arrays.copyOf(p, grown);
        }
    }

    private void complete(InboundStream s, Consumer<? super RawMessage> sink) {
        byte[] payload = s.payload;
        s.payload = null;
        bufferedBytes -= payload.length;
        RawMessage m = new RawMessage(s.csid, s.typeId, Integer.toUnsignedLong(s.messageTimestamp),
                s.messageStreamId, payload);
        // §5.4: protocol control messages take effect as soon as they are received.
        switch (s.typeId) {
            case ControlBodies.SET_CHUNK_SIZE -> chunkSize = ControlBodies.setChunkSize(payload, limits.maxChunkSize());
            case ControlBodies.ABORT -> abort(ControlBodies.abortChunkStreamId(payload));
            case ControlBodies.WINDOW_ACK_SIZE -> acks.setWindowSize(ControlBodies.windowAckSize(payload));
            default -> {
            }
        }
        sink.accept(m);
    }

    /** §5.4.2: discard the partially received message on that chunk stream, if any. */
    private void abort(long csid) {
        if (csid < 2 || csid > 65_599) {
            return; // no such chunk stream can exist; nothing to discard
        }
        InboundStream t = streams.get((int) csid);
        if (t != null && t.payload != null) {
            bufferedBytes -= t.length;
            t.payload = null;
            t.filled = 0;
        }
    }
}
