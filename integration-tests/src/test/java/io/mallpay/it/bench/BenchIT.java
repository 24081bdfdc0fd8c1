package io.mallpay.it.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Mall;
import io.mallpay.it.support.MallCli;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.mallpay.it.support.Mall.check;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./mall bench checkout} for ten seconds at four clients, with its baseline: the report
 * holds the figures of both modes, and afterwards the four mall services are back as they were —
 * healthy, started without {@code SEATA_ENABLED=false}, and a checkout works. No timing is
 * asserted: only that each mode completed transactions.
 */
class BenchIT {

    private static final List<String> MALL_SERVICES = List.of("mall-inventory", "mall-points", "mall-coupon",
            "mall-order");

    @Test
    void checkoutWithItsBaselineAndTheStackPutBack() throws Exception {
        Path dir = Files.createTempDirectory("bench-it-");
        MallCli.Result r = MallCli.run(Map.of(), 1_200, "bench", "checkout", "--concurrency", "4", "--seconds", "10",
                "--warmup", "3", "--report-dir", dir.toString());
        System.out.println(r.output());

        Path json;
        try (Stream<Path> files = Files.list(dir)) {
            json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow(
                    () -> new AssertionError("no JSON report in " + dir + ":\n" + r.output()));
        }
        assertThat(Files.exists(Path.of(json.toString().replaceFirst("\\.json$", ".html")))).isTrue();
        JsonNode report = Stack.readJson(Files.readString(json));
        for (String mode : List.of("baseline", "seata")) {
            JsonNode run = find(report, mode);
            assertThat(run).as(mode + " run in " + report.path("results")).isNotNull();
            assertThat(run.path("concurrency").asInt()).isEqualTo(4);
            assertThat(run.path("throughput").asDouble()).as(mode + " throughput").isPositive();
            assertThat(run.path("latency").path("p99").isNumber()).as(mode + " p99").isTrue();
            assertThat(run.path("cpuMsPerTx").has("mall-order")).as(mode + " CPU of mall-order").isTrue();
            assertThat(run.path("cpuMsPerTx").has("mariadbd")).as(mode + " CPU of mariadbd").isTrue();
        }
        assertThat(report.path("ratios").get(0).path("ratio").asDouble()).isPositive();
        assertThat(report.path("problems")).as(r.output()).isEmpty();
        assertThat(r.exitCode()).as(r.output()).isZero();

        Path pids = Path.of(Stack.get().env("RUN_DIR")).resolve("pids");
        for (String service : MALL_SERVICES) {
            String pid = Files.readString(pids.resolve(service + ".pid")).trim();
            String environ = new String(Files.readAllBytes(Path.of("/proc", pid, "environ")), StandardCharsets.UTF_8);
            assertThat(environ.split("\0")).as(service + " runs with Seata on").doesNotContain("SEATA_ENABLED=false");
            var health = Stack.get(Mall.service(service.toUpperCase().replace('-', '_') + "_PORT") + "/actuator/health");
            assertThat(health.statusCode()).as(service + " health").isEqualTo(200);
        }
        String sku = Mall.sku(250, 5);
        long user = Mall.user(100);
        check(Mall.checkout("bench-it-" + UUID.randomUUID(), Mall.cart(user, List.of(Map.entry(sku, 1)), 10, null)),
                201);
        assertThat(Mall.product(sku).get("available").asInt()).isEqualTo(4);
        assertThat(Mall.points(user).get("frozen").asLong()).isEqualTo(10);
    }

    private static JsonNode find(JsonNode report, String mode) {
        for (JsonNode r : report.path("results")) {
            if (r.path("scenario").asText().equals("checkout") && r.path("mode").asText().equals(mode)) {
                return r;
            }
        }
        return null;
    }
}
