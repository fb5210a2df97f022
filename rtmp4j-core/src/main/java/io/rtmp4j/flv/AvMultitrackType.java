package io.rtmp4j.flv;

import java.util.Optional;

/**
 * {@code AvMultitrackType} UB[4] of enhanced-rtmp-v2.md (shared by audio and video). Values 3..15
 * are reserved; tags that use them are kept verbatim ({@link ReservedMultitrackVideoTag},
 * {@link ReservedMultitrackAudioTag}) so a forwarding server preserves them.
 */
public enum AvMultitrackType {
    /** 0: one track; shared FourCC, track id, no track size. */
    ONE_TRACK(0, "OneTrack"),
    /** 1: several tracks of one codec; shared FourCC, then per track id + UI24 size. */
    MANY_TRACKS(1, "ManyTracks"),
    /** 2: several tracks, each with its own FourCC, id and UI24 size. */
    MANY_TRACKS_MANY_CODECS(2, "ManyTracksManyCodecs");

    private static final WireValues<AvMultitrackType> BY_VALUE =
            new WireValues<>(values(), AvMultitrackType::value, 16,
                    "multitrack type", "enhanced-rtmp-v2.md AvMultitrackType");

    private final int value;
    private final String specName;

    AvMultitrackType(int value, String specName) {
        this.value = value;
        this.specName = specName;
    }

    /**
     * The wire value.
     *
     * @return the wire value
     */
    public int value() {
        return value;
    }

    /**
     * OneTrack, ManyTracks or ManyTracksManyCodecs.
     *
     * @return the name as the spec writes it
     */
    public String specName() {
        return specName;
    }

    /**
     * Reverse lookup; empty for reserved values 3..15.
     *
     * @param value the wire value
     * @return the multitrack type, or empty
     */
    public static Optional<AvMultitrackType> fromValue(int value) {
        return BY_VALUE.find(value);
    }

    /** Like {@link #fromValue} without the Optional, for the tag header peeks: null for reserved values. */
    static AvMultitrackType get(int value) {
        return BY_VALUE.get(value);
    }
}
