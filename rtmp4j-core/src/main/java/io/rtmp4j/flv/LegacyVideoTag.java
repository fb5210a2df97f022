package io.rtmp4j.flv;

import java.util.Arrays;
import java.util.Objects;

/**
 * A legacy video tag body, flv-10.1.txt Annex E.4.3.1: {@code FrameType UB[4] | CodecID UB[4]}, then
 * for AVC (codec id 7) {@code AVCPacketType UI8} and {@code CompositionTime SI24}, then the data.
 * The data of H.263, screen video, VP6 and screen video 2 is kept verbatim.
 *
 * <p>Example, an AVC NALU inter frame with composition time 40 ms: {@code 27 01 00 00 28} + NALUs
 * is {@code new LegacyVideoTag(INTER, AVC, CODED_FRAMES, 40, nalus)}.
 *
 * @param frameType       key, inter, disposable or generated (command frames are {@link VideoCommandTag})
 * @param codecId         the legacy codec
 * @param avcPacketType   for AVC: SEQUENCE_START (0, AVC sequence header), CODED_FRAMES (1, NALU) or
 *                        SEQUENCE_END (2); null for other codecs
 * @param compositionTime for AVC: the SI24 composition time offset in ms, kept as sent even when the
 *                        packet type is not NALU; 0 for other codecs
 * @param data            the rest of the body (owned by this value; do not modify)
 */
public record LegacyVideoTag(VideoFrameType frameType, VideoCodecId codecId, VideoPacketType avcPacketType,
                             int compositionTime, byte[] data) implements VideoTag {

    /**
     * Checks the legacy header (flv-10.1.txt E.4.3.1): frame type, codec and data are present, the frame
     * type is not a command ({@link VideoCommandTag}), and an AVCPacketType of 0..2 and an SI24
     * composition time exist only for AVC (where the packet type is required).
     *
     * @param frameType key, inter, disposable or generated (command frames are {@link VideoCommandTag})
     * @param codecId the legacy codec
     * @param avcPacketType for AVC: SEQUENCE_START (0, AVC sequence header), CODED_FRAMES (1, NALU) or
     *     SEQUENCE_END (2)
     * @param compositionTime for AVC: the SI24 composition time offset in ms, kept as sent even when the
     *     packet type is not NALU
     * @param data the rest of the body (owned by this value
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public LegacyVideoTag {
        Objects.requireNonNull(frameType, "frameType");
        Objects.requireNonNull(codecId, "codecId");
        Objects.requireNonNull(data, "data");
        if (frameType == VideoFrameType.COMMAND) {
            throw new IllegalArgumentException("command frames are VideoCommandTag");
        }
        if (codecId == VideoCodecId.AVC) {
            Objects.requireNonNull(avcPacketType, "avcPacketType is required for AVC");
            if (avcPacketType.value() > 2) {
                throw new IllegalArgumentException("AVCPacketType must be 0..2: " + avcPacketType);
            }
            VideoTagCodec.checkSi24(compositionTime);
        } else {
            if (avcPacketType != null) {
                throw new IllegalArgumentException("AVCPacketType only exists for AVC");
            }
            if (compositionTime != 0) {
                throw new IllegalArgumentException("composition time only exists for AVC");
            }
        }
    }

    /**
     * A non-AVC legacy tag (H.263, screen, VP6, VP6 alpha, screen 2).
     *
     * @param frameType the frame type
     * @param codecId the codec (not AVC)
     * @param data the video data
     * @return the tag
     */
    public static LegacyVideoTag of(VideoFrameType frameType, VideoCodecId codecId, byte[] data) {
        return new LegacyVideoTag(frameType, codecId, null, 0, data);
    }

    /**
     * A legacy AVC tag.
     *
     * @param frameType the frame type
     * @param avcPacketType sequence header, NALU or end of sequence
     * @param compositionTime the SI24 composition time offset in ms
     * @param data the AVC data
     * @return the tag
     */
    public static LegacyVideoTag avc(VideoFrameType frameType, VideoPacketType avcPacketType, int compositionTime,
                                     byte[] data) {
        return new LegacyVideoTag(frameType, VideoCodecId.AVC, avcPacketType, compositionTime, data);
    }

    @Override
    public boolean enhanced() {
        return false;
    }

    @Override
    public boolean isKeyframe() {
        return VideoTagCodec.isKeyFrameType(frameType)
                && (codecId != VideoCodecId.AVC || avcPacketType == VideoPacketType.CODED_FRAMES);
    }

    @Override
    public boolean isSequenceHeader() {
        return avcPacketType == VideoPacketType.SEQUENCE_START;
    }

    @Override
    public byte[] toBytes() {
        boolean avc = codecId == VideoCodecId.AVC;
        TagBodyWriter w = new TagBodyWriter(1 + (avc ? 4 : 0) + data.length);
        w.u8(frameType.value() << 4 | codecId.value());
        if (avc) {
            w.u8(avcPacketType.value()).u24(compositionTime);
        }
        return w.bytes(data).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LegacyVideoTag t && frameType == t.frameType && codecId == t.codecId
                && avcPacketType == t.avcPacketType && compositionTime == t.compositionTime
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(frameType, codecId, avcPacketType, compositionTime) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "LegacyVideoTag[" + frameType + ", " + codecId + (avcPacketType != null ? ", " + avcPacketType
                + ", ct=" + compositionTime : "") + ", data=" + data.length + " bytes]";
    }
}
