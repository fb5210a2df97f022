package io.rtmp4j.amf;

import java.util.Objects;

/**
 * The AVM+ switch (marker 0x11, amf0.txt §3.1): the next value is encoded in AMF3.
 *
 * <p>Within one {@link Amf0#decodeAll} / {@link Amf0#encode} call (one message body) all AVM+
 * values share one set of AMF3 reference tables (amf3.txt §4.1: tables are reset per message).
 * Use {@link Amf3#toAmf0(Amf3Value)} to view the content as an AMF0 value.
 *
 * @param value the AMF3 value that follows the marker
 */
public record Amf0Avmplus(Amf3Value value) implements Amf0Value {
    /**
     * Checks that the AMF3 value is present.
     *
     * @param value the AMF3 value that follows the marker
     * @throws NullPointerException if a required value is null
     */
    public Amf0Avmplus {
        Objects.requireNonNull(value, "value");
    }
}
