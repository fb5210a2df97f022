package io.rtmp4j.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundred() {
        long[] v = new long[100];
        for (int i = 0; i < 100; i++) {
            v[i] = 100 - i; // unsorted on purpose
        }
        Percentiles p = Percentiles.of(v, 100);
        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50()).isEqualTo(50);
        assertThat(p.p99()).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
    }

    @Test
    void onlyTheFirstNValuesCount() {
        long[] v = {7, 3, 1_000_000};
        Percentiles p = Percentiles.of(v, 2);
        assertThat(p.max()).isEqualTo(7);
        assertThat(p.p50()).isEqualTo(3);
        assertThat(p.p99()).isEqualTo(7);
    }

    @Test
    void smallSetsUseTheHighestValueForP99() {
        long[] v = {10, 20, 30};
        assertThat(Percentiles.of(v, 3).p99()).isEqualTo(30);
        assertThat(Percentiles.of(new long[] {5}, 1).p50()).isEqualTo(5);
    }

    @Test
    void emptyIsZeroAndPrintsNa() {
        Percentiles p = Percentiles.of(new long[0], 0);
        assertThat(p.count()).isZero();
        assertThat(p.formatMillis()).isEqualTo("n/a");
    }

    @Test
    void formatsMicrosAsMillis() {
        assertThat(new Percentiles(3, 1_500, 20_000, 123_400).formatMillis())
                .isEqualTo("p50 1.5 / p99 20.0 / max 123.4 ms");
    }
}
