package io.rtmp4j.message;

import io.rtmp4j.amf.Amf0Avmplus;
import io.rtmp4j.amf.Amf0Value;

/** Bridges an AVM+ (AMF3) value to an AMF0-shaped value for the reading helpers. */
final class AmfBridge {

    private AmfBridge() {
    }

    static Amf0Value toAmf0(Amf0Avmplus value) {
        // The AMF3 → AMF0 bridge (Amf3.toAmf0) is not on main yet: until it is, AVM+ values are
        // returned as they are, so typed lookups on them come back empty.
        return value;
    }
}
