package io.rtmp4j.chunk;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Encoder of the RTMP chunk stream (rtmp-1.0.txt §5.3): splits messages into chunks of the outbound
 * chunk size, choosing for each message the smallest header that the peer's decoder will read
 * correctly.
 *
 * <p>Header choice per message, against the previous message sent on the same chunk stream id:
 * <ul>
 *   <li>fmt 0 (§5.3.1.2.1) on a chunk stream not used yet, after {@link #forget(int)} /
 *       {@link #forgetAll()} (e.g. after a message was dropped instead of sent), when the message
 *       stream id differs, or when the timestamp goes backwards (as an unsigned 32-bit value);</li>
 *   <li>otherwise fmt 3 (§5.3.1.2.4) when length, type and timestamp delta all equal the previous
 *       message's (after a fmt 0 the "previous delta" is that message's timestamp, as §5.3.1.2.4
 *       says);</li>
 *   <li>fmt 2 (§5.3.1.2.3) when only the delta differs; fmt 1 (§5.3.1.2.2) otherwise.</li>
 * </ul>
 * Continuation chunks are always fmt 3. When the header used an extended timestamp (value
 * &ge; 0xFFFFFF, §5.3.1.3), every fmt 3 chunk of the message repeats it, as FMLE, ffmpeg and OBS do
 * (GStreamer complains otherwise). The smallest basic header form is used (§5.3.1.1).
 *
 * <pre>{@code
 * ChunkEncoder encoder = new ChunkEncoder();
 * ByteBuffer out = ByteBuffer.allocate(encoder.encodedLength(message));
 * encoder.encode(message, out);
 * // after sending Set Chunk Size(4096) with the old size:
 * encoder.setChunkSize(4096);
 * }</pre>
 *
 * <p>Encoding writes into a caller-supplied {@link ByteBuffer} and allocates nothing per message
 * (after a chunk stream's first use). With Netty: size the {@code ByteBuf} with
 * {@link #encodedLength(RawMessage)}, encode into {@code buf.nioBuffer(buf.writerIndex(), n)} and
 * advance the writer index by {@code n}. Not thread-safe.
 *
 * <p>{@link #encodeFmt0} writes one message with a fmt 0 first chunk and no state at all, for bytes
 * shared by many connections ({@code io.rtmp4j.session.ChunkLayout} uses it for the fan-out contract).
 */
public final class ChunkEncoder {

    /** The chunk size every connection starts with (rtmp-1.0.txt §5.4.1). */
    public static final int DEFAULT_CHUNK_SIZE = 128;

    private static final int[] MESSAGE_HEADER_LENGTH = {11, 7, 3, 0};
    private static final int EXTENDED = 0xFF_FFFF;

    private final ChunkStreamTable<OutboundStream> streams = new ChunkStreamTable<>();
    private int chunkSize = DEFAULT_CHUNK_SIZE;

    /** What the peer's decoder remembers about a chunk stream after our last message on it. */
    private static final class OutboundStream {
        boolean valid;
        long timestamp;
        int delta;
        int length;
        int typeId;
        int messageStreamId;
    }

    /**
     * The outbound chunk size (128 until changed).
     *
     * @return the outbound chunk size in bytes
     */
    public int chunkSize() {
        return chunkSize;
    }

    /**
     * Switches the outbound chunk size for the following messages. The caller sends Set Chunk Size
     * (type 1) to the peer first, encoded with the old size (§5.4.1).
     *
     * @param size the new chunk size in bytes
     * @throws IllegalArgumentException outside 1..0x7FFFFFFF
     */
    public void setChunkSize(int size) {
        checkChunkSize(size);
        this.chunkSize = size;
    }

    /**
     * Forgets what was sent on {@code csid}: its next message goes out with a fmt 0 header. Call it when
     * a message meant for that chunk stream was dropped rather than sent, or after sending an Abort.
     *
     * @param csid the chunk stream id
     */
    public void forget(int csid) {
        OutboundStream s = streams.get(csid);
        if (s != null) {
            s.valid = false;
        }
    }

    /** {@link #forget(int)} for every chunk stream. */
    public void forgetAll() {
        streams.forEach(s -> s.valid = false);
    }

    /**
     * Exact number of bytes {@link #encode(RawMessage, ByteBuffer)} would write for {@code m} now.
     *
     * @param m the message
     * @return the encoded length in bytes
     */
    public int encodedLength(RawMessage m) {
        return encodedLength(m.chunkStreamId(), m.typeId(), m.timestamp(), m.messageStreamId(), m.length());
    }

    /**
     * Exact number of bytes the field-wise {@code encode} would write for such a message now.
     *
     * @param csid chunk stream id, 2..65599 (rtmp-1.0.txt §5.3.1.1)
     * @param typeId message type id (rtmp-1.0.txt §5.4, §7.1)
     * @param timestamp message timestamp in ms, unsigned 32-bit
     * @param messageStreamId message stream id
     * @param length payload length in bytes
     * @return the encoded length in bytes
     */
    public int encodedLength(int csid, int typeId, long timestamp, int messageStreamId, int length) {
        check(csid, typeId, timestamp, length);
        OutboundStream s = streams.get(csid);
        int fmt = chooseFormat(s, typeId, timestamp, messageStreamId, length);
        boolean extended = headerValue(s, fmt, timestamp) >= EXTENDED;
        return totalLength(chunkSize, basicHeaderLength(csid), fmt, extended, length);
    }

    /**
     * Encodes {@code m} into {@code out}; returns the number of bytes written.
     *
     * @param m the message
     * @param out where the chunks go
     * @return the number of bytes written
     */
    public int encode(RawMessage m, ByteBuffer out) {
        return encode(m.chunkStreamId(), m.typeId(), m.timestamp(), m.messageStreamId(),
                m.payload(), 0, m.length(), out);
    }

    /**
     * Encodes {@code m} into a new array (convenience; allocates).
     *
     * @param m the message
     * @return the chunks, headers included
     */
    public byte[] encode(RawMessage m) {
        ByteBuffer out = ByteBuffer.allocate(encodedLength(m));
        encode(m, out);
        return out.array();
    }

    /**
     * Encodes one message given field by field, its payload being {@code payload[off..off+len)}, into
     * {@code out}; returns the number of bytes written. Nothing is written and no state changes if
     * {@code out} has less room than {@link #encodedLength(int, int, long, int, int)}.
     *
     * @param csid chunk stream id, 2..65599 (rtmp-1.0.txt §5.3.1.1)
     * @param typeId message type id (rtmp-1.0.txt §5.4, §7.1)
     * @param timestamp message timestamp in ms, unsigned 32-bit
     * @param messageStreamId message stream id
     * @param payload the array holding the payload
     * @param off where the payload starts in it
     * @param len payload length in bytes
     * @param out where the chunks go
     * @return the number of bytes written
     * @throws IllegalArgumentException csid outside 2..65599, type outside 0..255, timestamp outside
     *                                  0..2³²−1, length above 0xFFFFFF
     * @throws BufferOverflowException  if {@code out} is too small
     */
    public int encode(int csid, int typeId, long timestamp, int messageStreamId,
                      byte[] payload, int off, int len, ByteBuffer out) {
        Objects.checkFromIndexSize(off, len, payload.length);
        return encode(csid, typeId, timestamp, messageStreamId, ByteBuffer.wrap(payload, off, len), out);
    }

    /**
     * Encodes one message given field by field, its payload being the {@code payload.remaining()} bytes
     * from {@code payload.position()} (heap or direct; its position and limit are left as they were),
     * into {@code out}; returns the number of bytes written. Same contract as the array form.
     *
     * @param csid chunk stream id, 2..65599 (rtmp-1.0.txt §5.3.1.1)
     * @param typeId message type id (rtmp-1.0.txt §5.4, §7.1)
     * @param timestamp message timestamp in ms, unsigned 32-bit
     * @param messageStreamId message stream id
     * @param payload the payload, from its position to its limit
     * @param out where the chunks go
     * @return the number of bytes written
     */
    public int encode(int csid, int typeId, long timestamp, int messageStreamId, ByteBuffer payload,
                      ByteBuffer out) {
        int len = payload.remaining();
        int off = payload.position();
        check(csid, typeId, timestamp, len);
        OutboundStream s = streams.get(csid);
        int fmt = chooseFormat(s, typeId, timestamp, messageStreamId, len);
        long value = headerValue(s, fmt, timestamp);
        // for fmt 3, value is the delta the last fmt 0/1/2 header carried, so this is the flag the peer remembers
        boolean extended = value >= EXTENDED;
        int basic = basicHeaderLength(csid);
        int total = totalLength(chunkSize, basic, fmt, extended, len);
        if (out.remaining() < total) {
            throw new BufferOverflowException();
        }
        if (s == null) {
            s = new OutboundStream();
            streams.put(csid, s);
        }

        writeChunks(out, fmt, csid, value, extended, len, typeId, messageStreamId, payload, off, chunkSize);
        s.valid = true;
        if (fmt != 3) {
            s.delta = (int) value;
        }
        s.timestamp = timestamp;
        s.length = len;
        s.typeId = typeId;
        s.messageStreamId = messageStreamId;
        return total;
    }

    /**
     * Exact number of bytes {@link #encodeFmt0} writes for such a message.
     *
     * @param chunkSize the outbound chunk size, 1..0x7FFFFFFF
     * @param csid chunk stream id, 2..65599 (rtmp-1.0.txt §5.3.1.1)
     * @param timestamp message timestamp in ms, unsigned 32-bit
     * @param length payload length in bytes
     * @return the encoded length in bytes
     * @throws IllegalArgumentException if a value is out of its range
     */
    public static int encodedLengthFmt0(int chunkSize, int csid, long timestamp, int length) {
        checkChunkSize(chunkSize);
        check(csid, 0, timestamp, length);
        return totalLength(chunkSize, basicHeaderLength(csid), 0, timestamp >= EXTENDED, length);
    }

    /**
     * Encodes one message on its own, whatever was sent before on {@code csid}: a fmt 0 first chunk
     * (rtmp-1.0.txt §5.3.1.2.1), fmt 3 continuations of {@code chunkSize} bytes (§5.3.1.2.4), the
     * extended timestamp (§5.3.1.3) on every chunk when the timestamp is 0xFFFFFF or more, exactly as
     * {@link #encode(int, int, long, int, ByteBuffer, ByteBuffer)} writes a message after
     * {@link #forget(int)}. Needs no encoder state, so one call serves any number of connections and
     * any thread. The payload is the {@code payload.remaining()} bytes from its position (position and
     * limit are left as they were); nothing is written if {@code out} has less room than
     * {@link #encodedLengthFmt0}.
     *
     * @param chunkSize the outbound chunk size, 1..0x7FFFFFFF
     * @param csid chunk stream id, 2..65599 (rtmp-1.0.txt §5.3.1.1)
     * @param typeId message type id (rtmp-1.0.txt §5.4, §7.1)
     * @param timestamp message timestamp in ms, unsigned 32-bit
     * @param messageStreamId message stream id
     * @param payload the payload, from its position to its limit
     * @param out where the chunks go
     * @return the number of bytes written
     * @throws IllegalArgumentException if a value is out of its range
     * @throws BufferOverflowException  if {@code out} is too small
     */
    public static int encodeFmt0(int chunkSize, int csid, int typeId, long timestamp, int messageStreamId,
                                 ByteBuffer payload, ByteBuffer out) {
        checkChunkSize(chunkSize);
        int len = payload.remaining();
        check(csid, typeId, timestamp, len);
        boolean extended = timestamp >= EXTENDED;
        int total = totalLength(chunkSize, basicHeaderLength(csid), 0, extended, len);
        if (out.remaining() < total) {
            throw new BufferOverflowException();
        }
        writeChunks(out, 0, csid, timestamp, extended, len, typeId, messageStreamId, payload, payload.position(),
                chunkSize);
        return total;
    }

    /**
     * Writes the chunks of one message: its first chunk with a {@code fmt} header standing for
     * {@code value} (the timestamp for fmt 0, the delta otherwise), then fmt 3 continuations.
     */
    private static void writeChunks(ByteBuffer out, int fmt, int csid, long value, boolean extended, int len,
                                    int typeId, int messageStreamId, ByteBuffer payload, int off, int chunkSize) {
        writeBasicHeader(out, fmt, csid);
        int field = extended ? EXTENDED : (int) value;
        if (fmt <= 2) {
            put24(out, field); // timestamp (fmt 0) or timestamp delta (fmt 1, 2)
        }
        if (fmt <= 1) {
            put24(out, len);
            out.put((byte) typeId);
        }
        if (fmt == 0) {
            // message stream id, little-endian (§5.3.1.2.5)
            out.put((byte) messageStreamId).put((byte) (messageStreamId >>> 8))
                    .put((byte) (messageStreamId >>> 16)).put((byte) (messageStreamId >>> 24));
        }
        if (extended) {
            put32(out, (int) value); // §5.3.1.3 extended timestamp, big-endian
        }
        int n = Math.min(chunkSize, len);
        out.put(out.position(), payload, off, n);
        out.position(out.position() + n);
        for (int done = n; done < len; done += n) {
            writeBasicHeader(out, 3, csid); // continuation: always fmt 3
            if (extended) {
                put32(out, (int) value); // repeated on every fmt 3 chunk (FMLE, ffmpeg, OBS)
            }
            n = Math.min(chunkSize, len - done);
            out.put(out.position(), payload, off + done, n);
            out.position(out.position() + n);
        }
    }

    private static void checkChunkSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be 1..0x7FFFFFFF: " + size);
        }
    }

    private static void check(int csid, int typeId, long timestamp, int length) {
        if (csid < 2 || csid > 65_599) {
            throw new IllegalArgumentException("chunk stream id must be 2..65599: " + csid);
        }
        if (typeId < 0 || typeId > 0xFF) {
            throw new IllegalArgumentException("type id must be 0..255: " + typeId);
        }
        if (timestamp < 0 || timestamp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timestamp must be 0..0xFFFFFFFF: " + timestamp);
        }
        if (length < 0 || length > 0xFF_FFFF) {
            throw new IllegalArgumentException("message length must be 0..0xFFFFFF (24 bits): " + length);
        }
    }

    private static int chooseFormat(OutboundStream s, int typeId, long timestamp, int messageStreamId, int length) {
        if (s == null || !s.valid || s.messageStreamId != messageStreamId || timestamp < s.timestamp) {
            return 0;
        }
        long delta = timestamp - s.timestamp;
        if (s.length != length || s.typeId != typeId) {
            return 1;
        }
        return delta == Integer.toUnsignedLong(s.delta) ? 3 : 2;
    }

    /** The 32-bit timestamp (fmt 0) or delta (fmt 1..3) the header stands for, as an unsigned value. */
    private static long headerValue(OutboundStream s, int fmt, long timestamp) {
        return fmt == 0 ? timestamp : timestamp - s.timestamp;
    }

    private static int basicHeaderLength(int csid) {
        return csid < 64 ? 1 : csid < 320 ? 2 : 3;
    }

    private static int totalLength(int chunkSize, int basic, int fmt, boolean extended, int len) {
        int ext = extended ? 4 : 0;
        long chunks = len == 0 ? 1 : (len + (long) chunkSize - 1) / chunkSize;
        long total = basic + MESSAGE_HEADER_LENGTH[fmt] + ext + len + (chunks - 1) * (basic + ext);
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("encoded message would exceed 2 GiB; raise the chunk size");
        }
        return (int) total;
    }

    private static void writeBasicHeader(ByteBuffer out, int fmt, int csid) {
        // §5.3.1.1: the smallest form that holds the id
        if (csid < 64) {
            out.put((byte) ((fmt << 6) | csid));
        } else if (csid < 320) {
            out.put((byte) (fmt << 6)).put((byte) (csid - 64));
        } else {
            int v = csid - 64;
            out.put((byte) ((fmt << 6) | 1)).put((byte) v).put((byte) (v >>> 8));
        }
    }

    private static void put24(ByteBuffer out, int v) {
        out.put((byte) (v >>> 16)).put((byte) (v >>> 8)).put((byte) v);
    }

    private static void put32(ByteBuffer out, int v) {
        out.put((byte) (v >>> 24)).put((byte) (v >>> 16)).put((byte) (v >>> 8)).put((byte) v);
    }
}
