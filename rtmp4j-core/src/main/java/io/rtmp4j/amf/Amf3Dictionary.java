package io.rtmp4j.amf;

import java.util.List;
import java.util.Objects;

/**
 * AMF3 Dictionary (marker 0x11, amf3.txt §3.16): key / value pairs whose keys may be any value.
 *
 * @param weakKeys whether the dictionary holds its keys weakly
 * @param entries  the entries in wire order (an unmodifiable copy)
 */
public record Amf3Dictionary(boolean weakKeys, List<Entry> entries) implements Amf3Value {

    /**
     * Copies the entries into an unmodifiable list, keeping their order.
     *
     * @param weakKeys whether the dictionary holds its keys weakly
     * @param entries the entries in wire order (an unmodifiable copy)
     */
    public Amf3Dictionary {
        entries = List.copyOf(entries);
    }

    /**
     * One dictionary entry.
     *
     * @param key   the key
     * @param value the value
     */
    public record Entry(Amf3Value key, Amf3Value value) {
        /**
         * Checks that key and value are present.
         *
         * @param key the key
         * @param value the value
         * @throws NullPointerException if a required value is null
         */
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}
