package io.rtmp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import io.rtmp4j.chunk.ChunkDecoder;
import io.rtmp4j.chunk.RawMessage;
import io.rtmp4j.session.ChunkLayout;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** A {@link PlayerSink} that decodes what the hub writes with the real chunk decoder. */
final class FakePlayer implements PlayerSink {

    static final ChunkLayout LAYOUT = new ChunkLayout(128, 1, 4, 6, 5);

    private final EventExecutor executor;
    private final ChunkLayout layout;
    private final ChunkDecoder decoder = new ChunkDecoder();
    final List<RawMessage> messages = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    /** The shared buffers written, by identity (the root buffer behind each duplicate). */
    final Map<ByteBuf, Boolean> roots = new IdentityHashMap<>();
    boolean writable = true;
    /** What receiveAudio / receiveVideo / pause would allow: type ids refused. */
    final java.util.Set<Integer> refused = new java.util.HashSet<>();
    int flushes;
    String closedReason;

    FakePlayer(EventExecutor executor) {
        this(executor, LAYOUT);
    }

    FakePlayer(EventExecutor executor, ChunkLayout layout) {
        this.executor = executor;
        this.layout = layout;
        if (layout.chunkSize() != 128) {
            // the Set Chunk Size the session sends before any media (rtmp-1.0.txt §5.4.1): fmt 0, csid 2,
            // timestamp 0, length 4, type 1, stream 0, then the new size
            int n = layout.chunkSize();
            byte[] scs = {0x02, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0,
                (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
            decoder.decode(java.nio.ByteBuffer.wrap(scs), m -> { });
        }
    }

    @Override
    public EventExecutor executor() {
        return executor;
    }

    @Override
    public ChunkLayout layout() {
        return layout;
    }

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public boolean accepts(int typeId) {
        return !refused.contains(typeId);
    }

    @Override
    public void write(ByteBuf chunks) {
        try {
            ByteBuf root = chunks; // the shared buffer behind duplicates (and leak-detection wrappers)
            while (root.unwrap() != null) {
                root = root.unwrap();
            }
            roots.put(root, true);
            decoder.decode(chunks.nioBuffer(), messages::add);
        } finally {
            chunks.release();
        }
    }

    @Override
    public void flush() {
        flushes++;
    }

    @Override
    public void publishStarted() {
        events.add("publishStarted@" + messages.size());
    }

    @Override
    public void publishEnded() {
        events.add("publishEnded@" + messages.size());
    }

    @Override
    public void close(String reason) {
        closedReason = reason;
    }

    @Override
    public String peer() {
        return "fake";
    }

    List<Long> timestamps() {
        return messages.stream().map(RawMessage::timestamp).toList();
    }

    /** Type and first payload byte of each message, e.g. "V1" for a video message whose payload starts with 1. */
    List<String> summary() {
        return messages.stream().map(m -> (m.typeId() == 9 ? "V" : m.typeId() == 8 ? "A" : "D")
                + (m.payload().length > 0 ? m.payload()[m.payload().length - 1] : "")).toList();
    }
}
