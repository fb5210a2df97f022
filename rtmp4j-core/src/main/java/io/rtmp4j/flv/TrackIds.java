package io.rtmp4j.flv;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The track-id walk of a Multitrack audio or video tag body (enhanced-rtmp-v2.md "Enhanced Audio" /
 * "Enhanced Video", Multitrack), shared by the header-only peeks of {@link AudioTagCodec} and
 * {@link VideoTagCodec}: reads each track id and skips its body without copying it.
 */
final class TrackIds {

    /** The field names a truncated body is reported with, per media kind. */
    record Fields(String trackFourCc, String trackId, String trackSize, String trackBody) {
    }

    static final Fields AUDIO = new Fields("track AudioFourCc", "audioTrackId", "sizeOfAudioTrack", "audio track body");
    static final Fields VIDEO = new Fields("track VideoFourCc", "videoTrackId", "sizeOfVideoTrack", "video track body");

    private TrackIds() {
    }

    /**
     * Reads the track ids of a Multitrack body.
     *
     * @param r             positioned at the first track's id (the shared FourCC, or the first track's
     *                      FourCC for ManyTracksManyCodecs, already read)
     * @param multitrack    the AvMultitrackType (not reserved)
     * @param fields        {@link #AUDIO} or {@link #VIDEO}
     * @param requireFourCc checks each further track's FourCC (ManyTracksManyCodecs); throws for an unknown one
     */
    static int[] read(TagBodyReader r, AvMultitrackType multitrack, Fields fields, IntConsumer requireFourCc) {
        boolean manyCodecs = multitrack == AvMultitrackType.MANY_TRACKS_MANY_CODECS;
        int[] ids = new int[4];
        int n = 0;
        boolean first = true;
        do {
            if (manyCodecs && !first) {
                requireFourCc.accept(r.u32(fields.trackFourCc()));
            }
            first = false;
            int id = r.u8(fields.trackId());
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
            }
            ids[n++] = id;
            if (multitrack == AvMultitrackType.ONE_TRACK) {
                break;
            }
            r.skip(r.u24(fields.trackSize()), fields.trackBody());
        } while (r.hasRemaining());
        return Arrays.copyOf(ids, n);
    }
}
