package io.rtmp4j.amf;

/**
 * AMF3 double (marker 0x05, amf3.txt §3.7), encoded like the AMF0 number.
 *
 * @param value the number
 */
public record Amf3Double(double value) implements Amf3Value {
}
