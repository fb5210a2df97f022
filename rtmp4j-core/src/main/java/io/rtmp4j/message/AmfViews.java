package io.rtmp4j.message;

import io.rtmp4j.amf.Amf0Avmplus;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.amf.Amf3;
import io.rtmp4j.amf.Amf3Double;
import io.rtmp4j.amf.Amf3Integer;
import io.rtmp4j.amf.Amf3String;
import io.rtmp4j.amf.AmfLimits;
import java.util.Optional;

/** Reading helpers over AMF0 values that may hide an AMF3 value behind the AVM+ switch (amf0.txt §3.1). */
final class AmfViews {

    /**
     * Most AMF0 values one AVM+ value may turn into when bridged, counted as {@link Amf3#toAmf0} counts
     * them (every value of the result where it stands). The bridge makes one AMF0 number per byte of a
     * ByteArray and per vector element, and writes shared (referenced) values out once per reference,
     * so a 16 MiB body could become hundreds of MiB of objects; beyond this cap the reading helpers
     * leave the value unbridged (typed lookups on it come back empty). 65536 values is far more than
     * any command or metadata carries, and 16 times less than the bridge's own default
     * ({@link AmfLimits#DEFAULT_MAX_COLLECTION_COUNT}), since these helpers may run on every message.
     */
    static final int MAX_BRIDGED_ELEMENTS = 1 << 16;

    /** The bridge budget of the reading helpers. */
    private static final AmfLimits BRIDGE_LIMITS = AmfLimits.DEFAULT.withMaxCollectionCount(MAX_BRIDGED_ELEMENTS);

    private AmfViews() {
    }

    /**
     * The value itself, or for an AVM+ value of at most {@link #MAX_BRIDGED_ELEMENTS} AMF0 values its
     * AMF0-shaped bridge; one conversion attempt, abandoned as soon as it passes the cap
     * ({@link Amf3#tryToAmf0}).
     *
     * @throws io.rtmp4j.RtmpProtocolException if the AMF3 value holds a name AMF0 cannot carry
     */
    static Amf0Value unwrap(Amf0Value value) {
        if (value instanceof Amf0Avmplus a) {
            return Amf3.tryToAmf0(a.value(), BRIDGE_LIMITS).orElse(value);
        }
        return value;
    }

    /**
     * Like {@link #unwrap} but bridges only AMF3 strings and numbers, which cost nothing to convert;
     * used on the decode path (command name, transaction id).
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
