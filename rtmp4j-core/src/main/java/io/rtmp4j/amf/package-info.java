/**
 * AMF0 and AMF3: the value formats of RTMP commands, data messages and FLV script tags
 * (amf0.txt, amf3.txt).
 *
 * <h2>Values</h2>
 * {@link io.rtmp4j.amf.Amf0Value} and {@link io.rtmp4j.amf.Amf3Value} are sealed interfaces with one
 * immutable record per type marker (their javadoc lists the marker ↔ record mapping). Objects keep
 * insertion order, so encoding is deterministic (docs/ARCHITECTURE.md "Conventions").
 *
 * <p>Building and reading AMF0 values:
 * <ul>
 * <li>{@code Amf0Value.of(String)}, {@code Amf0Value.of(double)}, {@code Amf0Value.of(boolean)},
 *     {@code Amf0Value.array(Amf0Value...)}, {@code Amf0Null.INSTANCE}, {@code Amf0Undefined.INSTANCE};</li>
 * <li>{@code Amf0Object.builder().put("app", "live").put("objectEncoding", 0.0).build()} (also
 *     {@code Amf0EcmaArray.builder()}, {@code Amf0TypedObject.builder(className)}); {@code put} of an
 *     existing name replaces its value in place;</li>
 * <li>lookups on objects, typed objects and ECMA arrays ({@link io.rtmp4j.amf.Amf0Properties}) return
 *     {@link java.util.Optional}, empty when the name is absent <em>or</em> holds another type:
 *     {@code get(name)}, {@code string(name)}, {@code number(name)}, {@code bool(name)},
 *     {@code object(name)}, plus {@code names()}, {@code asMap()};</li>
 * <li>on any value: {@code asString()}, {@code asNumber()}, {@code asBoolean()} (null when the value
 *     is of another type), {@code isNullOrUndefined()}.</li>
 * </ul>
 *
 * <pre>{@code
 * Amf0Object cmdObj = Amf0Object.builder()
 *         .put("app", "live")
 *         .put("tcUrl", "rtmp://example.com/live")
 *         .put("objectEncoding", 0.0)
 *         .build();
 * byte[] body = Amf0.encode(Amf0Value.of("connect"), Amf0Value.of(1.0), cmdObj);
 *
 * List<Amf0Value> in = Amf0.decodeAll(ByteBuffer.wrap(body));
 * String name = in.get(0).asString();                          // "connect"
 * Amf0Object o = (Amf0Object) in.get(2);
 * String app = o.string("app").orElse("");                     // "live"
 * double enc = o.number("objectEncoding").orElse(0.0);
 * }</pre>
 *
 * <h2>Entry points</h2>
 * <ul>
 * <li>{@link io.rtmp4j.amf.Amf0}: {@code decode(ByteBuffer[, AmfLimits[, registry]])} (one value),
 *     {@code decodeAll(ByteBuffer[, AmfLimits[, registry]])} and {@code decodeAll(byte[])} (until the
 *     input is exhausted), {@code encode(Amf0Value...)}, {@code encode(List[, registry])},
 *     {@code encodeTo(ByteBuffer, Amf0Value...)}, {@code encodeTo(ByteArrayOutputStream, Amf0Value...)},
 *     {@code withoutAvmplus(Amf0Value)};</li>
 * <li>{@link io.rtmp4j.amf.Amf3}: the same {@code decode} / {@code decodeAll} / {@code encode}, and
 *     {@code toAmf0(Amf3Value)}, the bridge to AMF0 shapes for metadata;</li>
 * <li>{@link io.rtmp4j.amf.AmfJson}: {@code toJson(Amf0Value)}, {@code toJson(Amf0Value, pretty)},
 *     {@code toJson(Amf3Value)}, {@code toJson(List<Amf0Value>)}.</li>
 * </ul>
 * Decoding advances the buffer's position only on success. One call is one message body: AMF0
 * references and the AMF3 tables span the values of one call (amf0.txt §4.1.3, amf3.txt §4.1).
 *
 * <h2>Strings</h2>
 * {@link io.rtmp4j.amf.Amf0String} keeps which of the two AMF0 string encodings was used (0x02 with
 * a U16 length, 0x0C with a U32 length), so decoded input re-encodes byte for byte;
 * {@code Amf0Value.of(String)} picks the short form unless the text needs more than 65535 UTF-8
 * bytes. Malformed UTF-8 decodes to U+FFFD.
 *
 * <h2>References</h2>
 * AMF0 references (0x07) and AMF3 object / string / traits references are resolved on decode (a
 * referenced value is the same Java instance). The AMF0 encoder never writes references (ffmpeg and
 * other peers do not read them); the AMF3 encoder writes them as {@link io.rtmp4j.amf.Amf3Value}
 * explains, so AMF3 input re-encodes byte for byte. Cyclic graphs are refused. Externalizable AMF3
 * objects need an entry in {@link io.rtmp4j.amf.Amf3ExternalizableRegistry}.
 *
 * <h2>Limits</h2>
 * {@link io.rtmp4j.amf.AmfLimits}: nesting depth (default 64), string length (1 MiB), collection
 * size (2²⁰), total and expanded size (2²⁴−1 bytes). Declared counts and lengths are checked
 * against the remaining input before anything is allocated. Bad input raises
 * {@link io.rtmp4j.RtmpProtocolException} only.
 */
package io.rtmp4j.amf;
