package io.rtmp4j.bench.jmh;

import io.rtmp4j.chunk.ChunkDecoder;
import io.rtmp4j.chunk.ChunkEncoder;
import io.rtmp4j.chunk.RawMessage;
import io.rtmp4j.session.ChunkLayout;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Chunk stream decoding and encoding (rtmp-1.0.txt §5.3) at chunk sizes 128 (the default, §5.4.1) and
 * 4096 (what ffmpeg, OBS and nginx-rtmp switch to), over one second of a 720p30 H.264 + AAC stream at
 * about 2.7 Mbit/s ({@link Streams#oneSecond()}).
 *
 * <p>One operation is one pass over that second. The {@code bytes} counter reports the chunk stream
 * bytes processed per microsecond, which is MB/s (10⁶ bytes per second); {@code ops/s × 337 KB} says
 * the same.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChunkBenchmark {

    /** Outbound / inbound chunk size (rtmp-1.0.txt §5.4.1). */
    @Param({"128", "4096"})
    public int chunkSize;

    private List<RawMessage> messages;
    /** Set Chunk Size (encoded at 128) followed by the messages encoded at {@link #chunkSize}. */
    private byte[] wire;
    private ChunkDecoder decoder;
    private ChunkEncoder encoder;
    private ByteBuffer out;
    private Consumer<RawMessage> sink;
    /** Each message's payload as a buffer (as the server's frames hold theirs), for the fan-out encodings. */
    private ByteBuffer[] payloads;
    private ChunkLayout layout;

    /** Bytes processed, reported by JMH per {@link OutputTimeUnit} (bytes/µs = MB/s). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void setup(Blackhole bh) {
        messages = Streams.oneSecond();
        wire = Streams.chunked(messages, chunkSize);
        decoder = new ChunkDecoder();
        encoder = new ChunkEncoder();
        encoder.setChunkSize(chunkSize);
        int total = 0;
        for (RawMessage m : messages) {
            total += encoder.encodedLength(m) + 64;
        }
        out = ByteBuffer.allocate(total);
        sink = bh::consume;
        payloads = messages.stream().map(m -> ByteBuffer.wrap(m.payload())).toArray(ByteBuffer[]::new);
        layout = ChunkLayout.of(chunkSize, 1);
    }

    /** Decodes the whole second from one buffer (as a large socket read would deliver it). */
    @Benchmark
    public void decode(Bytes counter) {
        decoder.decode(ByteBuffer.wrap(wire), sink);
        counter.bytes += wire.length;
    }

    /** Decodes the same bytes in 16 KiB pieces (a typical socket read size). */
    @Benchmark
    public void decodeIn16KiBReads(Bytes counter) {
        ByteBuffer in = ByteBuffer.wrap(wire);
        int limit = wire.length;
        for (int pos = 0; pos < limit; pos += 16384) {
            in.limit(Math.min(limit, pos + 16384)).position(pos);
            decoder.decode(in, sink);
        }
        counter.bytes += wire.length;
    }

    /** Encodes the whole second into one reused buffer. */
    @Benchmark
    public int encode(Bytes counter) {
        out.clear();
        for (int i = 0, n = messages.size(); i < n; i++) {
            encoder.encode(messages.get(i), out);
        }
        counter.bytes += out.position();
        return out.position();
    }

    /**
     * The server's fan-out encoding: each message on its own with a fmt 0 first chunk, for every player
     * with this layout ({@link ChunkLayout#encode}, what the hub's frames use).
     */
    @Benchmark
    public int encodeShared(Bytes counter) {
        out.clear();
        for (int i = 0, n = messages.size(); i < n; i++) {
            layout.encode(messages.get(i).typeId(), messages.get(i).timestamp(), payloads[i], out);
        }
        counter.bytes += out.position();
        return out.position();
    }

    /**
     * The same bytes the way the hub made them before {@link ChunkLayout#encode}: a stateful encoder told to
     * {@link ChunkEncoder#forget(int)} the chunk stream before each message.
     */
    @Benchmark
    public int encodeSharedWithForget(Bytes counter) {
        out.clear();
        for (int i = 0, n = messages.size(); i < n; i++) {
            RawMessage m = messages.get(i);
            int csid = layout.chunkStreamId(m.typeId());
            encoder.forget(csid);
            encoder.encode(csid, m.typeId(), m.timestamp(), layout.messageStreamId(), payloads[i], out);
        }
        counter.bytes += out.position();
        return out.position();
    }
}
