package io.rtmp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ReferenceCounted;
import io.rtmp4j.message.MessageType;
import io.rtmp4j.session.ChunkLayout;
import java.nio.ByteBuffer;

/**
 * One published media or data message as the hub keeps it: type, timestamp on the stream's timeline,
 * the payload (shared, never copied per player, docs/ARCHITECTURE.md "Data path"), what the hub needs to know
 * about it, and its chunk-encoded forms, made once per {@link ChunkLayout} (by the layout's own encoder in
 * core, which keeps the fan-out contract) and shared by every player with that layout.
 *
 * <p>The payload is copied once, on arrival, off the heap ({@link PayloadSlabs}): the GOP cache keeps
 * frames for seconds, and as heap arrays they outlived the young generation and were copied and
 * compacted by every collection (with 200 publishers, issue 5, the collector took a fifth of the
 * server's CPU time); off the heap they cost the collector nothing and are freed with the frame.
 *
 * <p>Reference counted: the publisher path, each player group it is queued to and the GOP cache each
 * hold a reference; the payload and the encoded buffers are released with the last one.
 */
final class Frame extends AbstractReferenceCounted implements PlayerGroup.Item {

    // the message types a frame can be, from the one enum of them (rtmp-1.0.txt §7.1.4, §7.1.5, §7.1.2)
    static final int AUDIO = MessageType.AUDIO.id();
    static final int VIDEO = MessageType.VIDEO.id();
    static final int DATA = MessageType.DATA_AMF0.id();

    final int typeId;
    final long timestamp;
    /** The message body (read-only by convention: shared by re-timed copies; never written). */
    private final ByteBuf payload;
    /** Video coded frame a decoder can start from. */
    final boolean keyframe;
    /** Decoder configuration (sequence header / SequenceStart), or metadata: never dropped. */
    final boolean config;
    /**
     * When the frame arrived from the publisher, on the hub's clock ({@link StreamHub#nanoTime()}): a
     * player group drops a live frame that waited too long for its event loop ({@link HubConfig#maxFrameAge()}).
     */
    final long arrival;

    private final ByteBufAllocator alloc;
    private volatile Encoded first;
    private Encoded more; // guarded by this

    private static final class Encoded {
        final ChunkLayout layout;
        final ByteBuf bytes;
        Encoded next;

        Encoded(ChunkLayout layout, ByteBuf bytes) {
            this.layout = layout;
            this.bytes = bytes;
        }
    }

    /**
     * A frame of {@code payload} (owned by the frame from now on; see {@link PayloadSlabs}), arrived at
     * {@code arrival} ({@link StreamHub#nanoTime()}).
     */
    Frame(int typeId, long timestamp, ByteBuf payload, boolean keyframe, boolean config, long arrival,
          ByteBufAllocator alloc) {
        this.typeId = typeId;
        this.timestamp = timestamp;
        this.payload = payload;
        this.keyframe = keyframe;
        this.config = config;
        this.arrival = arrival;
        this.alloc = alloc;
    }

    /** Payload length in bytes. */
    int size() {
        return payload.readableBytes();
    }

    boolean isVideo() {
        return typeId == VIDEO;
    }

    /** The same message at another timestamp (a new frame sharing the payload and the arrival time). */
    Frame retimed(long newTimestamp) {
        return new Frame(typeId, newTimestamp, payload.retain(), keyframe, config, arrival, alloc);
    }

    /**
     * The chunk-encoded message for {@code layout}, encoded on first use and kept with the frame. The
     * caller must hold a reference to this frame and must not modify or release the result (take a
     * {@code retainedDuplicate()} to write it).
     */
    ByteBuf encoded(ChunkLayout layout) {
        Encoded e = first;
        if (e != null && e.layout.equals(layout)) {
            return e.bytes;
        }
        synchronized (this) {
            e = first;
            if (e == null) {
                e = new Encoded(layout, encode(layout));
                first = e;
                return e.bytes;
            }
            for (Encoded m = more; m != null; m = m.next) {
                if (m.layout.equals(layout)) {
                    return m.bytes;
                }
            }
            Encoded m = new Encoded(layout, encode(layout));
            m.next = more;
            more = m;
            return m.bytes;
        }
    }

    /** The message chunked for {@code layout} by the core's shared-message encoder (the fan-out contract). */
    private ByteBuf encode(ChunkLayout layout) {
        int size = payload.readableBytes();
        int len = layout.encodedLength(typeId, timestamp, size);
        ByteBuf buf = alloc.directBuffer(len, len);
        ByteBuffer nio = buf.nioBuffer(0, len);
        layout.encode(typeId, timestamp, payload.nioBuffer(payload.readerIndex(), size), nio);
        buf.writerIndex(len);
        return buf;
    }

    @Override
    protected void deallocate() {
        payload.release();
        Encoded e = first;
        if (e != null) {
            e.bytes.release();
        }
        // no lock: the last release happens after every use (reference counts are atomic), so the
        // encodings added under the monitor by other threads are visible here
        for (Encoded m = more; m != null; m = m.next) {
            m.bytes.release();
        }
        more = null;
    }

    @Override
    public ReferenceCounted touch(Object hint) {
        return this;
    }

    @Override
    public String toString() {
        return "Frame[type=" + typeId + ", ts=" + timestamp + ", " + payload.readableBytes() + " bytes"
                + (keyframe ? ", key" : "") + (config ? ", config" : "") + "]";
    }
}
