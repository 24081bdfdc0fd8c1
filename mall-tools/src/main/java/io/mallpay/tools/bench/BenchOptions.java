package io.mallpay.tools.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Options of {@code ./mall bench}. {@code concurrency}: the closed-loop levels, each 1..256;
 * {@code seconds}: measured time per level (≥ 1); {@code warmup}: discarded load per scenario and
 * mode before its levels, in seconds (≥ 0), at the highest level; {@code baseline}: also measure
 * with Seata off; {@code sentinelPairs}: after the normal runs, this many pairs of runs per scenario
 * and level with Sentinel's global switch on and off (0: none; at most 10); {@code reportDir}: where
 * {@code <timestamp>.json} and {@code .html} go.
 */
public record BenchOptions(Path stackEnv, Path mallScript, List<String> scenarios, List<Integer> concurrency,
                           int seconds, int warmup, boolean baseline, int sentinelPairs, Path reportDir) {

    public static final List<Integer> DEFAULT_CONCURRENCY = List.of(8, 16, 32);
    public static final int DEFAULT_SECONDS = 30;
    public static final int DEFAULT_WARMUP = 10;

    public BenchOptions {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("no scenario");
        }
        for (String s : scenarios) {
            if (!BenchScenario.NAMES.contains(s)) {
                throw new IllegalArgumentException("unknown scenario " + s + " (known: "
                        + String.join(", ", BenchScenario.NAMES) + ")");
            }
        }
        if (concurrency.isEmpty() || concurrency.stream().anyMatch(c -> c < 1 || c > 256)) {
            throw new IllegalArgumentException("--concurrency takes levels from 1 to 256, e.g. 8,16,32");
        }
        if (seconds < 1 || warmup < 0) {
            throw new IllegalArgumentException("--seconds must be at least 1 and --warmup at least 0");
        }
        if (sentinelPairs < 0 || sentinelPairs > 10) {
            throw new IllegalArgumentException("--sentinel-pairs takes 0 to 10");
        }
        if (baseline && mallScript == null) {
            throw new IllegalArgumentException("the baseline needs --mall (the ./mall script that restarts services)");
        }
        scenarios = List.copyOf(scenarios);
        concurrency = List.copyOf(concurrency);
    }

    /**
     * From the tool's arguments: scenario names (none: checkout and checkout-cart) and the options
     * map ({@code concurrency, seconds, warmup, no-baseline, sentinel-pairs, report-dir, mall}).
     *
     * @throws IllegalArgumentException on a bad value, with the reason
     */
    public static BenchOptions parse(Path stackEnv, List<String> names, Map<String, String> opts) {
        List<String> scenarios = new ArrayList<>();
        for (String n : names) {
            for (String s : n.split(",")) {
                if (!s.isBlank()) {
                    scenarios.add(s.trim());
                }
            }
        }
        if (scenarios.isEmpty()) {
            scenarios.addAll(List.of("checkout", "checkout-cart"));
        }
        List<Integer> levels = new ArrayList<>();
        try {
            if (opts.containsKey("concurrency")) {
                for (String c : opts.get("concurrency").split(",")) {
                    levels.add(Integer.parseInt(c.trim()));
                }
            } else {
                levels.addAll(DEFAULT_CONCURRENCY);
            }
            int seconds = Integer.parseInt(opts.getOrDefault("seconds", String.valueOf(DEFAULT_SECONDS)));
            int warmup = Integer.parseInt(opts.getOrDefault("warmup", String.valueOf(DEFAULT_WARMUP)));
            int pairs = Integer.parseInt(opts.getOrDefault("sentinel-pairs", "0"));
            Path runDir = stackEnv.toAbsolutePath().getParent();
            Path reportDir = opts.containsKey("report-dir") ? Path.of(opts.get("report-dir")) : runDir.resolve("bench");
            return new BenchOptions(stackEnv, opts.containsKey("mall") ? Path.of(opts.get("mall")) : null, scenarios,
                    levels, seconds, warmup, !opts.containsKey("no-baseline"), pairs, reportDir);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage());
        }
    }
}
