package io.mallpay.tools.replay;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Durations of one step, in microseconds, summarised as count, p50/p95/p99 and max in
 * milliseconds. Percentiles use the nearest-rank method: the smallest sample with at least p %
 * of the samples at or below it.
 */
public final class Latencies {

    private long[] micros = new long[256];
    private int size;

    public synchronized void addNanos(long nanos) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = nanos / 1000;
    }

    public synchronized int count() {
        return size;
    }

    /** Nearest-rank percentile of ascending {@code sorted} (0 &lt; p ≤ 100); null when empty. */
    public static Long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, Math.min(rank, sorted.length)) - 1];
    }

    /** {@code {count, p50, p95, p99, max}}, times in ms with 0.1 ms resolution. */
    public synchronized Map<String, Object> summary() {
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", size);
        m.put("p50", ms(percentile(sorted, 50)));
        m.put("p95", ms(percentile(sorted, 95)));
        m.put("p99", ms(percentile(sorted, 99)));
        m.put("max", ms(percentile(sorted, 100)));
        return m;
    }

    private static Double ms(Long micros) {
        return micros == null ? null : Math.round(micros / 100.0) / 10.0;
    }
}
