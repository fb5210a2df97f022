package io.rtmp4j.message;

import io.rtmp4j.amf.Amf0Avmplus;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.amf.Amf3;
import io.rtmp4j.amf.Amf3Double;
import io.rtmp4j.amf.Amf3Integer;
import io.rtmp4j.amf.Amf3String;
import java.util.Optional;

/** Reading helpers over AMF0 values that may hide an AMF3 value behind the AVM+ switch (amf0.txt §3.1). */
final class AmfViews {

    private AmfViews() {
    }

    /** The value itself, or for an AVM+ value its AMF0-shaped bridge ({@link Amf3#toAmf0}). */
    static Amf0Value unwrap(Amf0Value value) {
        if (value instanceof Amf0Avmplus a) {
            return Amf3.toAmf0(a.value());
        }
        return value;
    }

    /**
     * Like {@link #unwrap} but bridges only AMF3 strings and numbers, which cost nothing to convert;
     * used on the decode path (command name, transaction id), where an AVM+ byte array or vector must
     * not be expanded into one AMF0 value per element.
     */
    static Amf0Value scalar(Amf0Value value) {
        if (value instanceof Amf0Avmplus a
                && (a.value() instanceof Amf3String || a.value() instanceof Amf3Integer
                || a.value() instanceof Amf3Double)) {
            return Amf3.toAmf0(a.value());
        }
        return value;
    }

    /** The value as properties (object, typed object, ECMA array), AMF3 objects bridged. */
    static Optional<Amf0Properties> properties(Amf0Value value) {
        Amf0Value v = unwrap(value);
        return v instanceof Amf0Properties p ? Optional.of(p) : Optional.empty();
    }
}
