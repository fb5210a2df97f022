package io.rtmp4j.amf;

/** AMF3 encoder (work in progress). */
final class Amf3Encoder {
    private final AmfOutput out;

    Amf3Encoder(AmfOutput out) {
        this.out = out;
    }

    void write(Amf3Value value) {
        throw new UnsupportedOperationException("AMF3 encoding is not implemented yet: " + value + out);
    }
}
