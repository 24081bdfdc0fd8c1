package io.mallpay.tools.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    private static final Path ENV = Path.of("/tmp/x/.run/stack.env");

    @Test
    void defaults() {
        BenchOptions o = BenchOptions.parse(ENV, List.of(), Map.of("mall", "/tmp/x/mall"));
        assertThat(o.scenarios()).containsExactly("checkout", "checkout-cart");
        assertThat(o.concurrency()).containsExactly(8, 16, 32);
        assertThat(o.seconds()).isEqualTo(30);
        assertThat(o.baseline()).isTrue();
        assertThat(o.sentinelPairs()).isZero();
        assertThat(o.reportDir()).isEqualTo(Path.of("/tmp/x/.run/bench"));
    }

    @Test
    void explicitValues() {
        BenchOptions o = BenchOptions.parse(ENV, List.of("checkout", "hot-sku,cancel"),
                Map.of("concurrency", "4, 8", "seconds", "10", "warmup", "3", "no-baseline", "true", "report-dir", "/r",
                        "sentinel-pairs", "3"));
        assertThat(o.scenarios()).containsExactly("checkout", "hot-sku", "cancel");
        assertThat(o.concurrency()).containsExactly(4, 8);
        assertThat(o.warmup()).isEqualTo(3);
        assertThat(o.baseline()).isFalse();
        assertThat(o.sentinelPairs()).isEqualTo(3);
        assertThat(o.reportDir()).isEqualTo(Path.of("/r"));
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> BenchOptions.parse(ENV, List.of("nope"), Map.of("mall", "m")))
                .hasMessageContaining("unknown scenario nope");
        assertThatThrownBy(() -> BenchOptions.parse(ENV, List.of(), Map.of("mall", "m", "concurrency", "0")))
                .hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> BenchOptions.parse(ENV, List.of(), Map.of("mall", "m", "seconds", "x")))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> BenchOptions.parse(ENV, List.of(), Map.of("mall", "m", "sentinel-pairs", "11")))
                .hasMessageContaining("--sentinel-pairs");
        assertThatThrownBy(() -> BenchOptions.parse(ENV, List.of(), Map.of()))
                .hasMessageContaining("--mall");
    }

    @Test
    void workersOfOneRunNeverShareSkus() {
        List<String> w0 = CheckoutScenario.skus(0, 16, 5, 10);
        List<String> w1 = CheckoutScenario.skus(1, 16, 5, 10);
        assertThat(w0).hasSize(10).doesNotHaveDuplicates().doesNotContainAnyElementsOf(w1);
        assertThat(CheckoutScenario.skus(3, 32, 0, 1)).containsExactly("BENCH-0003");
    }

    @Test
    void oversellVerdict() {
        assertThat(InventoryDbChecker.verdict(100, 100, 0, 100, 0, 100, 0, 100).get("oversold")).isEqualTo(false);
        assertThat(InventoryDbChecker.verdict(100, 101, 0, 100, 0, 100, 0, 100).get("oversold")).isEqualTo(true);
        assertThat(InventoryDbChecker.verdict(100, 90, 0, 101, 0, 101, 0, 101).get("oversold")).isEqualTo(true);
    }
}
