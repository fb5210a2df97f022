package io.rtmp4j.bench.load;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a set of values (the value at rank ⌈p·n⌉ of the sorted values), as
 * the report prints them.
 */
record Percentiles(int count, long p50, long p99, long max) {

    /** Percentiles of {@code values[0..n)}; the array is sorted in place. All zero when {@code n == 0}. */
    static Percentiles of(long[] values, int n) {
        if (n == 0) {
            return new Percentiles(0, 0, 0, 0);
        }
        Arrays.sort(values, 0, n);
        return new Percentiles(n, rank(values, n, 0.50), rank(values, n, 0.99), values[n - 1]);
    }

    /** The nearest-rank {@code p} percentile of sorted {@code values[0..n)}. */
    static long rank(long[] sorted, int n, double p) {
        int r = (int) Math.ceil(p * n);
        return sorted[Math.max(0, Math.min(n, r) - 1)];
    }

    /** "p50 12.3 / p99 45.6 / max 78.9 ms" from values in µs. */
    String formatMillis() {
        if (count == 0) {
            return "n/a";
        }
        return String.format("p50 %.1f / p99 %.1f / max %.1f ms", p50 / 1000.0, p99 / 1000.0, max / 1000.0);
    }
}
