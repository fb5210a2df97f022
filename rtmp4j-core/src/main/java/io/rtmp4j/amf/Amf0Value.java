package io.rtmp4j.amf;

import java.util.List;

/**
 * One AMF0 value (amf0.txt §2): a record per type marker.
 *
 * <p>Values are immutable. Build them with the factories here or on the records, e.g.
 * <pre>{@code
 * Amf0Value name = Amf0Value.of("connect");
 * Amf0Value txn  = Amf0Value.of(1.0);
 * Amf0Object cmd = Amf0Object.builder().put("app", "live").put("objectEncoding", 0.0).build();
 * }</pre>
 * and read them with pattern matching ({@code if (v instanceof Amf0String s) ...}) or with the
 * convenience accessors {@link #asString()}, {@link #asNumber()}, {@link #asBoolean()}.
 *
 * <p>There is no record for the reference marker 0x07 (amf0.txt §2.9): the decoder resolves a
 * reference to the referenced value, and the encoder never writes references. The object-end
 * marker 0x09 (§2.11) is part of the object encodings, not a value. Movieclip (0x04) and RecordSet
 * (0x0E) are reserved and refused by the decoder (§2.6, §2.16).
 */
public sealed interface Amf0Value
        permits Amf0Number, Amf0Boolean, Amf0String, Amf0Object, Amf0Null, Amf0Undefined,
        Amf0EcmaArray, Amf0StrictArray, Amf0Date, Amf0XmlDocument, Amf0TypedObject, Amf0Unsupported,
        Amf0Avmplus {

    /**
     * A string value; the long-string form is used only when the UTF-8 form exceeds 65535 bytes.
     *
     * @param value the text
     * @return the string value
     */
    static Amf0String of(String value) {
        return Amf0String.of(value);
    }

    /**
     * A number value.
     *
     * @param value the number
     * @return the number value
     */
    static Amf0Number of(double value) {
        return new Amf0Number(value);
    }

    /**
     * A boolean value.
     *
     * @param value the boolean
     * @return the boolean value
     */
    static Amf0Boolean of(boolean value) {
        return Amf0Boolean.of(value);
    }

    /**
     * A strict array of the given values (amf0.txt §2.12).
     *
     * @param values the elements, in order
     * @return the strict array
     */
    static Amf0StrictArray array(Amf0Value... values) {
        return new Amf0StrictArray(List.of(values));
    }

    /**
     * The AMF0 null value.
     *
     * @return the null value
     */
    static Amf0Null nullValue() {
        return Amf0Null.INSTANCE;
    }

    /**
     * This value's string if it is a string (short or long form), else {@code null}.
     *
     * @return the string, or null
     */
    default String asString() {
        return this instanceof Amf0String s ? s.value() : null;
    }

    /**
     * This value's number if it is a number, else {@code null}.
     *
     * @return the number, or null
     */
    default Double asNumber() {
        return this instanceof Amf0Number n ? n.value() : null;
    }

    /**
     * This value's boolean if it is a boolean, else {@code null}.
     *
     * @return the boolean, or null
     */
    default Boolean asBoolean() {
        return this instanceof Amf0Boolean b ? b.value() : null;
    }

    /**
     * True for null (0x05) and undefined (0x06).
     *
     * @return true for null and undefined
     */
    default boolean isNullOrUndefined() {
        return this instanceof Amf0Null || this instanceof Amf0Undefined;
    }
}
