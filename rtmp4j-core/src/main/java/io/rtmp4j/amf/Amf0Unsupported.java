package io.rtmp4j.amf;

/** AMF0 unsupported (marker 0x0D, amf0.txt §2.15). Use {@link #INSTANCE}; all instances are equal. */
public record Amf0Unsupported() implements Amf0Value {
    /** The unsupported value. */
    public static final Amf0Unsupported INSTANCE = new Amf0Unsupported();
}
