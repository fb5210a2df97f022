package io.rtmp4j.amf;

import java.util.Objects;

/**
 * AMF3 XML (marker 0x0B, amf3.txt §3.13): an E4X {@code XML} value as text.
 *
 * @param xml the XML text
 */
public record Amf3Xml(String xml) implements Amf3Value {
    /**
     * Checks that the XML text is present.
     *
     * @param xml the XML text
     * @throws NullPointerException if a required value is null
     */
    public Amf3Xml {
        Objects.requireNonNull(xml, "xml");
    }
}
