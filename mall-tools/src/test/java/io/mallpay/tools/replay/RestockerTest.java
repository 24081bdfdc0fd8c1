package io.mallpay.tools.replay;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RestockerTest {

    private static Invoice invoice(String no, int minute, long customer, Invoice.Line... lines) {
        return new Invoice(no, LocalDateTime.of(2010, 12, 1, 8, minute), customer, List.of(lines));
    }

    private static Invoice.Line line(String code, int quantity) {
        return new Invoice.Line(code, quantity, new BigDecimal("2.55"));
    }

    @Test
    void demandSumsTheCheckedOutProductUnitsPerSkuAndIgnoresCancellationsAndFees() {
        ReplayPlan plan = ReplayPlan.build(List.of(
                invoice("536365", 0, 17850, line("85123A", 6), line("71053", 6), line("POST", 1)),
                invoice("536366", 1, 17850, line("85123A", 4), line("85123A", 2)),
                invoice("536367", 2, 13047, line("22745", 3)),
                invoice("C536368", 3, 13047, line("22745", -3))), null);

        Map<String, Long> demand = Restocker.demand(plan);

        // 536367 is cancelled later in the window: checked out (CHECKOUT_ONLY), so its units count too
        assertThat(demand).containsExactly(Map.entry("22745", 3L), Map.entry("71053", 6L), Map.entry("85123A", 12L));
    }
}
