package io.rtmp4j.amf;

/** AMF3 0x01 null (amf3.txt §3.3). Use {@link #INSTANCE}; all instances are equal. */
public record Amf3Null() implements Amf3Value {
    /** The single value. */
    public static final Amf3Null INSTANCE = new Amf3Null();
}
