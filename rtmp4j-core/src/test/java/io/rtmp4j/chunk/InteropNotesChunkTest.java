package io.rtmp4j.chunk;

import static io.rtmp4j.chunk.ChunkBytes.bytes;
import static io.rtmp4j.chunk.ChunkBytes.decodeRandomSlices;
import static io.rtmp4j.chunk.ChunkBytes.decodeWhole;
import static io.rtmp4j.chunk.ChunkBytes.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Chunk-layer items of docs/INTEROP.md ("Chunk stream") and the robustness cases around them that
 * had no test of their own. The byte vectors follow rtmp-1.0.txt §5.3.1.
 */
class InteropNotesChunkTest {

    /**
     * A peer declaring the wire-maximum message (rtmp-1.0.txt §5.3.1.2.1: 24-bit length, 0xFFFFFF) and
     * then stalling must not make the decoder allocate 16 MiB: a dozen header bytes per connection would
     * otherwise exhaust a server's heap (measured: 8 such connections, 2 chunk streams each, threw
     * OutOfMemoryError in `rtmp4j serve` at -Xmx128m before the fix).
     */
    @Test
    void aDeclaredSixteenMebibyteMessageCostsOnlyTheBytesThatArrived() {
        com.sun.management.ThreadMXBean mx = threadMx();
        ChunkDecoder d = new ChunkDecoder();
        ChunkBytes v = bytes();
        // fmt 1 on chunk streams 5 and 6 never seen before (accepted as librtmp sends it), each:
        v.b(0x45)                   // fmt 1, csid 5 (§5.3.1.1)
                .b(0x00, 0x00, 0x00)        // timestamp delta 0
                .b(0xFF, 0xFF, 0xFF)        // message length 16777215
                .b(0x09)                    // type 9, video
                .raw(payload(128, 3), 0, 128); // the first 128-byte chunk (§5.4.1 default size), then a stall
        v.b(0x46, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x08); // csid 6, audio, same length, no payload yet
        byte[] input = v.toArray();
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        List<RawMessage> got = decodeWhole(d, input);
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(got).isEmpty();
        assertThat(d.bufferedBytes()).as("declared lengths still count against maxBufferedBytes")
                .isEqualTo(2L * 0xFF_FFFF);
        assertThat(allocated).as("bytes allocated for two declared 16 MiB messages").isLessThan(1L << 20);
    }

    /** The growing payload array: a 3 MiB message fed in random slices arrives intact, as does a 64 KiB one. */
    @Test
    void messagesLargerThanTheInitialCapacityGrowAndArriveIntact() {
        for (int length : new int[] {ChunkDecoder.INITIAL_PAYLOAD_CAPACITY, ChunkDecoder.INITIAL_PAYLOAD_CAPACITY + 1,
                3 * 1024 * 1024 + 17}) {
            byte[] body = payload(length, length);
            ChunkEncoder enc = new ChunkEncoder();
            enc.setChunkSize(4096);
            byte[] wire = enc.encode(new RawMessage(6, 9, 40, 1, body));
            ChunkDecoder d = new ChunkDecoder();
            // the encoder's Set Chunk Size is not on the wire here: tell the decoder as if it had arrived
            ChunkBytes v = bytes().b(0x02, 0, 0, 0, 0, 0, 4, 0x01, 0, 0, 0, 0, 0, 0, 0x10, 0x00); // §5.4.1: 4096
            v.raw(wire, 0, wire.length);
            List<RawMessage> got = decodeRandomSlices(d, v.toArray(), new Random(length));
            assertThat(got).hasSize(2);
            assertThat(got.get(1).payload()).as("length %d", length).isEqualTo(body);
            assertThat(got.get(1).timestamp()).isEqualTo(40);
            assertThat(d.bufferedBytes()).isZero();
        }
    }

    private static com.sun.management.ThreadMXBean threadMx() {
        boolean hotspot = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean;
        assumeTrue(hotspot, "per-thread allocation counters need a HotSpot-style JVM; skipping");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled(),
                "thread allocated memory not supported; skipping");
        return mx;
    }
}
