package io.rtmp4j.message;

import io.rtmp4j.amf.Amf0Avmplus;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Value;
import java.util.Optional;

/** Reading helpers over AMF0 values that may hide an AMF3 value behind the AVM+ switch (amf0.txt §3.1). */
final class AmfViews {

    private AmfViews() {
    }

    /** The value itself, or for an AVM+ value its AMF0-shaped bridge. */
    static Amf0Value unwrap(Amf0Value value) {
        if (value instanceof Amf0Avmplus a) {
            return AmfBridge.toAmf0(a);
        }
        return value;
    }

    /** The value as properties (object, typed object, ECMA array), AMF3 objects bridged. */
    static Optional<Amf0Properties> properties(Amf0Value value) {
        Amf0Value v = unwrap(value);
        return v instanceof Amf0Properties p ? Optional.of(p) : Optional.empty();
    }
}
