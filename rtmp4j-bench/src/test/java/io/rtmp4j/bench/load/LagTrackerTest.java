package io.rtmp4j.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LagTrackerTest {

    private static final long MS = 1000;

    @Test
    void realTimeStreamHasNoLag() {
        LagTracker t = new LagTracker();
        // a frame every 33 ms arriving exactly on time, 5 s after the stream's timestamp 0
        for (int i = 0; i < 100; i++) {
            assertThat(t.onMedia(5_000 * MS + i * 33 * MS, i * 33L)).isZero();
        }
        assertThat(t.lagNowUs(5_000 * MS + 99 * 33 * MS)).isZero();
        assertThat(t.takeWindowMaxLagUs()).isZero();
    }

    @Test
    void lateMessageLagsByItsDelay() {
        LagTracker t = new LagTracker();
        t.onMedia(1_000 * MS, 0);
        t.onMedia(1_033 * MS, 33);
        // the frame of media time 66 ms arrives 250 ms late
        assertThat(t.onMedia(1_316 * MS, 66)).isEqualTo(250 * MS);
        assertThat(t.takeWindowMaxLagUs()).isEqualTo(250 * MS);
        assertThat(t.takeWindowMaxLagUs()).as("a new window starts").isZero();
    }

    @Test
    void stalledPlayerLagKeepsGrowing() {
        LagTracker t = new LagTracker();
        t.onMedia(1_000 * MS, 100);
        t.onMedia(1_100 * MS, 200);
        // nothing after media time 200: at wall 3 100 ms it is 2 s behind
        assertThat(t.lagNowUs(3_100 * MS)).isEqualTo(2_000 * MS);
    }

    @Test
    void gopBurstAtJoinDoesNotHideLaterLag() {
        LagTracker t = new LagTracker();
        // a late joiner receives the cached GOP (media 10 000..11 500 ms) at once at wall 50 000 ms
        for (long ts = 10_000; ts <= 11_500; ts += 500) {
            t.onMedia(50_000 * MS, ts);
        }
        // then the live edge: media 12 000 at wall 50 000, then on time: no lag
        assertThat(t.onMedia(50_000 * MS, 12_000)).isZero();
        assertThat(t.onMedia(50_500 * MS, 12_500)).isZero();
        assertThat(t.lagNowUs(50_500 * MS)).isZero();
        // a frame 300 ms late now shows 300 ms; with the first frame as reference (offset 40 000 ms)
        // it would have shown 300 - 2 000 ms, i.e. nothing
        assertThat(t.onMedia(51_300 * MS, 13_000)).isEqualTo(300 * MS);
    }

    @Test
    void timestampsWrapAround() {
        LagTracker t = new LagTracker();
        long nearEnd = 0xFFFF_FFFFL - 10;
        t.onMedia(1_000 * MS, nearEnd);
        // 33 ms later the 32-bit timestamp has wrapped to 22 (rtmp-1.0.txt §5.3.1: modulo 2^32)
        assertThat(t.onMedia(1_033 * MS, 22)).isZero();
        assertThat(t.newestTimestampUs()).isEqualTo((nearEnd + 33) * MS);
    }

    @Test
    void audioSlightlyBehindVideoDoesNotMoveTheNewestTimestampBack() {
        LagTracker t = new LagTracker();
        t.onMedia(1_000 * MS, 1_000); // video
        t.onMedia(1_000 * MS, 990);   // audio, 10 ms earlier media time, same arrival
        assertThat(t.newestTimestampUs()).isEqualTo(1_000 * MS);
        assertThat(t.lagNowUs(1_000 * MS)).isZero();
    }

    @Test
    void noLagBeforeMedia() {
        LagTracker t = new LagTracker();
        assertThat(t.started()).isFalse();
        assertThat(t.lagNowUs(123_456)).isZero();
    }
}
