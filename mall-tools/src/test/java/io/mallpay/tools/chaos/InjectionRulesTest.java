package io.mallpay.tools.chaos;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.mallpay.tools.chaos.ChaosCommandTest.checker;
import static io.mallpay.tools.chaos.ChaosCommandTest.pass;
import static io.mallpay.tools.chaos.ChaosCommandTest.replayUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** When a fault is injected: the quarter-done trigger and the in-flight threshold; the post-run probes' verdicts. */
class InjectionRulesTest {

    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void aQuarterOfTheInvoicesDoneTriggersTheFaultLongBeforeItsDelay() {
        ChaosCommandTest.FakeActions log = new ChaosCommandTest.FakeActions();
        // due an hour after the first invoice, or at 5 of 20 done: the replay holds at 5 until the recovery
        Scenario s = new Scenario("kill-x", Scenario.Kind.KILL, "pay-fund", Duration.ofHours(1), Duration.ofMillis(10));

        ChaosReport.Result r = ChaosCommand.runScenario(s, replayUntil(log, log.recovered, 10, 5, 20), log,
                checker(log, pass("STOCK")), out);

        assertThat(log.events).containsExactly("replay start", "kill pay-fund", "start pay-fund", "replay end", "check");
        assertThat(r.doneAtInjection()).isEqualTo(5).isLessThan(20);
        assertThat(r.ok()).isTrue();
    }

    @Test
    void theQuarterIsRoundedUpAtLeastOneAndUnknownWithoutATotal() {
        assertThat(ReplayProgress.quarter(120)).isEqualTo(30);
        assertThat(ReplayProgress.quarter(121)).isEqualTo(31);
        assertThat(ReplayProgress.quarter(1)).isEqualTo(1);
        assertThat(ReplayProgress.quarter(0)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void killSeataWaitsUntilFifteenGlobalTransactionsAreInFlight() {
        ChaosCommandTest.FakeActions log = new ChaosCommandTest.FakeActions();
        log.live.addAll(List.of(3, 9, 16, 40));
        Scenario s = new Scenario("kill-tc", Scenario.Kind.KILL, "seata", Duration.ofHours(1), Duration.ofMillis(10),
                Scenario.SEATA_MIN_IN_FLIGHT);

        ChaosReport.Result r = ChaosCommand.runScenario(s, replayUntil(log, log.recovered, 10, 5, 20), log,
                checker(log, pass("STOCK")), out);

        assertThat(log.events).containsExactly("replay start", "kill seata", "start seata", "replay end", "check");
        assertThat(log.live).containsExactly(40); // probed until the third answer reached 15, not further
        assertThat(r.globalTxAtInjection()).isEqualTo(16);
        assertThat(r.recovery().inFlightMet()).isTrue();
        assertThat(r.recovery().minInFlight()).isEqualTo(15);
        assertThat(r.ok()).isTrue();
    }

    @Test
    void thresholdNotReachedByThreeQuartersDoneInjectsAnywayAndRecordsIt() {
        ChaosCommandTest.FakeActions log = new ChaosCommandTest.FakeActions();
        for (int i = 0; i < 1_000; i++) {
            log.live.add(4); // however often it probes before it sees the 16th invoice done
        }
        Scenario s = new Scenario("kill-tc", Scenario.Kind.KILL, "seata", Duration.ofHours(1), Duration.ofMillis(10),
                15);

        // 16 of 20 done at once: past three quarters, so the gate does not wait
        ChaosReport.Result r = ChaosCommand.runScenario(s, replayUntil(log, log.recovered, 10, 16, 20), log,
                checker(log, pass("STOCK")), out);

        assertThat(log.events).containsExactly("replay start", "kill seata", "start seata", "replay end", "check");
        assertThat(r.globalTxAtInjection()).isEqualTo(4);
        assertThat(r.recovery().inFlightMet()).isFalse();
        assertThat(r.ok()).as("recorded, not a failure").isTrue();
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        ChaosReport report = new ChaosReport();
        report.add(r);
        report.printTable(new PrintStream(table, true, StandardCharsets.UTF_8));
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("4<15").contains("fewer than 15 global");
    }

    @Test
    void theGateGivesUpAtItsBound() throws Exception {
        ChaosCommandTest.FakeActions tc = new ChaosCommandTest.FakeActions();
        for (int i = 0; i < 100_000; i++) {
            tc.live.add(7);
        }
        ReplayProgress progress = new ReplayProgress();
        progress.started(100);
        long t0 = System.nanoTime();

        InFlightGate.Outcome o = InFlightGate.await(15, tc, progress, new CompletableFuture<>(), Duration.ofMillis(50),
                1, out);

        assertThat(o.met()).isFalse();
        assertThat(o.inFlight()).isEqualTo(7);
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(50_000_000L); // it waited the whole bound
        assertThat(InFlightGate.await(0, tc, progress, new CompletableFuture<>(), Duration.ofMillis(50), 1, out))
                .isEqualTo(new InFlightGate.Outcome(7, null));
    }

    @Test
    void killSeataRunsThreeTimesInARowInAllAndOnceInCi() {
        List<String> names = Scenario.ALL.stream().map(Scenario::name).toList();
        int first = names.indexOf("kill-seata");
        assertThat(names.subList(first, first + 3)).containsExactly("kill-seata", "kill-seata-2", "kill-seata-3");
        assertThat(Scenario.ALL.subList(first, first + 3)).allSatisfy(sc -> {
            assertThat(sc.target()).isEqualTo("seata");
            assertThat(sc.minInFlight()).isEqualTo(15);
        });
        assertThat(Scenario.CI.stream().filter(n -> n.startsWith("kill-seata"))).containsExactly("kill-seata");
        // seed offsets kept from before the repeats were added
        assertThat(Scenario.named("kill-rocketmq").orElseThrow().ordinal()).isEqualTo(11);
        assertThat(Scenario.named("notify-down").orElseThrow().ordinal()).isEqualTo(14);
        assertThat(Scenario.named("kill-seata-3").orElseThrow().ordinal()).isEqualTo(16);
    }

    @Test
    void aPendingPaymentOrATcConnectionLeakFailsTheScenario() {
        ChaosCommandTest.FakeActions log = new ChaosCommandTest.FakeActions();
        log.pending = 3;
        log.connections = Map.of("pay-payment", 46, "mall-order", 2);
        Scenario s = new Scenario("kill-x", Scenario.Kind.KILL, "seata", Duration.ofMillis(10), Duration.ofMillis(10));

        ChaosReport.Result r = ChaosCommand.runScenario(s, replayUntil(log, log.recovered, 10, 2, 20), log,
                checker(log, pass("STOCK")), out);

        assertThat(r.invariantsOk()).isTrue();
        assertThat(r.recovery().pendingPayments()).isEqualTo(3);
        assertThat(r.recovery().tcConnections()).containsEntry("pay-payment", 46);
        assertThat(r.errors()).singleElement().asString().contains("pay-payment holds 46");
        assertThat(r.ok()).isFalse();

        ChaosCommandTest.FakeActions clean = new ChaosCommandTest.FakeActions();
        clean.pending = 3;
        ChaosReport.Result pendingOnly = ChaosCommand.runScenario(s, replayUntil(clean, clean.recovered, 10, 2, 20),
                clean, checker(clean, pass("STOCK")), out);
        assertThat(pendingOnly.errors()).isEmpty();
        assertThat(pendingOnly.ok()).as("3 payments still PENDING").isFalse();
    }
}
