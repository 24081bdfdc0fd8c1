package io.mallpay.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one {@code ./mall bench} run measured: the runs ({@link LevelResult}), the Seata /
 * baseline ratios derived from them, and what the run did around them (options, fixtures,
 * restarts, problems). Printed as tables, written as JSON ({@code <timestamp>.json}) and as a
 * self-contained HTML page ({@code <timestamp>.html}, {@link HtmlReport}).
 */
public final class BenchReport {

    /**
     * Seata / baseline for one scenario and concurrency: {@code ratio} of throughputs (below 1:
     * Seata costs throughput), {@code p99Ratio} of p99 latencies (above 1: Seata adds latency).
     */
    public record Ratio(String scenario, int concurrency, Double seataThroughput, Double baselineThroughput,
                        Double ratio, Double p99Ratio) {
    }

    /**
     * Sentinel on / off for one scenario and concurrency over the {@code pairs} pairs of
     * {@code --sentinel-pairs}: {@code onThroughput} and {@code offThroughput} pooled (all
     * transactions of the mode / all its seconds), {@code ratio} = on / off (below 1: Sentinel costs
     * throughput), {@code minPairRatio} / {@code maxPairRatio} the spread of the pairs' own ratios —
     * a cost smaller than that spread is not measurable on this machine.
     */
    public record SentinelRatio(String scenario, int concurrency, int pairs, double onThroughput,
                                double offThroughput, Double ratio, Double minPairRatio, Double maxPairRatio) {
    }

    private final Map<String, Object> meta = new LinkedHashMap<>();
    private final List<LevelResult> results = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    public Map<String, Object> meta() {
        return meta;
    }

    public synchronized void add(LevelResult r) {
        results.add(r);
    }

    public synchronized List<LevelResult> results() {
        return List.copyOf(results);
    }

    public synchronized void problem(String p) {
        problems.add(p);
    }

    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** Ratios for every scenario and concurrency measured in both modes, in run order. */
    public List<Ratio> ratios() {
        List<Ratio> out = new ArrayList<>();
        for (LevelResult s : results()) {
            if (!s.mode().equals(LevelResult.SEATA)) {
                continue;
            }
            find(s.scenario(), LevelResult.BASELINE, s.concurrency()).ifPresent(b -> out.add(new Ratio(s.scenario(),
                    s.concurrency(), s.throughput(), b.throughput(),
                    LatencyStats.ratio(s.throughput(), b.throughput()),
                    LatencyStats.ratio(s.latency().p99(), b.latency().p99()))));
        }
        return out;
    }

    /** Sentinel on / off for every scenario and concurrency measured in pairs, in run order. */
    public List<SentinelRatio> sentinelRatios() {
        List<SentinelRatio> out = new ArrayList<>();
        List<LevelResult> all = results();
        List<String> seen = new ArrayList<>();
        for (LevelResult first : all) {
            String id = first.scenario() + "/" + first.concurrency();
            if (!first.mode().equals(LevelResult.SENTINEL_ON) || seen.contains(id)) {
                continue;
            }
            seen.add(id);
            List<LevelResult> on = all.stream().filter(r -> r.mode().equals(LevelResult.SENTINEL_ON)
                    && r.scenario().equals(first.scenario()) && r.concurrency() == first.concurrency()).toList();
            List<LevelResult> off = all.stream().filter(r -> r.mode().equals(LevelResult.SENTINEL_OFF)
                    && r.scenario().equals(first.scenario()) && r.concurrency() == first.concurrency()).toList();
            int pairs = Math.min(on.size(), off.size());
            if (pairs == 0) {
                continue;
            }
            double onTps = pooled(on.subList(0, pairs));
            double offTps = pooled(off.subList(0, pairs));
            Double min = null;
            Double max = null;
            for (int i = 0; i < pairs; i++) {
                Double r = LatencyStats.ratio(on.get(i).throughput(), off.get(i).throughput());
                if (r != null) {
                    min = min == null ? r : Math.min(min, r);
                    max = max == null ? r : Math.max(max, r);
                }
            }
            out.add(new SentinelRatio(first.scenario(), first.concurrency(), pairs, round1(onTps), round1(offTps),
                    LatencyStats.ratio(onTps, offTps), min, max));
        }
        return out;
    }

    /** All transactions of {@code runs} over all their seconds. */
    static double pooled(List<LevelResult> runs) {
        double seconds = runs.stream().mapToDouble(LevelResult::seconds).sum();
        return seconds <= 0 ? 0 : runs.stream().mapToLong(LevelResult::transactions).sum() / seconds;
    }

    private static double round1(double d) {
        return Math.round(d * 10) / 10.0;
    }

    Optional<LevelResult> find(String scenario, String mode, int concurrency) {
        return results().stream().filter(r -> r.scenario().equals(scenario) && r.mode().equals(mode)
                && r.concurrency() == concurrency).findFirst();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>(meta);
        m.put("results", results());
        m.put("ratios", ratios());
        m.put("sentinelRatios", sentinelRatios());
        m.put("problems", problems());
        return m;
    }

    /** Writes {@code <name>.json} and {@code <name>.html} into {@code dir}; returns both paths. */
    public List<Path> write(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(name + ".json");
        Path html = dir.resolve(name + ".html");
        Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(toJson()));
        Files.writeString(html, HtmlReport.render(this));
        return List.of(json, html);
    }

    /** The results table, then the ratio table, then any problem. */
    public void printTable(PrintStream out) {
        out.println();
        out.println(String.format(Locale.ROOT, "%-14s %-12s %4s %8s %8s %8s %8s %8s %7s %9s %9s  %s",
                "SCENARIO", "MODE", "C", "TX/S", "P50 ms", "P95 ms", "P99 ms", "MAX ms", "ERRORS", "CPU ms/tx",
                "RSS MB", "TOP CPU/tx"));
        for (LevelResult r : results()) {
            out.println(String.format(Locale.ROOT, "%-14s %-12s %4d %8.1f %8s %8s %8s %8s %7d %9s %9s  %s",
                    r.scenario(), r.mode(), r.concurrency(), r.throughput(), num(r.latency().p50()),
                    num(r.latency().p95()), num(r.latency().p99()), num(r.latency().max()), r.errorCount(),
                    num(r.cpuMsPerTx().get("total")), num(r.rssMb().get("total")), top(r.cpuMsPerTx(), 3)));
            if (!r.errors().isEmpty()) {
                out.println("               errors: " + r.errors());
            }
            if (!r.extra().isEmpty()) {
                out.println("               " + r.extra());
            }
        }
        List<Ratio> ratios = ratios();
        if (!ratios.isEmpty()) {
            out.println();
            out.println(String.format(Locale.ROOT, "%-14s %4s %12s %12s %14s %14s", "SCENARIO", "C",
                    "SEATA TX/S", "BASE TX/S", "SEATA/BASE", "P99 SEATA/BASE"));
            for (Ratio r : ratios) {
                out.println(String.format(Locale.ROOT, "%-14s %4d %12s %12s %14s %14s", r.scenario(),
                        r.concurrency(), num(r.seataThroughput()), num(r.baselineThroughput()), num(r.ratio()),
                        num(r.p99Ratio())));
            }
        }
        List<SentinelRatio> sentinel = sentinelRatios();
        if (!sentinel.isEmpty()) {
            out.println();
            out.println(String.format(Locale.ROOT, "%-14s %4s %5s %12s %12s %10s %16s", "SCENARIO", "C", "PAIRS",
                    "ON TX/S", "OFF TX/S", "ON/OFF", "PAIRS MIN..MAX"));
            for (SentinelRatio r : sentinel) {
                out.println(String.format(Locale.ROOT, "%-14s %4d %5d %12s %12s %10s %16s", r.scenario(),
                        r.concurrency(), r.pairs(), num(r.onThroughput()), num(r.offThroughput()), num(r.ratio()),
                        num(r.minPairRatio()) + ".." + num(r.maxPairRatio())));
            }
        }
        for (String p : problems()) {
            out.println("bench: problem: " + p);
        }
    }

    /** The {@code n} processes with the most CPU per transaction, {@code name=ms}. */
    static String top(Map<String, Double> cpu, int n) {
        return cpu.entrySet().stream().filter(e -> !e.getKey().equals("total"))
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(n)
                .map(e -> e.getKey() + "=" + num(e.getValue())).reduce((a, b) -> a + " " + b).orElse("");
    }

    static String num(Double d) {
        if (d == null) {
            return "-";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? String.valueOf(d.longValue())
                : String.format(Locale.ROOT, d < 10 ? "%.2f" : "%.1f", d);
    }
}
