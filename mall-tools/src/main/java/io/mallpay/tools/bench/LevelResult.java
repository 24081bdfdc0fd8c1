package io.mallpay.tools.bench;

import java.util.Map;

/**
 * The figures of one measured run: a scenario, in one mode ({@code seata}, {@code baseline}, or
 * {@code sentinel-on} / {@code sentinel-off} for the runs of {@code --sentinel-pairs}),
 * at one concurrency. {@code throughput} is transactions per second; latencies are in ms;
 * {@code errors} counts failed requests by problem code; {@code cpuMsPerTx} is CPU milliseconds
 * per transaction by process (and {@code total}); {@code rssMb} the resident memory by process
 * (and {@code total}) at the end of the run; {@code extra} holds scenario-specific figures.
 */
public record LevelResult(String scenario, String mode, int concurrency, double seconds, long transactions,
                          double throughput, LatencyStats latency, Map<String, Long> errors,
                          Map<String, Double> cpuMsPerTx, Map<String, Double> rssMb, Map<String, Object> extra) {

    public static final String SEATA = "seata";
    public static final String BASELINE = "baseline";
    public static final String SENTINEL_ON = "sentinel-on";
    public static final String SENTINEL_OFF = "sentinel-off";

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
