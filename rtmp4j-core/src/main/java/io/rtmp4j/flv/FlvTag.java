package io.rtmp4j.flv;

import java.util.Arrays;
import java.util.Objects;

/**
 * One FLV tag as a file (or an RTMP audio, video or data message) carries it: its type, its
 * timestamp, its stream id and its body bytes, not yet interpreted (flv-10.1.txt Annex E.4.1).
 *
 * <p>The body of an audio tag (type {@value #TYPE_AUDIO}) is an AUDIODATA (E.4.2), of a video tag
 * (type {@value #TYPE_VIDEO}) a VIDEODATA (E.4.3), of a script data tag (type {@value #TYPE_SCRIPT})
 * a SCRIPTDATA (E.4.4, see {@code ScriptTag}). Other tag types are kept opaquely. Encrypted tags
 * (Filter = 1) are not represented: {@link FlvReader} refuses them.
 *
 * <p>The body array is owned by the tag and must not be modified once the tag exists (it is not
 * copied, so a server can share one published payload); {@link #equals} compares it by content.
 *
 * <p>Example: a video tag from an RTMP video message: {@code FlvTag.video(message.timestamp(), message.payload())}.
 *
 * @param tagType   TagType, 0..31
 * @param timestamp milliseconds, an unsigned 32-bit value (Timestamp + TimestampExtended)
 * @param streamId  StreamID, an unsigned 24-bit value; 0 in files ("always 0")
 * @param body      the tag's data, at most {@value #MAX_DATA_SIZE} bytes
 */
public record FlvTag(int tagType, long timestamp, int streamId, byte[] body) {

    /** TagType of an audio tag (E.4.1). */
    public static final int TYPE_AUDIO = 8;
    /** TagType of a video tag (E.4.1). */
    public static final int TYPE_VIDEO = 9;
    /** TagType of a script data tag (E.4.1). */
    public static final int TYPE_SCRIPT = 18;
    /** Largest body a tag can carry: DataSize is a UI24 (E.4.1). */
    public static final int MAX_DATA_SIZE = 0xFF_FFFF;
    /** Largest timestamp: 24 bits plus the 8-bit TimestampExtended (E.4.1). */
    public static final long MAX_TIMESTAMP = 0xFFFF_FFFFL;

    /**
     * Checks the fields against their sizes in the tag header (flv-10.1.txt E.4.1): tag type 0..31,
     * timestamp 32 bits (with the extended byte), stream id 24 bits, body at most the UI24 DataSize. The
     * body is required and kept as given.
     *
     * @param tagType TagType, 0..31
     * @param timestamp milliseconds, an unsigned 32-bit value (Timestamp + TimestampExtended)
     * @param streamId StreamID, an unsigned 24-bit value
     * @param body the tag's data, at most {@value #MAX_DATA_SIZE} bytes
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public FlvTag {
        Objects.requireNonNull(body, "body");
        if (tagType < 0 || tagType > 0x1F) {
            throw new IllegalArgumentException("tagType out of range 0..31: " + tagType);
        }
        if (timestamp < 0 || timestamp > MAX_TIMESTAMP) {
            throw new IllegalArgumentException("timestamp out of 32-bit range: " + timestamp);
        }
        if (streamId < 0 || streamId > 0xFF_FFFF) {
            throw new IllegalArgumentException("streamId out of 24-bit range: " + streamId);
        }
        if (body.length > MAX_DATA_SIZE) {
            throw new IllegalArgumentException("body of " + body.length + " bytes exceeds the UI24 DataSize ("
                    + MAX_DATA_SIZE + ")");
        }
    }

    /**
     * A tag of any type with stream id 0.
     *
     * @param tagType the tag type
     * @param timestamp the timestamp in ms
     * @param body the tag body
     * @return the tag
     */
    public static FlvTag of(int tagType, long timestamp, byte[] body) {
        return new FlvTag(tagType, timestamp, 0, body);
    }

    /**
     * An audio tag (type 8) with stream id 0.
     *
     * @param timestamp the timestamp in ms
     * @param body the audio tag body
     * @return the tag
     */
    public static FlvTag audio(long timestamp, byte[] body) {
        return of(TYPE_AUDIO, timestamp, body);
    }

    /**
     * A video tag (type 9) with stream id 0.
     *
     * @param timestamp the timestamp in ms
     * @param body the video tag body
     * @return the tag
     */
    public static FlvTag video(long timestamp, byte[] body) {
        return of(TYPE_VIDEO, timestamp, body);
    }

    /**
     * A script data tag (type 18) with stream id 0.
     *
     * @param timestamp the timestamp in ms
     * @param body the AMF0 script data
     * @return the tag
     */
    public static FlvTag script(long timestamp, byte[] body) {
        return of(TYPE_SCRIPT, timestamp, body);
    }

    /**
     * DataSize: the body length.
     *
     * @return the body length in bytes
     */
    public int dataSize() {
        return body.length;
    }

    /**
     * The tag's whole length, header included: {@code 11 + DataSize}, the PreviousTagSize that follows it (E.3).
     *
     * @return 11 plus the body length
     */
    public long tagSize() {
        return FlvTagHeader.LENGTH + (long) body.length;
    }

    /**
     * Whether this is an audio tag (TagType 8, flv-10.1.txt E.4.1).
     *
     * @return true for audio
     */
    public boolean isAudio() {
        return tagType == TYPE_AUDIO;
    }

    /**
     * Whether this is a video tag (TagType 9, flv-10.1.txt E.4.1).
     *
     * @return true for video
     */
    public boolean isVideo() {
        return tagType == TYPE_VIDEO;
    }

    /**
     * Whether this is a script data tag (TagType 18, flv-10.1.txt E.4.1), e.g. {@code onMetaData}.
     *
     * @return true for script data
     */
    public boolean isScript() {
        return tagType == TYPE_SCRIPT;
    }

    /**
     * The tag's header (Filter = 0).
     *
     * @return the header
     */
    public FlvTagHeader header() {
        return new FlvTagHeader(false, tagType, body.length, timestamp, streamId);
    }

    /**
     * The same tag at another timestamp (the body is shared, not copied).
     *
     * @param newTimestamp the timestamp in ms
     * @return the tag at that timestamp
     */
    public FlvTag withTimestamp(long newTimestamp) {
        return new FlvTag(tagType, newTimestamp, streamId, body);
    }

    /**
     * "audio", "video", "script" for the three defined tag types, else the number: the names
     * {@code rtmp4j inspect} prints.
     *
     * @param tagType a tag type
     * @return its name
     */
    public static String typeName(int tagType) {
        return switch (tagType) {
            case TYPE_AUDIO -> "audio";
            case TYPE_VIDEO -> "video";
            case TYPE_SCRIPT -> "script";
            default -> Integer.toString(tagType);
        };
    }

    /**
     * The tag's bytes as a file holds them: header and body, without the PreviousTagSize that follows.
     *
     * @return the header and body bytes
     */
    public byte[] encode() {
        byte[] b = new byte[FlvTagHeader.LENGTH + body.length];
        header().encodeInto(b, 0);
        System.arraycopy(body, 0, b, FlvTagHeader.LENGTH, body.length);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlvTag t
                && tagType == t.tagType
                && timestamp == t.timestamp
                && streamId == t.streamId
                && Arrays.equals(body, t.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tagType, timestamp, streamId, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "FlvTag[" + typeName(tagType) + ", ts=" + timestamp + ", streamId=" + streamId
                + ", size=" + body.length + "]";
    }
}
