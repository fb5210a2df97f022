/**
 * AMF0 and AMF3: the value formats of RTMP commands, data messages and FLV script tags
 * (amf0.txt, amf3.txt).
 *
 * <h2>Values</h2>
 * {@link io.rtmp4j.amf.Amf0Value} and {@link io.rtmp4j.amf.Amf3Value} are sealed interfaces with one
 * immutable record per type marker. Objects keep insertion order, so encoding is deterministic.
 * Property lookups on {@link io.rtmp4j.amf.Amf0Object} / {@link io.rtmp4j.amf.Amf0EcmaArray} /
 * {@link io.rtmp4j.amf.Amf0TypedObject} (via {@link io.rtmp4j.amf.Amf0Properties}) return
 * {@link java.util.Optional}, empty if the name is absent or holds another type.
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
 * {@link io.rtmp4j.amf.Amf0} and {@link io.rtmp4j.amf.Amf3}: {@code decode} (one value),
 * {@code decodeAll} (until the buffer is exhausted) and {@code encode}; {@code Amf3.toAmf0} bridges
 * AMF3 values to AMF0 shapes for metadata; {@link io.rtmp4j.amf.AmfJson} renders values as JSON.
 *
 * <h2>Strings</h2>
 * {@link io.rtmp4j.amf.Amf0String} keeps which of the two AMF0 string encodings was used (0x02 with
 * a U16 length, 0x0C with a U32 length), so decoded input re-encodes byte for byte;
 * {@code Amf0Value.of(String)} picks the short form unless the text needs more than 65535 UTF-8
 * bytes. Malformed UTF-8 decodes to U+FFFD.
 *
 * <h2>References</h2>
 * AMF0 references (0x07) and AMF3 object / string / traits references are resolved on decode. The
 * AMF0 encoder never writes references; the AMF3 encoder writes them as {@link io.rtmp4j.amf.Amf3Value}
 * explains. Cyclic graphs are refused.
 *
 * <h2>Limits</h2>
 * {@link io.rtmp4j.amf.AmfLimits}: nesting depth (default 64), string length, collection size, total
 * and expanded size. Declared counts and lengths are checked against the remaining input before
 * anything is allocated. Bad input raises {@link io.rtmp4j.RtmpProtocolException} only.
 */
package io.rtmp4j.amf;
