package io.mallpay.tools.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The benchmark as one self-contained HTML page: the options, four charts as inline SVG
 * (throughput vs concurrency, latency percentiles per scenario, Seata / baseline ratios, CPU per
 * transaction by process) and the full results table. No script, stylesheet or font is loaded
 * from anywhere: the file opens in a browser without a network.
 */
final class HtmlReport {

    private HtmlReport() {
    }

    static String render(BenchReport report) {
        List<LevelResult> results = report.results();
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>mallpay bench ").append(Svg.esc(String.valueOf(report.meta().get("startedAt"))))
                .append("</title><style>body{font-family:sans-serif;margin:2em;max-width:1400px}")
                .append("table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:3px 6px;")
                .append("text-align:right}th{background:#eee}td.l{text-align:left}.charts svg{margin:8px;")
                .append("border:1px solid #eee}</style></head><body>\n<h1>./mall bench</h1>\n<p>");
        report.meta().forEach((k, v) -> b.append("<b>").append(Svg.esc(k)).append("</b>: ")
                .append(Svg.esc(String.valueOf(v))).append("<br>"));
        b.append("</p>\n<div class=\"charts\">\n");
        List<Integer> levels = new ArrayList<>(new TreeSet<>(results.stream().map(LevelResult::concurrency).toList()));
        List<String> xs = levels.stream().map(c -> "C=" + c).toList();
        Map<String, List<Double>> tps = new LinkedHashMap<>();
        for (LevelResult r : results) {
            tps.computeIfAbsent(r.scenario() + " " + r.mode(), k -> nulls(levels.size()))
                    .set(levels.indexOf(r.concurrency()), r.throughput());
        }
        b.append(Svg.lines("Throughput vs concurrency", "transactions / s", xs, tps)).append('\n');
        for (String scenario : new java.util.LinkedHashSet<>(results.stream().map(LevelResult::scenario).toList())) {
            Map<String, List<Double>> lat = new LinkedHashMap<>();
            for (LevelResult r : results) {
                if (!r.scenario().equals(scenario)) {
                    continue;
                }
                int i = levels.indexOf(r.concurrency());
                lat.computeIfAbsent("p50 " + r.mode(), k -> nulls(levels.size())).set(i, r.latency().p50());
                lat.computeIfAbsent("p95 " + r.mode(), k -> nulls(levels.size())).set(i, r.latency().p95());
                lat.computeIfAbsent("p99 " + r.mode(), k -> nulls(levels.size())).set(i, r.latency().p99());
            }
            b.append(Svg.lines("Latency percentiles: " + scenario, "ms", xs, lat)).append('\n');
        }
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (BenchReport.Ratio r : report.ratios()) {
            ratios.put(r.scenario() + " C=" + r.concurrency(), r.ratio());
        }
        if (!ratios.isEmpty()) {
            b.append(Svg.bars("Seata / baseline throughput (1 = no cost)", "ratio", ratios, 1.0)).append('\n');
        }
        Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
        for (LevelResult r : results) {
            Map<String, Double> segs = new LinkedHashMap<>(r.cpuMsPerTx());
            segs.remove("total");
            cpu.put(r.scenario() + " " + r.mode() + " C=" + r.concurrency(), segs);
        }
        if (!cpu.isEmpty()) {
            b.append(Svg.stacked("CPU per transaction by process", "ms / tx", cpu)).append('\n');
        }
        b.append("</div>\n");
        table(b, results);
        ratioTable(b, report.ratios());
        sentinelTable(b, report.sentinelRatios());
        if (!report.problems().isEmpty()) {
            b.append("<h2>Problems</h2><ul>");
            report.problems().forEach(p -> b.append("<li>").append(Svg.esc(p)).append("</li>"));
            b.append("</ul>");
        }
        return b.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder b, List<LevelResult> results) {
        b.append("<h2>Results</h2><table><tr><th>scenario</th><th>mode</th><th>C</th><th>s</th><th>tx</th>")
                .append("<th>tx/s</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th><th>errors</th>")
                .append("<th>CPU ms/tx</th><th>RSS MB</th><th>CPU ms/tx by process</th><th>notes</th></tr>\n");
        for (LevelResult r : results) {
            b.append("<tr><td class=\"l\">").append(Svg.esc(r.scenario())).append("</td><td class=\"l\">")
                    .append(r.mode()).append("</td>");
            cells(b, r.concurrency(), BenchReport.num(r.seconds()), r.transactions(), BenchReport.num(r.throughput()),
                    BenchReport.num(r.latency().p50()), BenchReport.num(r.latency().p95()),
                    BenchReport.num(r.latency().p99()), BenchReport.num(r.latency().max()));
            b.append("<td class=\"l\">").append(Svg.esc(r.errors().isEmpty() ? "0" : r.errors().toString())).append("</td>");
            cells(b, BenchReport.num(r.cpuMsPerTx().get("total")), BenchReport.num(r.rssMb().get("total")));
            b.append("<td class=\"l\">").append(Svg.esc(BenchReport.top(r.cpuMsPerTx(), 20))).append("</td><td class=\"l\">")
                    .append(Svg.esc(r.extra().isEmpty() ? "" : r.extra().toString())).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void ratioTable(StringBuilder b, List<BenchReport.Ratio> ratios) {
        if (ratios.isEmpty()) {
            return;
        }
        b.append("<h2>Seata / baseline</h2><table><tr><th>scenario</th><th>C</th><th>Seata tx/s</th>")
                .append("<th>baseline tx/s</th><th>throughput ratio</th><th>p99 ratio</th></tr>\n");
        for (BenchReport.Ratio r : ratios) {
            b.append("<tr><td class=\"l\">").append(Svg.esc(r.scenario())).append("</td>");
            cells(b, r.concurrency(), BenchReport.num(r.seataThroughput()), BenchReport.num(r.baselineThroughput()),
                    BenchReport.num(r.ratio()), BenchReport.num(r.p99Ratio()));
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void sentinelTable(StringBuilder b, List<BenchReport.SentinelRatio> ratios) {
        if (ratios.isEmpty()) {
            return;
        }
        b.append("<h2>Sentinel on / off (pairs in warm JVMs)</h2><table><tr><th>scenario</th><th>C</th>")
                .append("<th>pairs</th><th>on tx/s</th><th>off tx/s</th><th>on / off</th><th>pairs' min</th>")
                .append("<th>pairs' max</th></tr>\n");
        for (BenchReport.SentinelRatio r : ratios) {
            b.append("<tr><td class=\"l\">").append(Svg.esc(r.scenario())).append("</td>");
            cells(b, r.concurrency(), r.pairs(), BenchReport.num(r.onThroughput()), BenchReport.num(r.offThroughput()),
                    BenchReport.num(r.ratio()), BenchReport.num(r.minPairRatio()), BenchReport.num(r.maxPairRatio()));
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void cells(StringBuilder b, Object... values) {
        for (Object v : values) {
            b.append("<td>").append(Svg.esc(String.valueOf(v))).append("</td>");
        }
    }

    private static List<Double> nulls(int n) {
        List<Double> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(null);
        }
        return l;
    }
}
