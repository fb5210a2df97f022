package io.rtmp4j.amf;

import java.util.Objects;

/**
 * AMF3 XMLDocument (marker 0x07, amf3.txt §3.9): the legacy {@code flash.xml.XMLDocument} as text.
 *
 * @param xml the XML text
 */
public record Amf3XmlDocument(String xml) implements Amf3Value {
    /**
     * Checks that the XML text is present.
     *
     * @param xml the XML text
     * @throws NullPointerException if a required value is null
     */
    public Amf3XmlDocument {
        Objects.requireNonNull(xml, "xml");
    }
}
