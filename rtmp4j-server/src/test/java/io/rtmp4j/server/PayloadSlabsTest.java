package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Payload slabs: small payloads share a slab that lives as long as its last frame; large ones own one. */
class PayloadSlabsTest {

    private final TrackingAllocator alloc = new TrackingAllocator();
    private final List<ByteBuf> allocated = alloc.allocated;
    private final PayloadSlabs slabs = new PayloadSlabs(alloc);

    private static byte[] bytes(int n, int fill) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) fill);
        return b;
    }

    @Test
    void smallPayloadsShareOneSlabWhichIsFreedWithTheLastOfThem() {
        ByteBuf a = slabs.copy(bytes(100, 1));
        ByteBuf b = slabs.copy(bytes(200, 2));
        assertThat(allocated).hasSize(1);
        assertThat(a.readableBytes()).isEqualTo(100);
        assertThat(b.readableBytes()).isEqualTo(200);
        assertThat(a.getByte(99)).isEqualTo((byte) 1);
        assertThat(b.getByte(0)).isEqualTo((byte) 2);
        ByteBuf slab = allocated.get(0);
        assertThat(slab.isDirect()).as("payloads live off the heap").isTrue();
        slabs.release();              // the publication ends: the frames keep the slab
        assertThat(slab.refCnt()).isPositive();
        a.release();
        assertThat(slab.refCnt()).isPositive();
        b.release();
        assertThat(slab.refCnt()).isZero();
    }

    @Test
    void aFullSlabIsLeftToItsFramesAndANewOneStarts() {
        int n = PayloadSlabs.OWN_BUFFER_ABOVE;
        List<ByteBuf> frames = new ArrayList<>();
        for (int i = 0; i < PayloadSlabs.SLAB_BYTES / n + 1; i++) {
            frames.add(slabs.copy(bytes(n, i)));
        }
        assertThat(allocated).hasSize(2);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(frames.get(i).getByte(n - 1)).as("frame %d", i).isEqualTo((byte) i);
        }
        frames.forEach(ByteBuf::release);
        assertThat(allocated.get(0).refCnt()).as("full slab, all its frames released").isZero();
        assertThat(allocated.get(1).refCnt()).as("the slab being filled").isEqualTo(1);
        slabs.release();
        assertThat(allocated.get(1).refCnt()).isZero();
    }

    @Test
    void aLargePayloadGetsABufferOfItsOwn() {
        ByteBuf small = slabs.copy(bytes(10, 7));
        ByteBuf large = slabs.copy(bytes(PayloadSlabs.OWN_BUFFER_ABOVE + 1, 9));
        assertThat(allocated).hasSize(2);
        assertThat(large.capacity()).isEqualTo(PayloadSlabs.OWN_BUFFER_ABOVE + 1);
        large.release();
        assertThat(allocated.get(1).refCnt()).isZero();
        small.release();
        slabs.release();
        assertThat(allocated.get(0).refCnt()).isZero();
    }
}
