package io.mallpay.tools.bench;

import java.util.Arrays;

/**
 * Latency percentiles of one measured run, in milliseconds, and the throughput / ratio arithmetic
 * of the report. Percentiles use the nearest-rank method (the smallest sample with at least p %
 * of the samples at or below it), the same as {@code ./mall replay}.
 *
 * @param count samples (successful transactions)
 */
public record LatencyStats(int count, Double p50, Double p95, Double p99, Double max) {

    /** From durations in microseconds, in any order; all percentiles null when there are none. */
    public static LatencyStats ofMicros(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
                ms(percentile(sorted, 99)), ms(percentile(sorted, 100)));
    }

    /** Nearest-rank percentile of ascending {@code sorted} (0 &lt; p ≤ 100); null when empty. */
    static Long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, Math.min(rank, sorted.length)) - 1];
    }

    /** Transactions per second, one decimal; 0 when no time passed. */
    public static double throughput(long transactions, double seconds) {
        return seconds <= 0 ? 0 : Math.round(transactions / seconds * 10) / 10.0;
    }

    /** {@code numerator / denominator} with two decimals; null when either is missing or the denominator is 0. */
    public static Double ratio(Double numerator, Double denominator) {
        if (numerator == null || denominator == null || denominator == 0) {
            return null;
        }
        return Math.round(numerator / denominator * 100) / 100.0;
    }

    private static Double ms(Long micros) {
        return micros == null ? null : Math.round(micros / 100.0) / 10.0;
    }
}
