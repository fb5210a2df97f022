package io.rtmp4j.flv;

import java.util.List;
import java.util.OptionalInt;

/**
 * The body of an FLV audio tag, which is also the payload of an RTMP audio message (type 8): legacy
 * (flv-10.1.txt Annex E.4.2) or enhanced (enhanced-rtmp-v2.md "Enhanced Audio", SoundFormat 9).
 *
 * <p>{@link #parse} turns a body into one of these immutable values; {@link #toBytes} turns a value
 * back into exactly the bytes it was parsed from. Malformed or truncated bodies, reserved sound
 * formats and packet types and unknown FourCCs are reported as
 * {@link io.rtmp4j.RtmpProtocolException}, never as another exception.
 *
 * <ul>
 *   <li>{@link AudioSilence}: an empty body, the "audio silence" message (not an error).</li>
 *   <li>{@link LegacyAudioTag}: sound format, rate, size, type; for AAC the AACPacketType.</li>
 *   <li>{@link ExAudioTag}: enhanced, one FourCC, SequenceStart, CodedFrames, SequenceEnd or
 *       MultichannelConfig, with an optional {@link ModEx} chain.</li>
 *   <li>{@link MultitrackAudioTag}: enhanced Multitrack (OneTrack, ManyTracks, ManyTracksManyCodecs).</li>
 *   <li>{@link ReservedMultitrackAudioTag}: a Multitrack of a reserved type (3..15), kept verbatim.</li>
 * </ul>
 *
 * <p>Example: {@code AudioTag.parse(new byte[] {(byte) 0xAF, 0x00, 0x12, 0x10})} is a legacy AAC
 * sequence header ({@code LegacyAudioTag[AAC, 44 kHz, 16 bit, stereo, SEQUENCE_START, data=12 10]}).
 */
public sealed interface AudioTag
        permits AudioSilence, LegacyAudioTag, ExAudioTag, MultitrackAudioTag, ReservedMultitrackAudioTag {

    /**
     * Parses a complete audio tag body (an empty one is {@link AudioSilence}).
     *
     * @param body the audio tag body (an RTMP audio message payload)
     * @return the parsed tag
     * @throws io.rtmp4j.RtmpProtocolException for bad input
     */
    static AudioTag parse(byte[] body) {
        return AudioTagCodec.parse(body);
    }

    /**
     * The body bytes of this tag (identical to the parsed bytes for a parsed tag).
     *
     * @return the body bytes
     */
    byte[] toBytes();

    /**
     * True if SoundFormat is 9 (ExHeader).
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
     * True if this tag is a decoder configuration: legacy AAC sequence header or enhanced
     * SequenceStart (for a Multitrack tag, for every track in it).
     *
     * @return true for decoder configuration
     */
    boolean isSequenceHeader();

    /**
     * The codec of this tag: its {@link SoundFormat} (legacy, flv-10.1.txt E.4.2.1) or {@link AudioFourCc}
     * (enhanced-rtmp-v2); for a multitrack tag, the first track's.
     *
     * @return the codec, or null where the tag names none: silence (a zero-length body) or a reserved
     *     multitrack type
     */
    default FlvCodec codec() {
        if (this instanceof LegacyAudioTag t) {
            return t.format();
        } else if (this instanceof ExAudioTag t) {
            return t.fourCc();
        } else if (this instanceof MultitrackAudioTag t) {
            return t.tracks().get(0).fourCc();
        }
        return null;
    }

    /**
     * {@link #isSequenceHeader()} from the header bytes only.
     *
     * @param body the audio tag body (an RTMP audio message payload)
     * @return true for decoder configuration
     * @throws io.rtmp4j.RtmpProtocolException if they are malformed
     */
    static boolean isSequenceHeader(byte[] body) {
        return AudioTagCodec.peekSequenceHeader(body);
    }

    /**
     * The codec from the header bytes only: a {@link SoundFormat} for legacy tags, an
     * {@link AudioFourCc} for enhanced ones (the first track's for ManyTracksManyCodecs), or null for
     * silence and reserved multitrack types.
     *
     * @param body the audio tag body (an RTMP audio message payload)
     * @return the codec, or null
     */
    static FlvCodec codec(byte[] body) {
        return AudioTagCodec.peekCodec(body);
    }

    /**
     * The track ids the body carries, walking only the multitrack headers: {@code {0}} for
     * non-multitrack tags and silence, the ids in wire order for Multitrack tags, and an empty array
     * for reserved multitrack types.
     *
     * @param body the audio tag body (an RTMP audio message payload)
     * @return the track ids
     */
    static int[] trackIds(byte[] body) {
        return AudioTagCodec.peekTrackIds(body);
    }
}
