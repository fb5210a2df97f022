package io.rtmp4j.amf;

import io.rtmp4j.RtmpProtocolException;

import java.io.ByteArrayOutputStream;
import java.nio.BufferOverflowException;
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
 * {@link RtmpProtocolException} and nothing else. The input is a complete message body, so running
 * out of bytes is an error here (the chunk layer does the "need more" buffering).
 *
 * <p>References (0x07) are resolved to the referenced value; one reference table spans one call
 * (amf0.txt §4.1.3: reset per message), so {@link #decodeAll} shares it across the values of a body,
 * as it shares one set of AMF3 tables across the body's AVM+ (0x11) values. AVM+ values with
 * externalizable objects are read with {@link Amf3ExternalizableRegistry#DEFAULT} unless a registry
 * is passed.
 */
public final class Amf0 {

    private Amf0() {
    }

    /**
     * Decodes one value with {@link AmfLimits#DEFAULT}.
     *
     * @param in the bytes, read from its position (which advances past what was decoded)
     * @return the value
     */
    public static Amf0Value decode(ByteBuffer in) {
        return decode(in, AmfLimits.DEFAULT);
    }

    /**
     * Decodes one value.
     *
     * @param in the bytes, read from its position (which advances past what was decoded)
     * @param limits the limits the decode enforces
     * @return the value
     */
    public static Amf0Value decode(ByteBuffer in, AmfLimits limits) {
        return decode(in, limits, Amf3ExternalizableRegistry.DEFAULT);
    }

    /**
     * Decodes one value, reading AMF3 externalizable objects with {@code registry}.
     *
     * @param in the bytes, read from its position (which advances past what was decoded)
     * @param limits the limits the decode enforces
     * @param registry the codecs of AMF3 externalizable classes
     * @return the value
     */
    public static Amf0Value decode(ByteBuffer in, AmfLimits limits, Amf3ExternalizableRegistry registry) {
        AmfInput input = new AmfInput(in, Objects.requireNonNull(limits, "limits"),
                Objects.requireNonNull(registry, "registry"));
        Amf0Value value = new Amf0Decoder(input).readValue();
        in.position(input.position());
        return value;
    }

    /**
     * Decodes values until the buffer is exhausted, with {@link AmfLimits#DEFAULT}.
     *
     * @param in the bytes, read from its position (which advances past what was decoded)
     * @return the values, in order
     */
    public static List<Amf0Value> decodeAll(ByteBuffer in) {
        return decodeAll(in, AmfLimits.DEFAULT);
    }

    /**
     * Decodes every value of a byte array (e.g. a command message body).
     *
     * @param body the encoded values
     * @return the values, in order
     */
    public static List<Amf0Value> decodeAll(byte[] body) {
        return decodeAll(ByteBuffer.wrap(body));
    }

    /**
     * Decodes values until the buffer is exhausted. Fails if the buffer holds more than
     * {@link AmfLimits#maxTotalBytes()}.
     *
     * @param in the bytes, read from its position (which advances past what was decoded)
     * @param limits the limits the decode enforces
     * @return the values, in order
     */
    public static List<Amf0Value> decodeAll(ByteBuffer in, AmfLimits limits) {
        return decodeAll(in, limits, Amf3ExternalizableRegistry.DEFAULT);
    }

    /**
     * Decodes values until the buffer is exhausted, reading AMF3 externalizable objects with {@code registry}.
     *
     * @param in the bytes, read from its position (which advances past what was decoded)
     * @param limits the limits the decode enforces
     * @param registry the codecs of AMF3 externalizable classes
     * @return the values, in order
     */
    public static List<Amf0Value> decodeAll(ByteBuffer in, AmfLimits limits, Amf3ExternalizableRegistry registry) {
        Objects.requireNonNull(limits, "limits");
        if (in.remaining() > limits.maxTotalBytes()) {
            throw new RtmpProtocolException("AMF input of " + in.remaining()
                    + " bytes exceeds the limit of " + limits.maxTotalBytes() + " (AmfLimits.maxTotalBytes)");
        }
        AmfInput input = new AmfInput(in, limits, Objects.requireNonNull(registry, "registry"));
        Amf0Decoder decoder = new Amf0Decoder(input);
        List<Amf0Value> values = new ArrayList<>();
        while (input.hasRemaining()) {
            values.add(decoder.readValue());
        }
        in.position(input.position());
        return Collections.unmodifiableList(values);
    }

    /**
     * Encodes values one after another.
     *
     * @param values the values, in order
     * @return the encoded bytes
     */
    public static byte[] encode(Amf0Value... values) {
        return encode(List.of(values));
    }

    /**
     * Encodes values one after another.
     *
     * @param values the values, in order
     * @return the encoded bytes
     */
    public static byte[] encode(List<? extends Amf0Value> values) {
        return encode(values, Amf3ExternalizableRegistry.DEFAULT);
    }

    /**
     * Encodes values one after another, writing AMF3 externalizable objects with {@code registry}.
     *
     * @param values the values, in order
     * @param registry the codecs of AMF3 externalizable classes
     * @return the encoded bytes
     * @throws IllegalArgumentException if a value cannot be encoded (an unregistered externalizable
     *                                  class, an AMF3 length beyond 2²⁸−1)
     */
    public static byte[] encode(List<? extends Amf0Value> values, Amf3ExternalizableRegistry registry) {
        AmfOutput out = new AmfOutput();
        Amf0Encoder encoder = new Amf0Encoder(out, Objects.requireNonNull(registry, "registry"));
        for (Amf0Value v : values) {
            encoder.write(Objects.requireNonNull(v, "value"));
        }
        return out.toByteArray();
    }

    /**
     * Encodes values and appends them to {@code dst} at its position.
     *
     * @param dst the buffer to append to
     * @param values the values, in order
     * @throws BufferOverflowException if {@code dst} has too little room (nothing is written then)
     */
    public static void encodeTo(ByteBuffer dst, Amf0Value... values) {
        byte[] bytes = encode(values);
        if (bytes.length > dst.remaining()) {
            throw new BufferOverflowException();
        }
        dst.put(bytes);
    }

    /**
     * Encodes values and appends them to {@code dst}.
     *
     * @param dst the stream to append to
     * @param values the values, in order
     */
    public static void encodeTo(ByteArrayOutputStream dst, Amf0Value... values) {
        byte[] bytes = encode(values);
        dst.write(bytes, 0, bytes.length);
    }

    /**
     * Replaces every AVM+ value ({@link Amf0Avmplus}), at any depth, by its AMF0 form
     * ({@link Amf3#toAmf0(Amf3Value)}). Handy for data messages and metadata that a Flash-era
     * writer switched to AMF3; other values are returned unchanged (the same instance when nothing
     * needed replacing).
     *
     * @param value any AMF0 value
     * @return the value without AVM+ parts
     */
    public static Amf0Value withoutAvmplus(Amf0Value value) {
        if (value instanceof Amf0Avmplus a) {
            return Amf3.toAmf0(a.value());
        } else if (value instanceof Amf0StrictArray a) {
            List<Amf0Value> out = new ArrayList<>(a.size());
            boolean changed = false;
            for (Amf0Value v : a.values()) {
                Amf0Value r = withoutAvmplus(v);
                changed |= r != v;
                out.add(r);
            }
            return changed ? new Amf0StrictArray(out) : a;
        } else if (value instanceof Amf0Properties p) {
            List<Amf0Property> out = new ArrayList<>(p.size());
            boolean changed = false;
            for (Amf0Property prop : p.properties()) {
                Amf0Value r = withoutAvmplus(prop.value());
                changed |= r != prop.value();
                out.add(r == prop.value() ? prop : new Amf0Property(prop.name(), r));
            }
            if (!changed) {
                return value;
            }
            if (value instanceof Amf0Object) {
                return new Amf0Object(out);
            } else if (value instanceof Amf0EcmaArray e) {
                return new Amf0EcmaArray(e.associativeCount(), out);
            } else {
                return new Amf0TypedObject(((Amf0TypedObject) value).className(), out);
            }
        }
        return value;
    }
}
