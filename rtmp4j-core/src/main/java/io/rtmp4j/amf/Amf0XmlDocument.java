package io.rtmp4j.amf;

import java.util.Objects;

/**
 * AMF0 XML Document (marker 0x0F, amf0.txt §2.17): the document's text, always written with a
 * U32 length.
 *
 * @param xml the XML text
 */
public record Amf0XmlDocument(String xml) implements Amf0Value {
    /**
     * Checks that the XML text is present.
     *
     * @param xml the XML text
     * @throws NullPointerException if a required value is null
     */
    public Amf0XmlDocument {
        Objects.requireNonNull(xml, "xml");
    }
}
