package io.rtmp4j.amf;

/** AMF3 0x00 undefined (amf3.txt §3.2). Use {@link #INSTANCE}; all instances are equal. */
public record Amf3Undefined() implements Amf3Value {
    /** The single value. */
    public static final Amf3Undefined INSTANCE = new Amf3Undefined();
}
