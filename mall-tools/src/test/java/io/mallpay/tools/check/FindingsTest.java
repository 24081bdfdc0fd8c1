package io.mallpay.tools.check;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingsTest {

    @Test
    void passesWhenNothingWasFound() {
        Findings f = new Findings("X", "proves x", "rows");
        f.checked(3);
        f.checked();

        InvariantResult r = f.result();

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.checked()).isEqualTo(4);
        assertThat(r.rows()).isEmpty();
    }

    @Test
    void aWarningAloneWarnsAndAFailureFails() {
        Findings warnOnly = new Findings("X", "d", "rows");
        warnOnly.warn("refund required", "payment_id", "P1");
        Findings both = new Findings("X", "d", "rows");
        both.warn("refund required", "payment_id", "P1");
        both.fail("broken", "payment_id", "P2");

        assertThat(warnOnly.result().status()).isEqualTo(Status.WARN);
        assertThat(both.result().status()).isEqualTo(Status.FAIL);
    }

    @Test
    void keepsTwentyRowsFailuresFirstButCountsAll() {
        Findings f = new Findings("X", "d", "rows");
        for (int i = 0; i < 30; i++) {
            f.warn("w", "i", i);
        }
        for (int i = 0; i < 25; i++) {
            f.fail("f", "i", i);
        }

        InvariantResult r = f.result();

        assertThat(r.failures()).isEqualTo(25);
        assertThat(r.warnings()).isEqualTo(30);
        assertThat(r.rows()).hasSize(Findings.MAX_ROWS).allMatch(v -> v.severity() == Status.FAIL);
        assertThat(r.rows().get(0).values()).containsEntry("i", 0);
    }

    @Test
    void warningsFillWhatFailuresLeave() {
        Findings f = new Findings("X", "d", "rows");
        f.fail("f", "i", 1);
        for (int i = 0; i < 30; i++) {
            f.warn("w", "i", i);
        }

        assertThat(f.result().rows()).hasSize(20).first().extracting(Violation::severity).isEqualTo(Status.FAIL);
        assertThat(f.result().rows().get(1).severity()).isEqualTo(Status.WARN);
    }

    @Test
    void valuesKeepTheirOrderAndBecomePlainJsonTypes() {
        Findings f = new Findings("X", "d", "rows");
        f.fail("f", "id", 5L, "at", LocalDateTime.of(2026, 1, 2, 3, 4), "rate", new BigDecimal("0.02"),
                "none", null, "list", java.util.List.of(1, 2));

        Violation v = f.result().rows().get(0);

        assertThat(v.values().keySet()).containsExactly("id", "at", "rate", "none", "list");
        assertThat(v.values()).containsEntry("at", "2026-01-02T03:04:00Z").containsEntry("list", "[1, 2]")
                .containsEntry("rate", new BigDecimal("0.02"));
    }

    @Test
    void refusesUnpairedValues() {
        Findings f = new Findings("X", "d", "rows");

        assertThatThrownBy(() -> f.fail("f", "id")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCheckThatCouldNotRunFailsWithItsError() {
        InvariantResult r = Findings.broken("STOCK", "d", new java.sql.SQLException("Connection refused"));

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.rows()).singleElement().satisfies(v -> {
            assertThat(v.problem()).isEqualTo("check could not run");
            assertThat(v.values()).containsEntry("error", "SQLException: Connection refused");
        });
    }
}
