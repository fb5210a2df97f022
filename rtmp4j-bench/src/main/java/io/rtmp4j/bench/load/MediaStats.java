package io.rtmp4j.bench.load;

/**
 * What one player received: media message and byte counts, the arrival of the first media message and
 * of the first video keyframe (and whether a video sequence header came before it), and its lag
 * ({@link LagTracker}).
 *
 * <p>Keyframes and sequence headers are recognised from the first byte(s) of a video body: legacy
 * (flv-10.1.txt E.4.3.1: FrameType in the high nibble, AVCPacketType 0 = sequence header) and
 * enhanced (enhanced-rtmp-v2.md: IsExHeader bit, FrameType in bits 4..6, VideoPacketType in the low
 * nibble, 0 = SequenceStart, 1/3 = coded frames). An aggregate message (type 22, rtmp-1.0.txt §7.1.6)
 * is walked tag by tag (FLV tag headers, E.4.1). Times are in µs of {@link Connection#nowUs()}.
 */
final class MediaStats {

    final LagTracker lag = new LagTracker();
    long mediaMessages;
    long mediaBytes;
    long dataMessages;
    long firstMediaUs = -1;
    long firstKeyframeUs = -1;
    long lastMediaUs = -1;
    boolean sequenceHeaderSeen;
    /** Whether a video sequence header arrived before the first keyframe. */
    boolean sequenceHeaderBeforeKeyframe;

    /** Records a media message of RTMP type 8, 9 or 22. */
    void onMedia(long nowUs, int type, long timestamp, byte[] payload) {
        mediaMessages++;
        mediaBytes += payload.length;
        if (firstMediaUs < 0) {
            firstMediaUs = nowUs;
        }
        lastMediaUs = nowUs;
        if (type == 9) {
            onVideo(nowUs, payload, 0, payload.length);
        } else if (type == 22) {
            walkAggregate(nowUs, payload);
        }
        lag.onMedia(nowUs, timestamp);
    }

    private void onVideo(long nowUs, byte[] b, int off, int len) {
        if (len < 2 || firstKeyframeUs >= 0) {
            return;
        }
        int b0 = b[off] & 0xFF;
        boolean enhanced = (b0 & 0x80) != 0;
        int frameType = enhanced ? (b0 >> 4) & 0x07 : b0 >> 4;
        boolean sequenceHeader;
        boolean coded;
        if (enhanced) {
            int packetType = b0 & 0x0F;
            sequenceHeader = packetType == 0;
            coded = packetType == 1 || packetType == 3;
        } else {
            boolean avcLike = (b0 & 0x0F) == 7; // AVC carries an AVCPacketType byte
            sequenceHeader = avcLike && b[off + 1] == 0;
            coded = !avcLike || b[off + 1] == 1;
        }
        if (sequenceHeader) {
            sequenceHeaderSeen = true;
        } else if (coded && (frameType == 1 || frameType == 4)) {
            firstKeyframeUs = nowUs;
            sequenceHeaderBeforeKeyframe = sequenceHeaderSeen;
        }
    }

    private void walkAggregate(long nowUs, byte[] p) {
        int pos = 0;
        while (pos + 11 <= p.length) {
            int tagType = p[pos] & 0x1F;
            int size = ((p[pos + 1] & 0xFF) << 16) | ((p[pos + 2] & 0xFF) << 8) | (p[pos + 3] & 0xFF);
            int body = pos + 11;
            if (body + size > p.length) {
                return;
            }
            if (tagType == 9) {
                onVideo(nowUs, p, body, size);
            }
            pos = body + size + 4; // PreviousTagSize
        }
    }

    /** Whether media arrived within {@code windowUs} before {@code nowUs}. */
    boolean receiving(long nowUs, long windowUs) {
        return lastMediaUs >= 0 && nowUs - lastMediaUs <= windowUs;
    }
}
