package io.rtmp4j.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * Reads every server connection of an event loop into one buffer that the loop keeps, instead of a
 * pooled buffer per read (issue 5: with 200 publishers, allocating and freeing a pooled read buffer
 * per read was about 5 % of the server's CPU time).
 *
 * <p>This is safe because the server's connection handler consumes each read buffer completely and
 * releases it before it returns ({@link SessionDriver#channelRead}: the session copies
 * what it keeps), on the loop's own thread, before the next read. The loop's buffer has one reference
 * of its own; a read retains it and the handler's release gives it back. Should anything ever keep a
 * read buffer (a reference count other than the loop's own one when the next read starts), the loop
 * leaves that buffer to its holder and takes a fresh one.
 */
final class ReusedReadBuffer extends DefaultMaxMessagesRecvByteBufAllocator {

    /** Bytes one read may take. */
    static final int CAPACITY = 64 * 1024;
    /**
     * Reads per connection per turn of the loop while its socket has more: up to 4 MiB per turn. With
     * the loop paced ({@link RtmpServer.Settings#ioPeriod()}), a connection gets one turn per period,
     * so this bounds its throughput: Netty's default of 16 reads (1 MiB per 40 ms, 25 MiB/s) slowed a
     * publisher sending as fast as it could (RtmpClientTest's 30 MiB publish took 28 s and timed out).
     */
    static final int READS_PER_TURN = 64;

    ReusedReadBuffer() {
        super(READS_PER_TURN);
    }

    private static final FastThreadLocal<ByteBuf[]> BUFFER = new FastThreadLocal<>() {
        @Override
        protected ByteBuf[] initialValue() {
            return new ByteBuf[1];
        }

        @Override
        protected void onRemoval(ByteBuf[] value) {
            if (value[0] != null && value[0].refCnt() > 0) {
                value[0].release();
            }
        }
    };

    @Override
    public Handle newHandle() {
        return new MaxMessageHandle() {
            @Override
            public ByteBuf allocate(ByteBufAllocator alloc) {
                ByteBuf[] slot = BUFFER.get();
                ByteBuf b = slot[0];
                if (b == null || b.refCnt() != 1) {
                    if (b != null && b.refCnt() > 1) {
                        b.release(); // the loop's own reference: the holder's release frees it
                    }
                    b = alloc.directBuffer(CAPACITY, CAPACITY);
                    slot[0] = b;
                }
                return b.retain().clear();
            }

            @Override
            public int guess() {
                return CAPACITY;
            }
        };
    }
}
