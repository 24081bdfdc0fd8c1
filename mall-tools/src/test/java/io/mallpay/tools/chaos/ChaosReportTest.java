package io.mallpay.tools.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosReportTest {

    static final ChaosReport.Recovery BACK = new ChaosReport.Recovery(15, true, 6.0, 0.2, 4.5, 5.1, true, 0,
            Map.of("pay-payment", 2));

    static ChaosReport.Result result(String name, Boolean ok, List<String> failed, List<String> errors) {
        return result(name, ok, failed, errors, BACK);
    }

    static ChaosReport.Result result(String name, Boolean ok, List<String> failed, List<String> errors,
                                     ChaosReport.Recovery recovery) {
        Map<String, Object> outcomes = new LinkedHashMap<>();
        outcomes.put("PAID", 100);
        outcomes.put("ERROR", 2);
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        List<Map<String, Object>> gtx = List.of();
        if (!failed.isEmpty()) {
            gtx = List.of(Map.of("severity", "FAIL", "problem", "unfinished global transaction",
                    "values", Map.of("xid", "x1")));
            rows.put(failed.get(0), gtx);
        }
        return new ChaosReport.Result(name, "SIGKILL pay-fund", 3.0, 23.04, 41, 9, 70.55, 37.5, 0, outcomes, Map.of(),
                95.0, 24.45, Map.of("drained", true), 12.0, ok, failed, rows, gtx, errors, recovery);
    }

    @Test
    void tablePrintsOneAlignedRowPerScenarioThenTheFindings() {
        ChaosReport report = new ChaosReport();
        report.add(result("kill-fund", true, List.of(), List.of()));
        report.add(result("kill-order", false, List.of("GLOBAL_TRANSACTIONS"), List.of()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        report.printTable(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("== chaos ==");
        assertThat(lines.get(1)).startsWith("SCENARIO    INJECTED          AT s  DONE@INJ  GTX@INJ  RECOVERED s");
        assertThat(lines.get(2)).startsWith("kill-fund   SIGKILL pay-fund  23.0  41        9        70.6")
                .contains("ok").endsWith("PAID 100, ERROR 2");
        assertThat(lines.get(3)).contains("FAIL GLOBAL_TRANSACTIONS").contains("  1  ");
        assertThat(lines.get(1).indexOf("INVARIANTS")).isEqualTo(lines.get(2).indexOf("ok  "));
        assertThat(lines).contains("  kill-order GLOBAL_TRANSACTIONS: unfinished global transaction {xid=x1}");
        assertThat(lines.get(lines.size() - 1)).startsWith("chaos: NOT every scenario ran");
        assertThat(report.ok()).isFalse();
    }

    @Test
    void anErrorMakesTheRunNotOkEvenWhenTheInvariantsHold() {
        ChaosReport report = new ChaosReport();
        report.add(result("kill-fund", true, List.of(), List.of("the replay exited 1")));
        assertThat(report.ok()).isFalse();
        report = new ChaosReport();
        report.add(result("kill-fund", true, List.of(), List.of()));
        assertThat(report.ok()).isTrue();
        assertThat(new ChaosReport().ok()).isFalse();
    }

    @Test
    void jsonHasEveryFieldPerScenario(@TempDir Path dir) throws Exception {
        ChaosReport report = new ChaosReport();
        report.add(result("kill-order", false, List.of("GLOBAL_TRANSACTIONS"), List.of()));
        Path file = dir.resolve("sub/chaos.json");

        report.write(file);

        Map<?, ?> json = new ObjectMapper().readValue(file.toFile(), Map.class);
        assertThat(json.get("ok")).isEqualTo(false);
        Map<?, ?> s = (Map<?, ?>) ((List<?>) json.get("scenarios")).get(0);
        assertThat(s.get("scenario")).isEqualTo("kill-order");
        assertThat(s.get("injectedAtSeconds")).isEqualTo(23.04);
        assertThat(s.get("invoicesDoneAtInjection")).isEqualTo(41);
        assertThat(s.get("globalTransactionsInFlightAtInjection")).isEqualTo(9);
        assertThat(s.get("recoverySeconds")).isEqualTo(37.5);
        assertThat(s.get("tcSettleSecondsAfterDrain")).isEqualTo(12.0);
        assertThat(s.get("drainAfterRecoverySeconds")).isEqualTo(24.45);
        assertThat(s.get("failedInvariants")).isEqualTo(List.of("GLOBAL_TRANSACTIONS"));
        assertThat((List<?>) s.get("unfinishedGlobalTransactions")).hasSize(1);
        assertThat(s.get("outcomes")).isEqualTo(Map.of("PAID", 100, "ERROR", 2));
        Map<?, ?> rec = (Map<?, ?>) s.get("recovery");
        assertThat(rec.get("invoicesPerSecondBefore")).isEqualTo(6.0);
        assertThat(rec.get("invoicesPerSecondDuring")).isEqualTo(0.2);
        assertThat(rec.get("invoicesPerSecondAfter")).isEqualTo(4.5);
        assertThat(rec.get("throughputRecovered")).isEqualTo(true);
        assertThat(rec.get("inFlightThresholdMet")).isEqualTo(true);
        assertThat(rec.get("pendingPaymentsAfterDrain")).isEqualTo(0);
        assertThat(rec.get("paymentsSettled")).isEqualTo(true);
        assertThat(rec.get("tcConnections")).isEqualTo(Map.of("pay-payment", 2));
    }

    @Test
    void throughputNotBackOrPaymentsPendingFailTheScenarioAndTheTableSaysWhy() {
        ChaosReport.Recovery slow = new ChaosReport.Recovery(0, null, 6.0, 0.3, 0.4, 1.2, false, 0, Map.of());
        ChaosReport.Recovery pending = new ChaosReport.Recovery(0, null, 6.0, 0.3, 4.0, 5.0, true, 33, Map.of());
        ChaosReport report = new ChaosReport();
        report.add(result("kill-payment", true, List.of(), List.of(), slow));
        report.add(result("kill-fund", true, List.of(), List.of(), pending));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        report.printTable(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(report.results()).allSatisfy(r -> assertThat(r.ok()).isFalse());
        assertThat(report.ok()).isFalse();
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(1)).contains("RATE BEFORE/DURING/AFTER /s  THROUGHPUT  PENDING PAY");
        assertThat(lines.get(2)).contains("6.00/0.30/0.40").contains("NOT BACK");
        assertThat(lines.get(3)).contains("6.00/0.30/4.00").contains("back").contains("33 FAIL");
        assertThat(lines).anyMatch(l -> l.startsWith("  kill-payment FAIL: throughput did not return to half"))
                .anyMatch(l -> l.startsWith("  kill-fund FAIL: 33 payment(s) of the run still PENDING"));
        // a whole-run fault is not judged: it does not fail on throughput
        assertThat(result("bank-twice", true, List.of(), List.of(), ChaosReport.Recovery.NONE).ok()).isTrue();
    }
}
