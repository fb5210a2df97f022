package io.rtmp4j.flv;

import io.rtmp4j.amf.Amf0Avmplus;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.amf.Amf3String;

/** Reads AMF3 values that type 15 data carries after an AVM+ switch (amf0.txt §3.1). */
final class Amf3Bridge {

    private Amf3Bridge() {
    }

    /** The text of an AVM+-switched AMF3 string, else {@code null}. */
    static String string(Amf0Value v) {
        return v instanceof Amf0Avmplus a && a.value() instanceof Amf3String s ? s.value() : null;
    }
}
