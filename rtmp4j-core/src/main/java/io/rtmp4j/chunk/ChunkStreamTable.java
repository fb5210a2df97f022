package io.rtmp4j.chunk;

import java.util.HashMap;
import java.util.function.Consumer;

/**
 * Per-chunk-stream state indexed by chunk stream id (2..65599, rtmp-1.0.txt §5.3.1.1). Ids of the
 * one-byte basic header form (2..63), which is what real encoders use, live in an array so the hot
 * path neither hashes nor boxes; larger ids go to a map.
 */
final class ChunkStreamTable<T> {

    private static final int LOW = 64;

    private final Object[] low = new Object[LOW];
    private final HashMap<Integer, T> high = new HashMap<>();

    @SuppressWarnings("unchecked")
    T get(int csid) {
        if (csid < LOW) {
            return (T) low[csid];
        }
        return high.get(csid);
    }

    void put(int csid, T value) {
        if (csid < LOW) {
            low[csid] = value;
        } else {
            high.put(csid, value);
        }
    }

    @SuppressWarnings("unchecked")
    void forEach(Consumer<T> action) {
        for (Object o : low) {
            if (o != null) {
                action.accept((T) o);
            }
        }
        high.values().forEach(action);
    }
}
