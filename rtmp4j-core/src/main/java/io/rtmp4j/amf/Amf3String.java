package io.rtmp4j.amf;

import java.util.Objects;

/**
 * AMF3 string (marker 0x06, amf3.txt §3.8): UTF-8 text sent inline or by reference to the string
 * table (the empty string is never sent by reference).
 *
 * @param value the text
 */
public record Amf3String(String value) implements Amf3Value {
    /**
     * Checks that the value is present.
     *
     * @param value the text
     * @throws NullPointerException if a required value is null
     */
    public Amf3String {
        Objects.requireNonNull(value, "value");
    }
}
