package io.rtmp4j.message;

import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Data Message (types 18 AMF0 and 15 AMF3, rtmp-1.0.txt §7.1.2): metadata or user data as a list of
 * AMF values, usually a handler name followed by its arguments, e.g. {@code "@setDataFrame",
 * "onMetaData", {...}} from an encoder or {@code "onMetaData", {...}} to a player.
 *
 * <p>Type 15 bodies start with a format byte 0x00 and then continue in AMF0, switching to AMF3 per
 * value with the AVM+ marker 0x11 (docs/INTEROP.md "Commands"); the encoder writes the same form back.
 *
 * <p>Example: {@code DataMessage.of(streamId, 0, Amf0Value.of("onMetaData"), metadata)}.
 *
 * @param type            {@link MessageType#DATA_AMF0} (18) or {@link MessageType#DATA_AMF3} (15)
 * @param values          the values in order (an unmodifiable copy)
 * @param timestamp       absolute timestamp in milliseconds (unsigned 32-bit)
 * @param messageStreamId message stream id
 * @param chunkStreamId   chunk stream id (4 by default, as ffmpeg sends metadata)
 */
public record DataMessage(MessageType type, List<Amf0Value> values, long timestamp, int messageStreamId,
                          int chunkStreamId) implements RtmpMessage {

    /** Handler name an encoder puts before {@code onMetaData} to ask the server to keep it. */
    public static final String SET_DATA_FRAME = "@setDataFrame";
    /** Handler name of stream metadata. */
    public static final String ON_META_DATA = "onMetaData";
    /** Handler name of the sample-access permission a server sends to players (docs/INTEROP.md "Commands"). */
    public static final String RTMP_SAMPLE_ACCESS = "|RtmpSampleAccess";

    /**
     * Checks the values: the type must be a data type (18 or 15), and the timestamp must fit in 32
     * unsigned bits and the chunk stream id be 2..65599 (rtmp-1.0.txt §5.3.1.1). The values are copied
     * into an unmodifiable list.
     *
     * @param type {@link MessageType#DATA_AMF0} (18) or {@link MessageType#DATA_AMF3} (15)
     * @param values the values in order (an unmodifiable copy)
     * @param timestamp absolute timestamp in milliseconds (unsigned 32-bit)
     * @param messageStreamId message stream id
     * @param chunkStreamId chunk stream id (4 by default, as ffmpeg sends metadata)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public DataMessage {
        if (type != MessageType.DATA_AMF0 && type != MessageType.DATA_AMF3) {
            throw new IllegalArgumentException("not a data message type: " + type);
        }
        values = List.copyOf(values);
        Checks.header(timestamp, chunkStreamId);
    }

    /**
     * An AMF0 (type 18) data message on the default chunk stream (4).
     *
     * @param messageStreamId the message stream id
     * @param timestamp the timestamp in ms
     * @param values the values: handler name first
     * @return the data message
     */
    public static DataMessage of(int messageStreamId, long timestamp, Amf0Value... values) {
        return new DataMessage(MessageType.DATA_AMF0, List.of(values), timestamp, messageStreamId,
                MessageCodec.CSID_DATA);
    }

    /**
     * {@code onMetaData} with the given metadata, as a server sends it to players.
     *
     * @param messageStreamId the message stream id
     * @param metadata the metadata object or ECMA array
     * @return the data message
     */
    public static DataMessage onMetaData(int messageStreamId, Amf0Value metadata) {
        return of(messageStreamId, 0, Amf0Value.of(ON_META_DATA), metadata);
    }

    /**
     * {@code @setDataFrame onMetaData {...}}, as an encoder (OBS, ffmpeg) sends metadata after publish.
     *
     * @param messageStreamId the message stream id
     * @param metadata the metadata object or ECMA array
     * @return the data message
     */
    public static DataMessage setDataFrame(int messageStreamId, Amf0Value metadata) {
        return of(messageStreamId, 0, Amf0Value.of(SET_DATA_FRAME), Amf0Value.of(ON_META_DATA), metadata);
    }

    /**
     * {@code |RtmpSampleAccess false false}, sent to a player after {@code NetStream.Play.Start}
     * (docs/INTEROP.md "Commands": the play reply order); the two booleans allow audio / video sample access.
     *
     * @param messageStreamId the player's message stream id
     * @param audio whether audio sample access is allowed
     * @param video whether video sample access is allowed
     * @return the data message
     */
    public static DataMessage rtmpSampleAccess(int messageStreamId, boolean audio, boolean video) {
        return of(messageStreamId, 0, Amf0Value.of(RTMP_SAMPLE_ACCESS), Amf0Value.of(audio), Amf0Value.of(video));
    }

    @Override
    public int typeId() {
        return type.id();
    }

    /** The same message with another timestamp (covariant {@link RtmpMessage#withTimestamp}). */
    @Override
    public DataMessage withTimestamp(long timestamp) {
        return withHeader(timestamp, messageStreamId, chunkStreamId);
    }

    /**
     * The same message on another message stream, same chunk stream (covariant
     * {@link RtmpMessage#withMessageStreamId}); e.g. a published frame forwarded to a player's stream.
     */
    @Override
    public DataMessage withMessageStreamId(int messageStreamId) {
        return withHeader(timestamp, messageStreamId, chunkStreamId);
    }

    @Override
    public DataMessage withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
        return new DataMessage(type, values, timestamp, messageStreamId, chunkStreamId);
    }

    /**
     * The handler name: the first value if it is a string.
     *
     * @return the handler name, or empty
     */
    public Optional<String> name() {
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(AmfViews.scalar(values.get(0)).asString());
    }

    /**
     * Value {@code index} (AVM+ values bridged to AMF0), if present.
     *
     * @param index 0-based value position
     * @return the value, or empty
     */
    public Optional<Amf0Value> value(int index) {
        return index >= 0 && index < values.size() ? Optional.of(AmfViews.unwrap(values.get(index)))
                : Optional.empty();
    }

    /**
     * Value {@code index} if it is an object, typed object or ECMA array (e.g. the metadata).
     *
     * @param index 0-based value position
     * @return the properties, or empty
     */
    public Optional<Amf0Properties> properties(int index) {
        return index >= 0 && index < values.size() ? AmfViews.properties(values.get(index)) : Optional.empty();
    }

    /**
     * True if the first value is {@value #SET_DATA_FRAME}.
     *
     * @return true when it starts with {@code @setDataFrame}
     */
    public boolean isSetDataFrame() {
        return name().filter(SET_DATA_FRAME::equals).isPresent();
    }

    /**
     * This message without a leading {@value #SET_DATA_FRAME}, i.e. what a server stores and sends to
     * players ({@code onMetaData {...}}); this message itself when it has no such prefix.
     *
     * @return the message without the prefix
     */
    public DataMessage withoutSetDataFrame() {
        if (!isSetDataFrame()) {
            return this;
        }
        List<Amf0Value> rest = new ArrayList<>(values.subList(1, values.size()));
        return new DataMessage(type, rest, timestamp, messageStreamId, chunkStreamId);
    }

    /**
     * The same data labelled as another type (18 or 15).
     *
     * @param type {@link MessageType#DATA_AMF0} or {@link MessageType#DATA_AMF3}
     * @return the relabelled message
     */
    public DataMessage withType(MessageType type) {
        return new DataMessage(Objects.requireNonNull(type), values, timestamp, messageStreamId, chunkStreamId);
    }
}
