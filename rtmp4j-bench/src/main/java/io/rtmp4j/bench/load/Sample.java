package io.rtmp4j.bench.load;

/**
 * One connection's figures at one moment, taken on its I/O thread. Times in µs; -1 when the event has
 * not happened.
 */
record Sample(boolean publisher, Connection.State state, String failure, long bytesIn, long bytesOut,
              long mediaMessages, long mediaBytes, long timeToPlayStartUs, long timeToFirstMediaUs, long timeToKeyframeUs,
              boolean sequenceHeaderBeforeKeyframe, boolean receiving, long lagNowUs, long windowMaxLagUs) {

    /** Receiving = media arrived within this window (players), or sending on schedule (publishers). */
    static final long RECEIVING_WINDOW_US = 2_000_000;

    /** Takes a sample of {@code c}; for a player this also starts a new window for its maximum lag. */
    static Sample of(Connection c, long nowUs) {
        if (c instanceof PlayerConnection p) {
            MediaStats m = p.media;
            long ttfm = m.firstMediaUs >= 0 && p.playSentUs >= 0 ? m.firstMediaUs - p.playSentUs : -1;
            long ttfk = m.firstKeyframeUs >= 0 && p.playSentUs >= 0 ? m.firstKeyframeUs - p.playSentUs : -1;
            long ttps = p.playStartUs >= 0 && p.playSentUs >= 0 ? p.playStartUs - p.playSentUs : -1;
            return new Sample(false, p.state, p.failure, p.bytesIn, p.bytesOut, m.mediaMessages, m.mediaBytes,
                    ttps, ttfm, ttfk, m.sequenceHeaderBeforeKeyframe, !p.ended() && m.receiving(nowUs, RECEIVING_WINDOW_US),
                    m.lag.lagNowUs(nowUs), m.lag.takeWindowMaxLagUs());
        }
        PublisherConnection p = (PublisherConnection) c;
        long behind = p.behindUs(nowUs);
        return new Sample(true, p.state, p.failure, p.bytesIn, p.bytesOut, p.tagsSent, p.mediaBytesSent,
                -1, -1, -1, false, p.publishing() && behind < RECEIVING_WINDOW_US, behind, behind);
    }
}
