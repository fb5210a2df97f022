package io.rtmp4j.amf;

import java.util.List;

/**
 * AMF0 encoder for one encode call. It never writes the reference marker 0x07 (many RTMP peers,
 * ffmpeg among them, do not read it); a value that appears twice is written twice. AVM+ values share
 * one set of AMF3 reference tables for the call.
 */
final class Amf0Encoder {

    private final AmfOutput out;
    private final Amf3ExternalizableRegistry registry;
    private Amf3Encoder amf3;

    Amf0Encoder(AmfOutput out, Amf3ExternalizableRegistry registry) {
        this.out = out;
        this.registry = registry;
    }

    void write(Amf0Value value) {
        if (value instanceof Amf0Number n) {
            out.u8(0x00); // number-marker, amf0.txt §2.2
            out.f64(n.value());
        } else if (value instanceof Amf0Boolean b) {
            out.u8(0x01); // boolean-marker, §2.3
            out.u8(b.value() ? 1 : 0);
        } else if (value instanceof Amf0String s) {
            byte[] utf8 = AmfOutput.utf8(s.value());
            if (s.longForm()) {
                out.u8(0x0C); // long-string-marker, §2.14
                out.u32(utf8.length);
            } else {
                out.u8(0x02); // string-marker, §2.4
                out.u16(utf8.length);
            }
            out.bytes(utf8);
        } else if (value instanceof Amf0Object o) {
            out.u8(0x03); // object-marker, §2.5
            writeProperties(o.properties());
        } else if (value instanceof Amf0Null n) {
            out.u8(0x05); // null-marker, §2.7
        } else if (value instanceof Amf0Undefined u) {
            out.u8(0x06); // undefined-marker, §2.8
        } else if (value instanceof Amf0EcmaArray a) {
            out.u8(0x08); // ecma-array-marker, §2.10
            out.u32(a.associativeCount());
            writeProperties(a.properties());
        } else if (value instanceof Amf0StrictArray a) {
            out.u8(0x0A); // strict-array-marker, §2.12
            out.u32(a.values().size());
            for (Amf0Value v : a.values()) {
                write(v);
            }
        } else if (value instanceof Amf0Date d) {
            out.u8(0x0B); // date-marker, §2.13
            out.f64(d.epochMillis());
            out.u16(d.timeZone() & 0xFFFF);
        } else if (value instanceof Amf0Unsupported u) {
            out.u8(0x0D); // unsupported-marker, §2.15
        } else if (value instanceof Amf0XmlDocument x) {
            out.u8(0x0F); // xml-document-marker, §2.17: always a U32 length
            byte[] utf8 = AmfOutput.utf8(x.xml());
            out.u32(utf8.length);
            out.bytes(utf8);
        } else if (value instanceof Amf0TypedObject t) {
            out.u8(0x10); // typed-object-marker, §2.18
            writeShortUtf8(t.className());
            writeProperties(t.properties());
        } else if (value instanceof Amf0Avmplus a) {
            out.u8(0x11); // avmplus-object-marker, §3.1
            if (amf3 == null) {
                amf3 = new Amf3Encoder(out, registry);
            }
            amf3.write(a.value());
        } else {
            throw new IllegalStateException("unknown AMF0 value " + value);
        }
    }

    private void writeShortUtf8(String s) {
        byte[] utf8 = AmfOutput.utf8(s);
        out.u16(utf8.length);
        out.bytes(utf8);
    }

    private void writeProperties(List<Amf0Property> props) {
        for (Amf0Property p : props) {
            writeShortUtf8(p.name());
            write(p.value());
        }
        out.u16(0); // object-end-type, §2.11: UTF-8-empty then 0x09
        out.u8(0x09);
    }
}
