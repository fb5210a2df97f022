package io.rtmp4j.session;

import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.message.DataMessage;
import java.util.Objects;

/**
 * Stream metadata received on a stream: {@code @setDataFrame onMetaData {...}} from an encoder (the
 * {@code @setDataFrame} prefix removed), or {@code onMetaData {...}} as servers send it to players; AMF3
 * data messages (type 15) are delivered the same way, as AMF0 (docs/INTEROP.md "Commands").
 *
 * @param streamId  message stream it arrived on
 * @param timestamp its timestamp in milliseconds
 * @param message   the {@code onMetaData ...} data message, type 18 (AMF0), as a server forwards it to players
 * @param payload   {@code message}'s encoded AMF0 body, ready to send to players
 *                  ({@link ServerSession#sendData(int, long, byte[])}); shared, do not modify
 */
public record Metadata(int streamId, long timestamp, DataMessage message, byte[] payload) {

    /**
     * Checks for nulls.
     *
     * @param streamId message stream it arrived on
     * @param timestamp its timestamp in milliseconds
     * @param message the {@code onMetaData ...} data message, type 18 (AMF0), as a server forwards it to
     *     players
     * @param payload {@code message}'s encoded AMF0 body, ready to send to players ({@link
     *     ServerSession#sendData(int, long, byte[])})
     */
    public Metadata {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * The metadata object (the first object or ECMA array after the handler name), or an empty object.
     *
     * @return the metadata properties, possibly none
     */
    public Amf0Properties properties() {
        for (int i = 1; i < message.values().size(); i++) {
            var p = message.properties(i);
            if (p.isPresent()) {
                return p.get();
            }
        }
        return Amf0Object.EMPTY;
    }
}
