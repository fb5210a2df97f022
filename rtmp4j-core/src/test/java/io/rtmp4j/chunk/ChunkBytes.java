package io.rtmp4j.chunk;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test helpers: building golden byte vectors and feeding a decoder in different ways. */
final class ChunkBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Appends bytes given as ints 0..255 (so vectors read like the spec's byte diagrams). */
    ChunkBytes b(int... values) {
        for (int v : values) {
            if (v < 0 || v > 0xFF) {
                throw new IllegalArgumentException("not a byte: " + v);
            }
            out.write(v);
        }
        return this;
    }

    ChunkBytes raw(byte[] bytes, int off, int len) {
        out.write(bytes, off, len);
        return this;
    }

    byte[] toArray() {
        return out.toByteArray();
    }

    /** A recognisable payload: byte i is (seed + i * 7) & 0xFF. */
    static byte[] payload(int length, int seed) {
        byte[] p = new byte[length];
        for (int i = 0; i < length; i++) {
            p[i] = (byte) (seed + i * 7);
        }
        return p;
    }

    static List<RawMessage> decodeWhole(ChunkDecoder d, byte[] bytes) {
        List<RawMessage> got = new ArrayList<>();
        d.decode(ByteBuffer.wrap(bytes), got::add);
        return got;
    }

    static List<RawMessage> decodeWhole(byte[] bytes) {
        return decodeWhole(new ChunkDecoder(), bytes);
    }

    /** Feeds one byte per decode call (Jetty's testGenerateParseOneByteAtATime). */
    static List<RawMessage> decodeOneByteAtATime(ChunkDecoder d, byte[] bytes) {
        List<RawMessage> got = new ArrayList<>();
        for (byte x : bytes) {
            ByteBuffer one = ByteBuffer.wrap(new byte[] {x});
            d.decode(one, got::add);
            if (one.hasRemaining()) {
                throw new AssertionError("decoder left a byte unconsumed");
            }
        }
        return got;
    }

    static List<RawMessage> decodeOneByteAtATime(byte[] bytes) {
        return decodeOneByteAtATime(new ChunkDecoder(), bytes);
    }

    /** Feeds random-sized slices, some as direct and little-endian buffers, to shake out state bugs. */
    static List<RawMessage> decodeRandomSlices(ChunkDecoder d, byte[] bytes, Random rnd) {
        List<RawMessage> got = new ArrayList<>();
        int pos = 0;
        while (pos < bytes.length) {
            int n = Math.min(bytes.length - pos, 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 600));
            ByteBuffer slice;
            if (rnd.nextInt(4) == 0) {
                slice = ByteBuffer.allocateDirect(n);
                slice.put(bytes, pos, n).flip();
            } else {
                // a heap buffer with a non-zero position inside a larger array
                byte[] backing = new byte[n + 5];
                System.arraycopy(bytes, pos, backing, 3, n);
                slice = ByteBuffer.wrap(backing, 3, n);
            }
            if (rnd.nextBoolean()) {
                slice.order(java.nio.ByteOrder.LITTLE_ENDIAN);
            }
            d.decode(slice, got::add);
            if (slice.hasRemaining()) {
                throw new AssertionError("decoder left bytes unconsumed");
            }
            pos += n;
        }
        return got;
    }

    private ChunkBytes() {
    }

    static ChunkBytes bytes() {
        return new ChunkBytes();
    }
}
