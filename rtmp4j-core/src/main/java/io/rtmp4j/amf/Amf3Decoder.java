package io.rtmp4j.amf;

import io.rtmp4j.RtmpProtocolException;

/** AMF3 decoder (work in progress). */
final class Amf3Decoder {
    private final AmfInput in;

    Amf3Decoder(AmfInput in) {
        this.in = in;
    }

    Amf3Value readValue() {
        throw new RtmpProtocolException("AMF3 decoding is not implemented yet (offset " + in.consumed() + ")");
    }
}
