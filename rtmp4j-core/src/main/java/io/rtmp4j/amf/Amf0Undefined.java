package io.rtmp4j.amf;

/** AMF0 undefined (marker 0x06, amf0.txt §2.8). Use {@link #INSTANCE}; all instances are equal. */
public record Amf0Undefined() implements Amf0Value {
    /** The undefined value. */
    public static final Amf0Undefined INSTANCE = new Amf0Undefined();
}
