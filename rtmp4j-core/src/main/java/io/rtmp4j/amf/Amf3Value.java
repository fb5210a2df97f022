package io.rtmp4j.amf;

/**
 * One AMF3 value (amf3.txt §3): a record per type marker. amf3.txt §3.1 says "13 types" and then
 * lists eighteen markers (0x00..0x11, including the Flash Player 10 Vector and Dictionary types of
 * §3.15 / §3.16); every one of them is supported:
 *
 * <table>
 * <caption>markers</caption>
 * <tr><td>0x00 undefined</td><td>{@link Amf3Undefined}</td></tr>
 * <tr><td>0x01 null</td><td>{@link Amf3Null}</td></tr>
 * <tr><td>0x02 false, 0x03 true</td><td>{@link Amf3Boolean}</td></tr>
 * <tr><td>0x04 integer</td><td>{@link Amf3Integer}</td></tr>
 * <tr><td>0x05 double</td><td>{@link Amf3Double}</td></tr>
 * <tr><td>0x06 string</td><td>{@link Amf3String}</td></tr>
 * <tr><td>0x07 xml-doc</td><td>{@link Amf3XmlDocument}</td></tr>
 * <tr><td>0x08 date</td><td>{@link Amf3Date}</td></tr>
 * <tr><td>0x09 array</td><td>{@link Amf3Array}</td></tr>
 * <tr><td>0x0A object</td><td>{@link Amf3Object}, or {@link Amf3Externalizable} for externalizable traits</td></tr>
 * <tr><td>0x0B xml</td><td>{@link Amf3Xml}</td></tr>
 * <tr><td>0x0C byte-array</td><td>{@link Amf3ByteArray}</td></tr>
 * <tr><td>0x0D vector-int</td><td>{@link Amf3VectorInt}</td></tr>
 * <tr><td>0x0E vector-uint</td><td>{@link Amf3VectorUint}</td></tr>
 * <tr><td>0x0F vector-double</td><td>{@link Amf3VectorDouble}</td></tr>
 * <tr><td>0x10 vector-object</td><td>{@link Amf3VectorObject}</td></tr>
 * <tr><td>0x11 dictionary</td><td>{@link Amf3Dictionary}</td></tr>
 * </table>
 *
 * <p>References (strings, objects, traits; amf3.txt §2.2) are resolved by the decoder: a value sent
 * by reference is the <em>same Java instance</em> as the value it refers to. The encoder writes an
 * object reference whenever the same instance appears again (identity), a string reference whenever
 * the same non-empty string appears again, and a traits reference whenever equal traits appear again,
 * so decoded input re-encodes byte for byte when the writer used references the same way. Cyclic
 * graphs cannot be represented by immutable values and are refused by the decoder.
 */
public sealed interface Amf3Value
        permits Amf3Undefined, Amf3Null, Amf3Boolean, Amf3Integer, Amf3Double, Amf3String,
        Amf3XmlDocument, Amf3Date, Amf3Array, Amf3Object, Amf3Externalizable, Amf3Xml, Amf3ByteArray,
        Amf3VectorInt, Amf3VectorUint, Amf3VectorDouble, Amf3VectorObject, Amf3Dictionary {

    /**
     * A string value.
     *
     * @param value the text
     * @return the string value
     */
    static Amf3String of(String value) {
        return new Amf3String(value);
    }

    /**
     * An integer if {@code value} fits the 29-bit signed range of amf3.txt §3.6, else a double.
     *
     * @param value the number
     * @return an integer or a double
     */
    static Amf3Value of(long value) {
        if (value >= Amf3Integer.MIN_VALUE && value <= Amf3Integer.MAX_VALUE) {
            return new Amf3Integer((int) value);
        }
        return new Amf3Double(value);
    }

    /**
     * A double value.
     *
     * @param value the number
     * @return the double value
     */
    static Amf3Double of(double value) {
        return new Amf3Double(value);
    }

    /**
     * A boolean value.
     *
     * @param value the boolean
     * @return the boolean value
     */
    static Amf3Boolean of(boolean value) {
        return Amf3Boolean.of(value);
    }
}
