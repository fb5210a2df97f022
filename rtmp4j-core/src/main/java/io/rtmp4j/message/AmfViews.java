package io.rtmp4j.message;

import io.rtmp4j.amf.Amf0Avmplus;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.amf.Amf3;
import io.rtmp4j.amf.Amf3Array;
import io.rtmp4j.amf.Amf3ByteArray;
import io.rtmp4j.amf.Amf3Dictionary;
import io.rtmp4j.amf.Amf3Double;
import io.rtmp4j.amf.Amf3Externalizable;
import io.rtmp4j.amf.Amf3Integer;
import io.rtmp4j.amf.Amf3Object;
import io.rtmp4j.amf.Amf3Property;
import io.rtmp4j.amf.Amf3String;
import io.rtmp4j.amf.Amf3Value;
import io.rtmp4j.amf.Amf3VectorDouble;
import io.rtmp4j.amf.Amf3VectorInt;
import io.rtmp4j.amf.Amf3VectorObject;
import io.rtmp4j.amf.Amf3VectorUint;
import java.util.Optional;

/** Reading helpers over AMF0 values that may hide an AMF3 value behind the AVM+ switch (amf0.txt §3.1). */
final class AmfViews {

    /**
     * Most AMF0 values one AVM+ value may turn into when bridged. {@link Amf3#toAmf0} makes one AMF0
     * number per byte of a ByteArray and per vector element, and writes shared (referenced) values out
     * once per reference, so a 16 MiB body could become hundreds of MiB of objects; beyond this cap
     * the reading helpers leave the value unbridged (typed lookups on it come back empty). 65536
     * elements is far more than any command or metadata carries (AmfLimits uses the same number for
     * one collection).
     */
    static final int MAX_BRIDGED_ELEMENTS = 1 << 16;

    private AmfViews() {
    }

    /** The value itself, or for an AVM+ value of bounded size its AMF0-shaped bridge ({@link Amf3#toAmf0}). */
    static Amf0Value unwrap(Amf0Value value) {
        if (value instanceof Amf0Avmplus a && fits(a.value(), new int[] {MAX_BRIDGED_ELEMENTS})) {
            return Amf3.toAmf0(a.value());
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

    /**
     * True if bridging {@code v} makes at most {@code budget[0]} AMF0 values; walks at most that many
     * nodes (shared references are counted each time they are reached, as the bridge expands them).
     */
    static boolean fits(Amf3Value v, int[] budget) {
        if (--budget[0] < 0) {
            return false;
        }
        if (v instanceof Amf3ByteArray b) {
            return (budget[0] -= b.length()) >= 0;
        } else if (v instanceof Amf3VectorInt x) {
            return (budget[0] -= x.values().size()) >= 0;
        } else if (v instanceof Amf3VectorUint x) {
            return (budget[0] -= x.values().size()) >= 0;
        } else if (v instanceof Amf3VectorDouble x) {
            return (budget[0] -= x.values().size()) >= 0;
        } else if (v instanceof Amf3VectorObject x) {
            for (Amf3Value e : x.values()) {
                if (!fits(e, budget)) {
                    return false;
                }
            }
        } else if (v instanceof Amf3Array a) {
            for (Amf3Value e : a.dense()) {
                if (!fits(e, budget)) {
                    return false;
                }
            }
            for (Amf3Property p : a.associative()) {
                if (!fits(p.value(), budget)) {
                    return false;
                }
            }
        } else if (v instanceof Amf3Object o) {
            for (Amf3Value e : o.sealedValues()) {
                if (!fits(e, budget)) {
                    return false;
                }
            }
            for (Amf3Property p : o.dynamicMembers()) {
                if (!fits(p.value(), budget)) {
                    return false;
                }
            }
        } else if (v instanceof Amf3Dictionary d) {
            for (Amf3Dictionary.Entry e : d.entries()) {
                if (!fits(e.key(), budget) || !fits(e.value(), budget)) {
                    return false;
                }
            }
        } else if (v instanceof Amf3Externalizable x) {
            return fits(x.content(), budget);
        }
        return true;
    }
}
