package io.rtmp4j.flv;

import java.util.List;
import java.util.Objects;

/**
 * An enhanced audio tag in multitrack mode (enhanced-rtmp-v2.md "Enhanced Audio", packet type
 * Multitrack = 5; "Multitrack Streaming via Enhanced RTMP").
 *
 * <p>Wire form: {@code 9 | 5} (or a ModEx chain ending in 5), then {@code AvMultitrackType UB[4] |
 * AudioPacketType UB[4]}, then the shared {@code FOURCC} unless ManyTracksManyCodecs, then per track:
 * [{@code FOURCC} in ManyTracksManyCodecs], {@code trackId UI8}, [{@code size UI24} unless OneTrack],
 * the track body. A OneTrack body runs to the end of the message.
 *
 * <p>Example, FFmpeg 8's form for a second audio track: {@code 95 01 4F 70 75 73 01} + packet is
 * OneTrack, CodedFrames, {@code Opus}, track 1.
 *
 * @param modEx          the ModEx chain in wire order, empty if none
 * @param multitrackType OneTrack, ManyTracks or ManyTracksManyCodecs
 * @param packetType     the packet type of every track; never Multitrack (an error on the wire) or ModEx
 * @param tracks         the tracks in wire order: exactly one for OneTrack, at least one otherwise, all
 *                       with the same FourCC unless ManyTracksManyCodecs
 */
public record MultitrackAudioTag(List<ModEx> modEx, AvMultitrackType multitrackType, AudioPacketType packetType,
                                 List<AudioTrack> tracks) implements AudioTag {

    /**
     * Checks a Multitrack body (enhanced-rtmp-v2 "Multitrack"): types present, the inner packet type is
     * neither Multitrack nor ModEx, at least one track, exactly one for OneTrack, one FourCC for all
     * tracks unless the type allows many codecs, and each track body within UI24; copies both lists.
     *
     * @param modEx the ModEx chain in wire order, empty if none
     * @param multitrackType OneTrack, ManyTracks or ManyTracksManyCodecs
     * @param packetType the packet type of every track
     * @param tracks the tracks in wire order: exactly one for OneTrack, at least one otherwise, all with
     *     the same FourCC unless ManyTracksManyCodecs
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public MultitrackAudioTag {
        Objects.requireNonNull(multitrackType, "multitrackType");
        Objects.requireNonNull(packetType, "packetType");
        modEx = List.copyOf(modEx);
        tracks = List.copyOf(tracks);
        if (packetType == AudioPacketType.MULTITRACK || packetType == AudioPacketType.MOD_EX) {
            throw new IllegalArgumentException("packet type inside Multitrack cannot be " + packetType);
        }
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("a Multitrack tag needs at least one track");
        }
        if (multitrackType == AvMultitrackType.ONE_TRACK && tracks.size() != 1) {
            throw new IllegalArgumentException("OneTrack carries exactly one track, not " + tracks.size());
        }
        for (AudioTrack t : tracks) {
            if (multitrackType != AvMultitrackType.MANY_TRACKS_MANY_CODECS && t.fourCc() != tracks.get(0).fourCc()) {
                throw new IllegalArgumentException(multitrackType.specName() + " tracks share one FourCC");
            }
            if (t.data().length > 0xFFFFFF) {
                throw new IllegalArgumentException("track body exceeds UI24 size");
            }
        }
    }

    /**
     * The FourCC shared by all tracks, or null for ManyTracksManyCodecs.
     *
     * @return the shared FourCC, or null
     */
    public AudioFourCc sharedFourCc() {
        return multitrackType == AvMultitrackType.MANY_TRACKS_MANY_CODECS ? null : tracks.get(0).fourCc();
    }

    @Override
    public boolean enhanced() {
        return true;
    }

    @Override
    public boolean isSequenceHeader() {
        return packetType == AudioPacketType.SEQUENCE_START;
    }

    @Override
    public byte[] toBytes() {
        TagBodyWriter w = new TagBodyWriter(64);
        AudioTagCodec.writeExHeader(w, modEx, AudioPacketType.MULTITRACK.value());
        w.u8(multitrackType.value() << 4 | packetType.value());
        boolean manyCodecs = multitrackType == AvMultitrackType.MANY_TRACKS_MANY_CODECS;
        if (!manyCodecs) {
            w.u32(tracks.get(0).fourCc().code());
        }
        for (AudioTrack t : tracks) {
            if (manyCodecs) {
                w.u32(t.fourCc().code());
            }
            w.u8(t.trackId());
            if (multitrackType != AvMultitrackType.ONE_TRACK) {
                w.u24(t.data().length);
            }
            w.bytes(t.data());
        }
        return w.toByteArray();
    }
}
