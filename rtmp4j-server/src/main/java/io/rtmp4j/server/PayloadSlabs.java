package io.rtmp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Where one publication's frame payloads live: copied on arrival into shared direct slabs, each frame
 * a retained slice of its slab, so that a frame costs no allocation from the pool of its own (issue 5:
 * with 200 publishers, one pooled allocation and one free per frame were 16 % of the server's CPU
 * time, more than the collector had spent on the same payloads as heap arrays). A slab is freed when
 * the last frame in it is released. Payloads above {@link #OWN_BUFFER_ABOVE} bytes (keyframes) get a
 * buffer of their own, so that a long-lived frame never pins a slab much larger than itself.
 *
 * <p>Confined to the publisher's thread, like the {@link Publication} that owns it.
 */
final class PayloadSlabs {

    /** Slab size: a fraction of a second of a typical stream, and a "normal" size for Netty's pool. */
    static final int SLAB_BYTES = 32 * 1024;
    /** Larger payloads are copied into a buffer of their own. */
    static final int OWN_BUFFER_ABOVE = 8 * 1024;

    private final ByteBufAllocator alloc;
    /** The slab being filled (this object holds one reference), or null. */
    private ByteBuf slab;

    PayloadSlabs(ByteBufAllocator alloc) {
        this.alloc = alloc;
    }

    /** A read-only-by-convention buffer holding a copy of {@code payload}; the caller owns it. */
    ByteBuf copy(byte[] payload) {
        int n = payload.length;
        if (n > OWN_BUFFER_ABOVE) {
            return alloc.directBuffer(n, n).writeBytes(payload);
        }
        if (slab == null || slab.writableBytes() < n) {
            release();
            slab = alloc.directBuffer(SLAB_BYTES, SLAB_BYTES);
        }
        int at = slab.writerIndex();
        slab.writeBytes(payload);
        return slab.retainedSlice(at, n);
    }

    /** Gives up the slab being filled (its frames keep it alive as long as they need it). */
    void release() {
        if (slab != null) {
            slab.release();
            slab = null;
        }
    }
}
