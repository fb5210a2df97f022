package io.rtmp4j.amf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * AMF0 entry point (amf0.txt): decode bytes into {@link Amf0Value}s and encode them back.
 *
 * <pre>{@code
 * // a command body: name, transaction id, command object, arguments
 * byte[] body = Amf0.encode(Amf0Value.of("connect"), Amf0Value.of(1.0),
 *         Amf0Object.builder().put("app", "live").put("objectEncoding", 0.0).build());
 * List<Amf0Value> values = Amf0.decodeAll(ByteBuffer.wrap(body));
 * }</pre>
 *
 * <p>Decoding reads from the buffer's position; on success the position is advanced past what was
 * read, on failure it is left unchanged. Bad, truncated or over-limit input raises
 * {@link io.rtmp4j.RtmpProtocolException} and nothing else. The input is a complete message body,
 * so running out of bytes is an error here (the chunk layer does the "need more" buffering).
 *
 * <p>References (0x07) are resolved to the referenced value; one reference table spans one call
 * (amf0.txt §4.1.3: reset per message), so {@link #decodeAll} shares it across the values of a body.
 */
public final class Amf0 {

    private Amf0() {
    }

    /** Decodes one value with {@link AmfLimits#DEFAULT}. */
    public static Amf0Value decode(ByteBuffer in) {
        return decode(in, AmfLimits.DEFAULT);
    }

    /** Decodes one value. */
    public static Amf0Value decode(ByteBuffer in, AmfLimits limits) {
        Objects.requireNonNull(limits, "limits");
        AmfInput input = new AmfInput(in, limits);
        Amf0Value value = new Amf0Decoder(input).readValue();
        in.position(input.position());
        return value;
    }

    /** Decodes values until the buffer is exhausted, with {@link AmfLimits#DEFAULT}. */
    public static List<Amf0Value> decodeAll(ByteBuffer in) {
        return decodeAll(in, AmfLimits.DEFAULT);
    }

    /**
     * Decodes values until the buffer is exhausted. Fails if the buffer holds more than
     * {@link AmfLimits#maxTotalBytes()}.
     */
    public static List<Amf0Value> decodeAll(ByteBuffer in, AmfLimits limits) {
        Objects.requireNonNull(limits, "limits");
        if (in.remaining() > limits.maxTotalBytes()) {
            throw new io.rtmp4j.RtmpProtocolException("AMF input of " + in.remaining()
                    + " bytes exceeds the limit of " + limits.maxTotalBytes() + " (AmfLimits.maxTotalBytes)");
        }
        AmfInput input = new AmfInput(in, limits);
        Amf0Decoder decoder = new Amf0Decoder(input);
        List<Amf0Value> values = new ArrayList<>();
        while (input.hasRemaining()) {
            values.add(decoder.readValue());
        }
        in.position(input.position());
        return Collections.unmodifiableList(values);
    }

    /** Decodes every value of a byte array (e.g. a command message body). */
    public static List<Amf0Value> decodeAll(byte[] body) {
        return decodeAll(ByteBuffer.wrap(body));
    }

    /** Encodes values one after another. */
    public static byte[] encode(Amf0Value... values) {
        return encode(List.of(values));
    }

    /** Encodes values one after another. */
    public static byte[] encode(List<? extends Amf0Value> values) {
        AmfOutput out = new AmfOutput();
        Amf0Encoder encoder = new Amf0Encoder(out);
        for (Amf0Value v : values) {
            encoder.write(Objects.requireNonNull(v, "value"));
        }
        return out.toByteArray();
    }

    /**
     * Encodes values and appends them to {@code dst} at its position.
     *
     * @throws java.nio.BufferOverflowException if {@code dst} has too little room (nothing is written then)
     */
    public static void encodeTo(ByteBuffer dst, Amf0Value... values) {
        byte[] bytes = encode(values);
        if (bytes.length > dst.remaining()) {
            throw new java.nio.BufferOverflowException();
        }
        dst.put(bytes);
    }

    /** Encodes values and appends them to {@code dst}. */
    public static void encodeTo(java.io.ByteArrayOutputStream dst, Amf0Value... values) {
        byte[] bytes = encode(values);
        dst.write(bytes, 0, bytes.length);
    }
}
