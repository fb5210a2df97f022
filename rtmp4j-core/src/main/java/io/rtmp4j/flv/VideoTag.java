package io.rtmp4j.flv;

import java.util.List;
import java.util.OptionalInt;

/**
 * The body of an FLV video tag, which is also the payload of an RTMP video message (type 9): legacy
 * (flv-10.1.txt Annex E.4.3) or enhanced (enhanced-rtmp-v1.md, enhanced-rtmp-v2.md "Enhanced Video").
 *
 * <p>{@link #parse} turns a body into one of these immutable values; {@link #toBytes} turns a value
 * back into exactly the bytes it was parsed from. Malformed or truncated bodies, reserved frame
 * types, codec ids, packet types and unknown FourCCs are reported as
 * {@link io.rtmp4j.RtmpProtocolException}, never as another exception.
 *
 * <ul>
 *   <li>{@link LegacyVideoTag}: frame type + codec id; for AVC the AVCPacketType and SI24 composition time.</li>
 *   <li>{@link ExVideoTag}: enhanced, one FourCC, packet type SequenceStart, CodedFrames, SequenceEnd,
 *       CodedFramesX, Metadata or MPEG2TSSequenceStart, with an optional {@link ModEx} chain.</li>
 *   <li>{@link MultitrackVideoTag}: enhanced Multitrack (OneTrack, ManyTracks, ManyTracksManyCodecs).</li>
 *   <li>{@link ReservedMultitrackVideoTag}: a Multitrack of a reserved type (3..15), kept verbatim.</li>
 *   <li>{@link VideoCommandTag}: frame type 5 (StartSeek / EndSeek), legacy or enhanced.</li>
 * </ul>
 *
 * <p>Example: {@code VideoTag.parse(new byte[] {0x17, 0x00, 0, 0, 0, 0x01, ...})} is a legacy AVC
 * key frame sequence header ({@code LegacyVideoTag[KEY, AVC, SEQUENCE_START, ct=0, data=01...]}).
 *
 * <p>The static {@link #isKeyframe(byte[])}, {@link #isSequenceHeader(byte[])}, {@link #codec(byte[])}
 * and {@link #trackIds(byte[])} read only header bytes and copy no payload, for a server's hot path.
 */
public sealed interface VideoTag
        permits LegacyVideoTag, ExVideoTag, MultitrackVideoTag, ReservedMultitrackVideoTag, VideoCommandTag {

    /**
     * Parses a complete video tag body.
     *
     * @param body the video tag body (an RTMP video message payload)
     * @return the parsed tag
     * @throws io.rtmp4j.RtmpProtocolException for bad input
     */
    static VideoTag parse(byte[] body) {
        return VideoTagCodec.parse(body);
    }

    /**
     * The body bytes of this tag (identical to the parsed bytes for a parsed tag).
     *
     * @return the body bytes
     */
    byte[] toBytes();

    /**
     * The frame type (ignored by receivers for Metadata packets, but carried).
     *
     * @return the frame type
     */
    VideoFrameType frameType();

    /**
     * True if the IsExHeader bit is set (enhanced-rtmp-v2.md).
     *
     * @return true for the enhanced header
     */
    boolean enhanced();

    /**
     * The ModEx chain, in wire order; empty for legacy tags and tags without ModEx.
     *
     * @return the ModEx entries, possibly none
     */
    default List<ModEx> modEx() {
        return List.of();
    }

    /**
     * The TimestampOffsetNano of the ModEx chain (0..999 999 ns), if any.
     *
     * @return the offset in nanoseconds, or empty
     */
    default OptionalInt timestampOffsetNano() {
        return ModEx.timestampOffsetNano(modEx());
    }

    /**
     * True if this tag carries coded video that a decoder can start from: frame type key (1) or
     * generated key (4) on coded frames (legacy non-AVC data, AVC NALU, CodedFrames, CodedFramesX).
     * Sequence headers, metadata, sequence ends and commands are not keyframes.
     *
     * @return true for a keyframe
     */
    boolean isKeyframe();

    /**
     * True if this tag is a decoder configuration: legacy AVC sequence header, or enhanced
     * SequenceStart / MPEG2TSSequenceStart (for a Multitrack tag, for every track in it).
     *
     * @return true for decoder configuration
     */
    boolean isSequenceHeader();

    /**
     * The codec of this tag: its {@link VideoCodecId} (legacy, flv-10.1.txt E.4.3.1) or {@link VideoFourCc}
     * (enhanced-rtmp-v1/v2); for a multitrack tag, the first track's. The same as
     * {@link #codec(byte[])} on the body, without parsing it again.
     *
     * @return the codec, or null where the tag names none: a reserved multitrack type, or a legacy command
     *     frame whose codec id is unknown
     */
    default FlvCodec codec() {
        if (this instanceof LegacyVideoTag t) {
            return t.codecId();
        } else if (this instanceof ExVideoTag t) {
            return t.fourCc();
        } else if (this instanceof MultitrackVideoTag t) {
            return t.tracks().get(0).fourCc();
        } else if (this instanceof VideoCommandTag t && !t.enhanced()) {
            return VideoCodecId.fromValue(t.lowNibble()).orElse(null);
        }
        return null; // an enhanced command frame names no FourCC; reserved multitrack bodies are opaque
    }

    /**
     * {@link #isKeyframe()} from the header bytes only.
     *
     * @param body the video tag body (an RTMP video message payload)
     * @return true for a keyframe
     * @throws io.rtmp4j.RtmpProtocolException if they are malformed
     */
    static boolean isKeyframe(byte[] body) {
        return VideoTagCodec.peekKeyframe(body);
    }

    /**
     * {@link #isSequenceHeader()} from the header bytes only.
     *
     * @param body the video tag body (an RTMP video message payload)
     * @return true for decoder configuration
     * @throws io.rtmp4j.RtmpProtocolException if they are malformed
     */
    static boolean isSequenceHeader(byte[] body) {
        return VideoTagCodec.peekSequenceHeader(body);
    }

    /**
     * The codec from the header bytes only: a {@link VideoCodecId} for legacy tags, a
     * {@link VideoFourCc} for enhanced ones (the first track's for ManyTracksManyCodecs), or null for
     * command frames and reserved multitrack types, which name none.
     *
     * @param body the video tag body (an RTMP video message payload)
     * @return the codec, or null
     */
    static FlvCodec codec(byte[] body) {
        return VideoTagCodec.peekCodec(body);
    }

    /**
     * The track ids the body carries, walking only the multitrack headers: {@code {0}} for
     * non-multitrack tags (the default track), the ids in wire order for Multitrack tags, and an
     * empty array for reserved multitrack types.
     *
     * @param body the video tag body (an RTMP video message payload)
     * @return the track ids
     */
    static int[] trackIds(byte[] body) {
        return VideoTagCodec.peekTrackIds(body);
    }
}
