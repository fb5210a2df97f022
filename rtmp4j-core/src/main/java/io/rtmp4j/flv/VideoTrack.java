package io.rtmp4j.flv;

import java.util.Arrays;
import java.util.Objects;

/**
 * One track of a {@link MultitrackVideoTag} (enhanced-rtmp-v2.md "ExVideoTagBody"): its id (UI8),
 * its codec (the shared FourCC, or its own in ManyTracksManyCodecs), the SI24 composition time for
 * CodedFrames of avc1/hvc1/vvc1, and its data. The UI24 track size on the wire is derived.
 *
 * @param trackId         0..255 (0 is the default track by convention)
 * @param fourCc          the track's codec
 * @param compositionTime composition time offset in ms (only for CodedFrames of avc1/hvc1/vvc1, else 0)
 * @param data            the track body after the composition time (owned by this value; do not modify)
 */
public record VideoTrack(int trackId, VideoFourCc fourCc, int compositionTime, byte[] data) {

    /**
     * Checks that the track id fits in one byte (enhanced-rtmp-v2 "Multitrack"), that FourCC and data are
     * present, and that the composition time fits in the SI24 field.
     *
     * @param trackId 0..255 (0 is the default track by convention)
     * @param fourCc the track's codec
     * @param compositionTime composition time offset in ms (only for CodedFrames of avc1/hvc1/vvc1, else 0)
     * @param data the track body after the composition time (owned by this value
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public VideoTrack {
        if (trackId < 0 || trackId > 255) {
            throw new IllegalArgumentException("trackId must be 0..255: " + trackId);
        }
        Objects.requireNonNull(fourCc, "fourCc");
        Objects.requireNonNull(data, "data");
        VideoTagCodec.checkSi24(compositionTime);
    }

    /**
     * Bytes of this track's body on the wire for {@code packetType} (what the UI24 size counts).
     *
     * @param packetType the packet type of the enclosing tag
     * @return the body size in bytes
     */
    public int bodySize(VideoPacketType packetType) {
        return (packetType == VideoPacketType.CODED_FRAMES && fourCc.hasCompositionTime() ? 3 : 0) + data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoTrack t && trackId == t.trackId && fourCc == t.fourCc
                && compositionTime == t.compositionTime && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trackId, fourCc, compositionTime) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "VideoTrack[" + trackId + ", " + fourCc.specName() + (compositionTime != 0 ? ", ct=" + compositionTime : "")
                + ", data=" + data.length + " bytes]";
    }
}
