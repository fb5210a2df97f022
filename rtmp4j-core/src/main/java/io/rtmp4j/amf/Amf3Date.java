package io.rtmp4j.amf;

/**
 * AMF3 Date (marker 0x08, amf3.txt §3.10): milliseconds since the Unix epoch (UTC) as a double; no
 * time zone.
 *
 * @param epochMillis milliseconds since 1970-01-01T00:00:00Z
 */
public record Amf3Date(double epochMillis) implements Amf3Value {
}
