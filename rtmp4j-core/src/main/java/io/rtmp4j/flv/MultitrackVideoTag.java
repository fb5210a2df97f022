package io.rtmp4j.flv;

import java.util.List;
import java.util.Objects;

/**
 * An enhanced video tag in multitrack mode (enhanced-rtmp-v2.md "Enhanced Video", packet type
 * Multitrack = 6; "Multitrack Streaming via Enhanced RTMP").
 *
 * <p>Wire form: {@code IsExHeader 1 | FrameType UB[3] | 6} (or ModEx chain ending in 6), then
 * {@code AvMultitrackType UB[4] | PacketType UB[4]}, then the shared {@code FOURCC} unless
 * ManyTracksManyCodecs, then per track: [{@code FOURCC} in ManyTracksManyCodecs], {@code trackId UI8},
 * [{@code size UI24} unless OneTrack], the track body (SI24 composition time for CodedFrames of
 * avc1/hvc1/vvc1, then data). A OneTrack body runs to the end of the message.
 *
 * <p>Example, FFmpeg 8's form for a second video track: {@code 96 01 61 76 30 31 01}
 * + OBUs is a key frame, OneTrack CodedFrames, {@code av01}, track 1.
 *
 * @param frameType      frame type shared by all tracks; not COMMAND (that byte would read as a command frame)
 * @param modEx          the ModEx chain in wire order, empty if none
 * @param multitrackType OneTrack, ManyTracks or ManyTracksManyCodecs
 * @param packetType     the packet type of every track; never Multitrack (an error on the wire) or ModEx
 * @param tracks         the tracks in wire order: exactly one for OneTrack, at least one otherwise, all
 *                       with the same FourCC unless ManyTracksManyCodecs
 */
public record MultitrackVideoTag(VideoFrameType frameType, List<ModEx> modEx, AvMultitrackType multitrackType,
                                 VideoPacketType packetType, List<VideoTrack> tracks) implements VideoTag {

    /**
     * Checks a Multitrack body (enhanced-rtmp-v2 "Multitrack"): types present, the frame type is not a
     * command ({@link VideoCommandTag}), the inner packet type is neither Multitrack nor ModEx, at least
     * one track, exactly one for OneTrack, one FourCC for all tracks unless the type allows many codecs,
     * composition times only where the codec carries them, and each track body within UI24; copies both
     * lists.
     *
     * @param frameType frame type shared by all tracks
     * @param modEx the ModEx chain in wire order, empty if none
     * @param multitrackType OneTrack, ManyTracks or ManyTracksManyCodecs
     * @param packetType the packet type of every track
     * @param tracks the tracks in wire order: exactly one for OneTrack, at least one otherwise, all with
     *     the same FourCC unless ManyTracksManyCodecs
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public MultitrackVideoTag {
        Objects.requireNonNull(frameType, "frameType");
        Objects.requireNonNull(multitrackType, "multitrackType");
        Objects.requireNonNull(packetType, "packetType");
        modEx = List.copyOf(modEx);
        tracks = List.copyOf(tracks);
        if (packetType == VideoPacketType.MULTITRACK || packetType == VideoPacketType.MOD_EX) {
            throw new IllegalArgumentException("packet type inside Multitrack cannot be " + packetType);
        }
        if (frameType == VideoFrameType.COMMAND) {
            // enhanced-rtmp-v2.md: a command frame type with packet type Multitrack is a command frame
            throw new IllegalArgumentException("frame type COMMAND with Multitrack is a VideoCommandTag");
        }
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("a Multitrack tag needs at least one track");
        }
        if (multitrackType == AvMultitrackType.ONE_TRACK && tracks.size() != 1) {
            throw new IllegalArgumentException("OneTrack carries exactly one track, not " + tracks.size());
        }
        for (VideoTrack t : tracks) {
            if (multitrackType != AvMultitrackType.MANY_TRACKS_MANY_CODECS && t.fourCc() != tracks.get(0).fourCc()) {
                throw new IllegalArgumentException(multitrackType.specName() + " tracks share one FourCC");
            }
            VideoTagCodec.checkCompositionTime(packetType, t.fourCc(), t.compositionTime());
            if (t.bodySize(packetType) > 0xFFFFFF) {
                throw new IllegalArgumentException("track body exceeds UI24 size");
            }
        }
    }

    /**
     * The FourCC shared by all tracks, or null for ManyTracksManyCodecs.
     *
     * @return the shared FourCC, or null
     */
    public VideoFourCc sharedFourCc() {
        return multitrackType == AvMultitrackType.MANY_TRACKS_MANY_CODECS ? null : tracks.get(0).fourCc();
    }

    @Override
    public boolean enhanced() {
        return true;
    }

    @Override
    public boolean isKeyframe() {
        return VideoTagCodec.isKeyFrameType(frameType) && VideoTagCodec.isCoded(packetType);
    }

    @Override
    public boolean isSequenceHeader() {
        return VideoTagCodec.isSequenceStart(packetType);
    }

    @Override
    public byte[] toBytes() {
        TagBodyWriter w = new TagBodyWriter(64);
        VideoTagCodec.writeExHeader(w, frameType, modEx, VideoPacketType.MULTITRACK.value());
        w.u8(multitrackType.value() << 4 | packetType.value());
        boolean manyCodecs = multitrackType == AvMultitrackType.MANY_TRACKS_MANY_CODECS;
        if (!manyCodecs) {
            w.u32(tracks.get(0).fourCc().code());
        }
        for (VideoTrack t : tracks) {
            if (manyCodecs) {
                w.u32(t.fourCc().code());
            }
            w.u8(t.trackId());
            if (multitrackType != AvMultitrackType.ONE_TRACK) {
                w.u24(t.bodySize(packetType));
            }
            if (packetType == VideoPacketType.CODED_FRAMES && t.fourCc().hasCompositionTime()) {
                w.u24(t.compositionTime());
            }
            w.bytes(t.data());
        }
        return w.toByteArray();
    }
}
