package io.rtmp4j.amf;

/** AMF0 null (marker 0x05, amf0.txt §2.7). Use {@link #INSTANCE}; all instances are equal. */
public record Amf0Null() implements Amf0Value {
    /** The null value. */
    public static final Amf0Null INSTANCE = new Amf0Null();
}
