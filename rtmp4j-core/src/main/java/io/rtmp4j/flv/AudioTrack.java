package io.rtmp4j.flv;

import java.util.Arrays;
import java.util.Objects;

/**
 * One track of a {@link MultitrackAudioTag} (enhanced-rtmp-v2.md "ExAudioTagBody"): its id (UI8),
 * its codec (the shared FourCC, or its own in ManyTracksManyCodecs) and its data. The UI24 track size
 * on the wire is the data length.
 *
 * @param trackId 0..255 (0 is the default track by convention)
 * @param fourCc  the track's codec
 * @param data    the track body (owned by this value; do not modify)
 */
public record AudioTrack(int trackId, AudioFourCc fourCc, byte[] data) {

    /**
     * Checks that the track id fits in one byte (enhanced-rtmp-v2 "Multitrack") and that FourCC and data
     * are present.
     *
     * @param trackId 0..255 (0 is the default track by convention)
     * @param fourCc the track's codec
     * @param data the track body (owned by this value
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public AudioTrack {
        if (trackId < 0 || trackId > 255) {
            throw new IllegalArgumentException("trackId must be 0..255: " + trackId);
        }
        Objects.requireNonNull(fourCc, "fourCc");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioTrack t && trackId == t.trackId && fourCc == t.fourCc && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trackId, fourCc) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "AudioTrack[" + trackId + ", " + fourCc.specName() + ", data=" + data.length + " bytes]";
    }
}
