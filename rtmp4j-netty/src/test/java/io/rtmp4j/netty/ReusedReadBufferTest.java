package io.rtmp4j.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The event loop's one read buffer: reused while each read is released, replaced when one is kept. */
class ReusedReadBufferTest {

    private final UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(true);
    private final RecvByteBufAllocator.Handle handle = new ReusedReadBuffer().newHandle();

    @Test
    void aReleasedReadBufferIsReusedEmptyByTheNextRead() {
        ByteBuf first = handle.allocate(alloc);
        first.writeBytes(new byte[] {1, 2, 3});
        first.release();
        ByteBuf second = handle.allocate(alloc);
        assertThat(second).isSameAs(first);
        assertThat(second.readableBytes()).isZero();
        assertThat(second.writableBytes()).isEqualTo(ReusedReadBuffer.CAPACITY);
        assertThat(handle.guess()).isEqualTo(ReusedReadBuffer.CAPACITY);
        second.release();
    }

    @Test
    void aReadBufferSomebodyKeepsIsLeftToItAndFreedWithItsLastRelease() {
        ByteBuf kept = handle.allocate(alloc);
        kept.writeByte(42);
        // not released before the next read: the next read gets a fresh buffer
        ByteBuf next = handle.allocate(alloc);
        assertThat(next).isNotSameAs(kept);
        assertThat(kept.readByte()).isEqualTo((byte) 42);
        assertThat(kept.refCnt()).as("only the holder's reference is left").isEqualTo(1);
        kept.release();
        assertThat(kept.refCnt()).isZero();
        next.release();
        assertThat(handle.allocate(alloc)).isSameAs(next);
        next.release();
    }
}
