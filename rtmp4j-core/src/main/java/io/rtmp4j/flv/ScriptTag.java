package io.rtmp4j.flv;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.Amf0;
import io.rtmp4j.amf.Amf0Avmplus;
import io.rtmp4j.amf.Amf3;
import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0String;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.amf.AmfLimits;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A script data tag body, SCRIPTDATA (flv-10.1.txt Annex E.4.4.1): a method or object name (an AMF0
 * string) followed by its arguments, e.g. {@code "onMetaData"} and an ECMA array of properties
 * (E.5). RTMP data messages carry the same body: type 18 in AMF0, type 15 with one leading format byte.
 *
 * <p>On RTMP, a publisher sets the metadata with {@code @setDataFrame}: the body is
 * {@code "@setDataFrame", "onMetaData", {...}}. The server keeps it and sends players (and files) the
 * unwrapped form {@code "onMetaData", {...}}: {@link #unwrapSetDataFrame()}.
 *
 * <pre>{@code
 * ScriptTag meta = ScriptTag.decode(message.typeId(), message.payload()).unwrapSetDataFrame();
 * if (meta.isOnMetaData()) {
 *     double width = meta.metaData().flatMap(p -> p.number("width")).orElse(0.0);
 *     writer.write(FlvTag.script(0, meta.encode()));
 * }
 * }</pre>
 *
 * @param name      the method or object name (E.4.4.1: SCRIPTDATAVALUE of type 2)
 * @param arguments the values that follow the name, in order; AMF3 values (after an AVM+ switch,
 *                  type 15 data) stay as {@link io.rtmp4j.amf.Amf0Avmplus}
 */
public record ScriptTag(String name, List<Amf0Value> arguments) {

    /** The metadata name (E.5; the spec's table spells it "onMetadata", every encoder and player "onMetaData"). */
    public static final String ON_META_DATA = "onMetaData";
    /** The RTMP data frame wrapper a publisher sends metadata in. */
    public static final String SET_DATA_FRAME = "@setDataFrame";
    /** The RTMP data frame removal command. */
    public static final String CLEAR_DATA_FRAME = "@clearDataFrame";
    /** RTMP message type of AMF0 data (rtmp-1.0.txt §7.1.2), also the FLV script data tag type (E.4.1). */
    public static final int TYPE_AMF0 = 18;
    /** RTMP message type of AMF3 data (rtmp-1.0.txt §7.1.2): a format byte, then AMF0 values that may switch to AMF3. */
    public static final int TYPE_AMF3 = 15;

    /**
     * Checks that the name is present and copies the arguments into an unmodifiable list.
     *
     * @param name the method or object name (E.4.4.1: SCRIPTDATAVALUE of type 2)
     * @param arguments the values that follow the name, in order
     * @throws NullPointerException if a required value is null
     */
    public ScriptTag {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
    }

    /**
     * A script tag with the given name and arguments.
     *
     * @param name the handler name
     * @param arguments the values after it
     * @return the tag
     */
    public static ScriptTag of(String name, Amf0Value... arguments) {
        return new ScriptTag(name, List.of(arguments));
    }

    /**
     * An {@code onMetaData} tag whose argument is an ECMA array of the given properties (E.5).
     *
     * @param properties the metadata properties
     * @return the tag
     */
    public static ScriptTag onMetaData(Amf0Properties properties) {
        return of(ON_META_DATA, properties instanceof Amf0EcmaArray a ? a : Amf0EcmaArray.of(properties.properties()));
    }

    /**
     * Decodes an AMF0 SCRIPTDATA body (script data tag, RTMP message type 18) with the default AMF limits.
     *
     * @param body the AMF0 body
     * @return the tag
     */
    public static ScriptTag decode(byte[] body) {
        return decode(body, AmfLimits.DEFAULT);
    }

    /**
     * Decodes an AMF0 SCRIPTDATA body (script data tag, RTMP message type 18).
     *
     * @param body the AMF0 body
     * @param limits the AMF limits
     * @return the tag
     * @throws RtmpProtocolException if the body is empty, is not AMF0, or does not start with a string
     */
    public static ScriptTag decode(byte[] body, AmfLimits limits) {
        return fromValues(Amf0.decodeAll(ByteBuffer.wrap(body), limits));
    }

    /**
     * Decodes a data message body of either RTMP type: 18 (AMF0) or 15 (AMF3 data: a format byte 0x00,
     * then AMF0 values, each of which may switch to AMF3 with the AVM+ marker 0x11, amf0.txt §3.1).
     * Flash-era clients label AMF0 data as type 15 this way (docs/INTEROP.md "Commands"). A type 15 body
     * that does not start with 0x00 is read as AMF0 from its first byte.
     *
     * @param typeId 18 or 15
     * @param body the message body
     * @param limits the AMF limits
     * @return the tag
     * @throws RtmpProtocolException if the body is malformed or {@code typeId} is neither 15 nor 18
     */
    public static ScriptTag decode(int typeId, byte[] body, AmfLimits limits) {
        if (typeId == TYPE_AMF0) {
            return decode(body, limits);
        }
        if (typeId != TYPE_AMF3) {
            throw new RtmpProtocolException("not a data message type: " + typeId + " (expected 15 or 18)");
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        if (b.hasRemaining() && b.get(0) == 0) {
            b.position(1);
        }
        return fromValues(Amf0.decodeAll(b, limits));
    }

    /**
     * {@link #decode(int, byte[], AmfLimits)} with the default AMF limits.
     *
     * @param typeId 18 or 15
     * @param body the message body
     * @return the tag
     */
    public static ScriptTag decode(int typeId, byte[] body) {
        return decode(typeId, body, AmfLimits.DEFAULT);
    }

    private static ScriptTag fromValues(List<Amf0Value> values) {
        if (values.isEmpty()) {
            throw new RtmpProtocolException("script data is empty: a name is required (flv-10.1.txt E.4.4.1)");
        }
        String name = values.get(0).asString();
        if (name == null) {
            name = Amf3Bridge.string(values.get(0));
        }
        if (name == null) {
            throw new RtmpProtocolException("script data name is not a string but "
                    + values.get(0).getClass().getSimpleName() + " (flv-10.1.txt E.4.4.1)");
        }
        return new ScriptTag(name, values.subList(1, values.size()));
    }

    /**
     * The AMF0 body: the name, then the arguments (a script data tag, or an RTMP type 18 message).
     *
     * @return the AMF0 body
     */
    public byte[] encode() {
        List<Amf0Value> values = new ArrayList<>(arguments.size() + 1);
        values.add(Amf0String.of(name));
        values.addAll(arguments);
        return Amf0.encode(values);
    }

    /**
     * Whether this is the RTMP {@code @setDataFrame} wrapper.
     *
     * @return true for {@code @setDataFrame}
     */
    public boolean isSetDataFrame() {
        return name.equals(SET_DATA_FRAME);
    }

    /**
     * The wrapped data frame if this is {@code @setDataFrame, name, args...} (its first argument a
     * string), else this tag: {@code "@setDataFrame", "onMetaData", {...}} becomes {@code "onMetaData", {...}}.
     *
     * @return the wrapped tag, or this tag
     */
    public ScriptTag unwrapSetDataFrame() {
        if (!isSetDataFrame() || arguments.isEmpty()) {
            return this;
        }
        String inner = arguments.get(0).asString();
        if (inner == null) {
            inner = Amf3Bridge.string(arguments.get(0));
        }
        return inner == null ? this : new ScriptTag(inner, arguments.subList(1, arguments.size()));
    }

    /**
     * This tag inside an {@code @setDataFrame} wrapper, as a publisher sends metadata.
     *
     * @return the wrapped tag
     */
    public ScriptTag wrapSetDataFrame() {
        List<Amf0Value> args = new ArrayList<>(arguments.size() + 1);
        args.add(Amf0String.of(name));
        args.addAll(arguments);
        return new ScriptTag(SET_DATA_FRAME, args);
    }

    /**
     * The same values with every AMF3 value (after an AVM+ switch, as type 15 data may carry)
     * converted to AMF0 ({@link Amf3#toAmf0}): what an FLV file's script data tag holds (E.4.4.2).
     *
     * @return the tag in AMF0 only
     */
    public ScriptTag toAmf0() {
        boolean any = arguments.stream().anyMatch(a -> a instanceof Amf0Avmplus);
        if (!any) {
            return this;
        }
        List<Amf0Value> args = new ArrayList<>(arguments.size());
        for (Amf0Value a : arguments) {
            args.add(a instanceof Amf0Avmplus p ? Amf3.toAmf0(p.value()) : a);
        }
        return new ScriptTag(name, args);
    }

    /**
     * The form an FLV file holds: {@code @setDataFrame} removed, AMF3 values converted to AMF0, and
     * the properties of {@code onMetaData} as an ECMA array (E.4.4.1: "SCRIPTDATAVALUE.Type = 8";
     * nginx-rtmp sends an object, which {@code flvmeta --check} rejects). A recorder writes
     * {@code FlvTag.script(ts, ScriptTag.decode(typeId, payload).forFile().encode())}.
     *
     * @return the tag as a file holds it
     */
    public ScriptTag forFile() {
        ScriptTag t = unwrapSetDataFrame().toAmf0();
        if (t.name.equals(ON_META_DATA) && !t.arguments.isEmpty()
                && t.arguments.get(0) instanceof Amf0Properties p && !(p instanceof Amf0EcmaArray)) {
            List<Amf0Value> args = new ArrayList<>(t.arguments);
            args.set(0, Amf0EcmaArray.of(p.properties()));
            return new ScriptTag(t.name, args);
        }
        return t;
    }

    /**
     * Whether this is {@code onMetaData}, directly or inside {@code @setDataFrame}.
     *
     * @return true for metadata
     */
    public boolean isOnMetaData() {
        return unwrapSetDataFrame().name.equals(ON_META_DATA);
    }

    /**
     * The metadata properties: the first argument of {@code onMetaData} (directly or inside
     * {@code @setDataFrame}) when it is an ECMA array or an object.
     *
     * @return the metadata properties, or empty
     */
    public Optional<Amf0Properties> metaData() {
        ScriptTag t = unwrapSetDataFrame();
        if (!t.name.equals(ON_META_DATA) || t.arguments.isEmpty()) {
            return Optional.empty();
        }
        return t.arguments.get(0) instanceof Amf0Properties p ? Optional.of(p) : Optional.empty();
    }
}
