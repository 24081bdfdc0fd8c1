package io.mallpay.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BenchReportTest {

    static LevelResult result(String scenario, String mode, int c, double tps, double p99) {
        return new LevelResult(scenario, mode, c, 10.0, (long) (tps * 10), tps,
                new LatencyStats((int) (tps * 10), p99 / 4, p99 / 2, p99, p99 * 2),
                mode.equals("seata") ? Map.of("BUSY", 3L) : Map.of(),
                Map.of("mall-order", 7.0, "mariadbd", 1.5, "total", 8.5), Map.of("mall-order", 300.0, "total", 4500.0),
                Map.of());
    }

    static BenchReport sample() {
        BenchReport r = new BenchReport();
        r.meta().put("startedAt", "2026-12-04T15:00:00Z");
        r.add(result("checkout", "baseline", 8, 100.0, 80));
        r.add(result("checkout", "baseline", 16, 170.0, 120));
        r.add(result("checkout", "seata", 8, 61.0, 160));
        r.add(result("checkout", "seata", 16, 102.0, 240));
        r.add(result("hot-sku", "seata", 8, 40.0, 300));
        return r;
    }

    @Test
    void sentinelRatiosPoolThePairsAndGiveTheirSpread() {
        BenchReport r = sample();
        r.add(result("checkout", LevelResult.SENTINEL_ON, 16, 40.0, 900));
        r.add(result("checkout", LevelResult.SENTINEL_OFF, 16, 50.0, 800));
        r.add(result("checkout", LevelResult.SENTINEL_OFF, 16, 44.0, 800));
        r.add(result("checkout", LevelResult.SENTINEL_ON, 16, 46.0, 900));
        r.add(result("checkout", LevelResult.SENTINEL_ON, 32, 30.0, 900));
        List<BenchReport.SentinelRatio> ratios = r.sentinelRatios();
        assertThat(ratios).hasSize(1);
        BenchReport.SentinelRatio s = ratios.get(0);
        assertThat(s.concurrency()).isEqualTo(16);
        assertThat(s.pairs()).isEqualTo(2);
        assertThat(s.onThroughput()).isEqualTo(43.0);
        assertThat(s.offThroughput()).isEqualTo(47.0);
        assertThat(s.ratio()).isEqualTo(0.91);
        assertThat(s.minPairRatio()).isEqualTo(0.8);
        assertThat(s.maxPairRatio()).isEqualTo(1.05);
        assertThat(r.ratios()).hasSize(2);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        r.printTable(new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("ON/OFF").contains("0.80..1.05");
        assertThat(HtmlReport.render(r)).contains("Sentinel on / off").contains("<td>0.91</td>");
    }

    @Test
    void ratiosPairEachSeataRunWithItsBaseline() {
        List<BenchReport.Ratio> ratios = sample().ratios();
        assertThat(ratios).hasSize(2);
        assertThat(ratios.get(0).concurrency()).isEqualTo(8);
        assertThat(ratios.get(0).ratio()).isEqualTo(0.61);
        assertThat(ratios.get(0).p99Ratio()).isEqualTo(2.0);
        assertThat(ratios.get(1).ratio()).isEqualTo(0.6);
    }

    @Test
    void writesJsonWithBothModesAndTheRatios(@TempDir Path dir) throws Exception {
        List<Path> files = sample().write(dir.resolve("bench"), "20261204-150000");
        JsonNode json = new ObjectMapper().readTree(files.get(0).toFile());
        assertThat(files.get(0).getFileName().toString()).isEqualTo("20261204-150000.json");
        assertThat(json.path("startedAt").asText()).isEqualTo("2026-12-04T15:00:00Z");
        assertThat(json.path("results")).hasSize(5);
        JsonNode first = json.path("results").get(0);
        assertThat(first.path("mode").asText()).isEqualTo("baseline");
        assertThat(first.path("throughput").asDouble()).isEqualTo(100.0);
        assertThat(first.path("latency").path("p99").asDouble()).isEqualTo(80.0);
        assertThat(first.path("cpuMsPerTx").path("mall-order").asDouble()).isEqualTo(7.0);
        assertThat(json.path("results").get(2).path("errors").path("BUSY").asLong()).isEqualTo(3);
        assertThat(json.path("ratios").get(0).path("ratio").asDouble()).isEqualTo(0.61);
    }

    @Test
    void htmlIsSelfContainedWithTheFourCharts(@TempDir Path dir) throws Exception {
        String html = Files.readString(sample().write(dir, "r").get(1));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Throughput vs concurrency")
                .contains("Latency percentiles: checkout").contains("Latency percentiles: hot-sku")
                .contains("Seata / baseline throughput").contains("CPU per transaction by process")
                .contains("<polyline").contains("<rect").contains("0.61");
        assertThat(html.replace("http://www.w3.org/2000/svg", ""))
                .doesNotContain("http://").doesNotContain("https://").doesNotContain("<script").doesNotContain("<link");
        assertThat(html.split("<svg", -1)).hasSize(1 + 5);
    }

    @Test
    void tablesShowEveryRunAndTheRatios() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchReport r = sample();
        r.problem("interrupted");
        r.printTable(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("SCENARIO").contains("SEATA/BASE").contains("hot-sku").contains("0.61")
                .contains("mall-order=7").contains("errors: {BUSY=3}").contains("bench: problem: interrupted");
        assertThat(out.lines().filter(l -> l.startsWith("checkout ")).count()).isEqualTo(4 + 2);
    }

    @Test
    void svgEscapesLabelsAndRoundsAxes() {
        assertThat(Svg.esc("a<b & \"c\"")).isEqualTo("a&lt;b &amp; &quot;c&quot;");
        assertThat(Svg.niceMax(83)).isEqualTo(100);
        assertThat(Svg.niceMax(170)).isEqualTo(200);
        assertThat(Svg.niceMax(0.61)).isEqualTo(1.0);
        assertThat(Svg.niceMax(0)).isEqualTo(1);
    }
}
