package io.rtmp4j.media;

import io.rtmp4j.flv.FlvCodec;
import java.util.Arrays;
import java.util.Objects;

/**
 * One access unit (or configuration record) of one track on a nanosecond timeline: what a recorder,
 * relay or transcoder consumes. Made by {@link MediaPacketAdapter} from FLV tags / RTMP media messages.
 *
 * <p>Timing: {@code dts = timestamp ms × 1 000 000}; for video {@code pts = dts + compositionTime ms ×
 * 1 000 000 + TimestampOffsetNano}; for audio {@code pts = dts = timestamp ms × 1 000 000 +
 * TimestampOffsetNano} (enhanced-rtmp-v2.md ModEx TimestampOffsetNano; flv-10.1.txt E.4.3.1
 * CompositionTime).
 *
 * @param type      audio or video
 * @param trackId   0 for non-multitrack tags (the default track), else the multitrack track id
 * @param codec     the codec, or null if no tag of this track has named one yet (silence, command before any frame)
 * @param flvCodec  the codec as the FLV header named it (legacy id or FourCC), or null as for {@code codec}
 * @param kind      what the data is
 * @param dtsNanos  decode time in ns
 * @param ptsNanos  presentation time in ns
 * @param keyframe  video: frame type key / generated key on coded frames; audio: true for coded frames
 * @param data      the codec payload after the FLV headers (owned by this value; do not modify)
 */
public record MediaPacket(MediaType type, int trackId, MediaCodec codec, FlvCodec flvCodec, Kind kind,
                          long dtsNanos, long ptsNanos, boolean keyframe, byte[] data) {

    /** What a packet's data is. */
    public enum Kind {
        /** Decoder configuration: legacy AVC / AAC sequence header, SequenceStart, MPEG2TSSequenceStart. */
        SEQUENCE_HEADER,
        /** Coded frames. */
        CODED_FRAME,
        /** End of sequence (data normally empty). */
        SEQUENCE_END,
        /** Video Metadata (AMF0 {@code colorInfo}); data is the AMF0 body. */
        METADATA,
        /** Audio MultichannelConfig; data is its wire form. */
        MULTICHANNEL_CONFIG,
        /** Video command frame (StartSeek / EndSeek); data is the command byte. */
        COMMAND,
        /** Audio silence (a zero-length audio message); data is empty. */
        SILENCE
    }

    /**
     * Checks that media type, kind and data are present.
     *
     * @param type audio or video
     * @param trackId 0 for non-multitrack tags (the default track), else the multitrack track id
     * @param codec the codec, or null if no tag of this track has named one yet (silence, command before
     *     any frame)
     * @param flvCodec the codec as the FLV header named it (legacy id or FourCC), or null as for {@code
     *     codec}
     * @param kind what the data is
     * @param dtsNanos decode time in ns
     * @param ptsNanos presentation time in ns
     * @param keyframe video: frame type key / generated key on coded frames
     * @param data the codec payload after the FLV headers (owned by this value
     * @throws NullPointerException if a required value is null
     */
    public MediaPacket {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(data, "data");
    }

    /**
     * True for decoder configuration records.
     *
     * @return true if the packet is a decoder configuration record
     */
    public boolean isSequenceHeader() {
        return kind == Kind.SEQUENCE_HEADER;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaPacket p && type == p.type && trackId == p.trackId && codec == p.codec
                && Objects.equals(flvCodec, p.flvCodec) && kind == p.kind && dtsNanos == p.dtsNanos
                && ptsNanos == p.ptsNanos && keyframe == p.keyframe && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, trackId, codec, flvCodec, kind, dtsNanos, ptsNanos, keyframe) * 31
                + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "MediaPacket[" + type + " track " + trackId + ", " + codec + ", " + kind + ", dts=" + dtsNanos
                + ", pts=" + ptsNanos + (keyframe ? ", key" : "") + ", " + data.length + " bytes]";
    }
}
