package io.mallpay.tools.chaos;

import io.mallpay.tools.check.CheckResult;
import io.mallpay.tools.check.InvariantResult;
import io.mallpay.tools.check.Status;
import io.mallpay.tools.check.Violation;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosCommandTest {

    /** Records every action with its time since the fake was made (ms). */
    static final class FakeActions implements FaultActions {
        final long t0 = System.nanoTime();
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final List<Long> at = Collections.synchronizedList(new ArrayList<>());
        boolean failInject;

        void note(String e) {
            events.add(e);
            at.add((System.nanoTime() - t0) / 1_000_000);
        }

        @Override
        public void kill(String component) throws IOException {
            note("kill " + component);
            if (failInject) {
                throw new IOException("no such process");
            }
        }

        @Override
        public void start(String component) {
            note("start " + component);
        }

        @Override
        public void freeze(String component) {
            note("freeze " + component);
        }

        @Override
        public void thaw(String component) {
            note("thaw " + component);
        }

        @Override
        public void bankCallbackMode(String mode) {
            note("bank " + mode);
        }

        @Override
        public void clearBankCallbackMode() {
            note("bank cleared");
        }

        @Override
        public void failPoint(String component, String point) {
            note("fail " + component + " " + point);
        }

        /** Answers of the TC probe in turn; 0 once they are used up. */
        final java.util.Deque<Integer> live = new java.util.ArrayDeque<>();

        @Override
        public int liveGlobalTransactions() {
            Integer next = live.poll();
            return next == null ? 0 : next;
        }

        @Override
        public void clearPoint(String component, String point) {
            note("clear " + component + " " + point);
        }
    }

    /** Starts its invoices after {@code importMs}, finishes {@code perInvoiceMs} per invoice. */
    static ReplayRunner replay(FakeActions log, long importMs, int invoices, long perInvoiceMs) {
        return (scenario, listener) -> {
            log.note("replay start");
            Thread.sleep(importMs);
            listener.started();
            for (int i = 1; i <= invoices; i++) {
                Thread.sleep(perInvoiceMs);
                listener.progress(i);
            }
            log.note("replay end");
            return new ReplayRunner.Result(0, Map.of("outcomes", Map.of("PAID", invoices),
                    "drain", Map.of("drained", true)));
        };
    }

    static ChaosCommand.Checker checker(FakeActions log, InvariantResult... results) {
        return since -> {
            log.note("check");
            return new CheckResult(Instant.now(), since, List.of(results));
        };
    }

    static InvariantResult pass(String name) {
        return new InvariantResult(name, name, Status.PASS, 1, "rows", 0, 0, List.of());
    }

    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void killIsInjectedAfterTheFirstInvoiceHeldThenRecoveredBeforeTheReplayEndsAndTheCheck() {
        FakeActions log = new FakeActions();
        log.live.add(7);
        Scenario s = new Scenario("kill-x", Scenario.Kind.KILL, "pay-fund", Duration.ofMillis(200), Duration.ofMillis(300));

        ChaosReport.Result r = ChaosCommand.runScenario(s, replay(log, 100, 20, 50), log,
                checker(log, pass("STOCK"), pass("GLOBAL_TRANSACTIONS")), out);

        assertThat(log.events).containsExactly("replay start", "kill pay-fund", "start pay-fund", "replay end", "check");
        long kill = log.at.get(1);
        long start = log.at.get(2);
        assertThat(kill).isBetween(280L, 600L);          // 100 ms import + 200 ms after the first invoice
        assertThat(start - kill).isBetween(290L, 600L);  // held 300 ms
        assertThat(r.injectedAt()).isBetween(0.2, 0.7);
        assertThat(r.replayStartedAt()).isBetween(0.05, 0.4);
        assertThat(r.doneAtInjection()).isBetween(1, 6);
        assertThat(r.globalTxAtInjection()).isEqualTo(7);
        assertThat(r.recoveredAt()).isGreaterThan(r.injectedAt());
        assertThat(r.drainAfterRecovery()).isNotNull().isGreaterThanOrEqualTo(0.0);
        assertThat(r.outcomes()).containsEntry("PAID", 20);
        assertThat(r.invariantsOk()).isTrue();
        assertThat(r.errors()).isEmpty();
        assertThat(r.ok()).isTrue();
    }

    @Test
    void freezeIsThawedAndAFailedInvariantWithItsGlobalTransactionRowsIsReported() {
        FakeActions log = new FakeActions();
        Scenario s = new Scenario("freeze-x", Scenario.Kind.FREEZE, "mall-points", Duration.ofMillis(50),
                Duration.ofMillis(100));
        InvariantResult gtx = new InvariantResult("GLOBAL_TRANSACTIONS", "none unfinished", Status.FAIL, 1, "global",
                1, 0, List.of(new Violation(Status.FAIL, "unfinished global transaction",
                Map.of("xid", "127.0.0.1:8091:1", "status", "Rollbacking(4)"))));

        ChaosReport.Result r = ChaosCommand.runScenario(s, replay(log, 10, 10, 30), log,
                checker(log, pass("STOCK"), gtx), out);

        assertThat(log.events).containsExactly("replay start", "freeze mall-points", "thaw mall-points", "replay end",
                "check");
        assertThat(r.invariantsOk()).isFalse();
        assertThat(r.failedInvariants()).containsExactly("GLOBAL_TRANSACTIONS");
        assertThat(r.unfinishedGlobalTx()).hasSize(1);
        assertThat(r.unfinishedGlobalTx().get(0)).containsEntry("problem", "unfinished global transaction");
        assertThat(r.failedRows()).containsKey("GLOBAL_TRANSACTIONS");
        assertThat(r.ok()).isFalse();
    }

    @Test
    void bankTwiceIsSetBeforeTheReplayAndClearedAfterIt() {
        FakeActions log = new FakeActions();
        Scenario s = Scenario.named("bank-twice").orElseThrow();

        ChaosReport.Result r = ChaosCommand.runScenario(s, replay(log, 10, 3, 10), log, checker(log, pass("STOCK")),
                out);

        assertThat(log.events).containsExactly("bank TWICE", "replay start", "replay end", "bank cleared", "check");
        assertThat(r.injectedAt()).isEqualTo(0.0);
        assertThat(r.doneAtInjection()).isZero();
        assertThat(r.recoveredAt()).isNotNull();
        assertThat(r.drainAfterRecovery()).isNull();
        assertThat(r.ok()).isTrue();
    }

    @Test
    void aReplayThatEndsBeforeTheFaultIsDueInjectsNothingAndIsNotOk() {
        FakeActions log = new FakeActions();
        Scenario s = new Scenario("kill-x", Scenario.Kind.KILL, "pay-fund", Duration.ofSeconds(5), Duration.ofSeconds(5));

        ChaosReport.Result r = ChaosCommand.runScenario(s, replay(log, 10, 2, 10), log, checker(log, pass("STOCK")),
                out);

        assertThat(log.events).containsExactly("replay start", "replay end", "check");
        assertThat(r.injectedAt()).isNull();
        assertThat(r.errors()).singleElement().asString().contains("nothing was injected");
        assertThat(r.ok()).isFalse();
    }

    @Test
    void aFailedInjectionIsAnErrorAndNothingIsRecovered() {
        FakeActions log = new FakeActions();
        log.failInject = true;
        Scenario s = new Scenario("kill-x", Scenario.Kind.KILL, "pay-fund", Duration.ofMillis(20), Duration.ofMillis(20));

        ChaosReport.Result r = ChaosCommand.runScenario(s, replay(log, 10, 10, 20), log, checker(log, pass("STOCK")),
                out);

        assertThat(log.events).containsExactly("replay start", "kill pay-fund", "replay end", "check");
        assertThat(r.injectedAt()).isNull();
        assertThat(r.errors()).singleElement().asString().contains("no such process");
    }

    @Test
    void aThrowingReplayStillRecoversAndChecks() {
        FakeActions log = new FakeActions();
        Scenario s = new Scenario("kill-x", Scenario.Kind.KILL, "mall-order", Duration.ofMillis(20),
                Duration.ofMillis(20));
        ReplayRunner broken = (scenario, listener) -> {
            listener.started();
            Thread.sleep(200);
            throw new IOException("storefront unreachable");
        };

        ChaosReport.Result r = ChaosCommand.runScenario(s, broken, log, checker(log, pass("STOCK")), out);

        assertThat(log.events).containsExactly("kill mall-order", "start mall-order", "check");
        assertThat(r.errors()).singleElement().asString().contains("storefront unreachable");
        assertThat(r.replayExit()).isNull();
    }

    @Test
    void bankDropAndNotifyDownAreTimedFaultsUndoneBeforeTheReplayEnds() {
        FakeActions log = new FakeActions();
        Scenario drop = new Scenario("drop-x", Scenario.Kind.BANK_DROP, "bank-sandbox", Duration.ofMillis(30),
                Duration.ofMillis(30));
        Scenario down = new Scenario("down-x", Scenario.Kind.NOTIFY_DOWN, "mall-order", Duration.ofMillis(30),
                Duration.ofMillis(30));

        assertThat(ChaosCommand.runScenario(drop, replay(log, 10, 10, 20), log, checker(log, pass("STOCK")), out).ok())
                .isTrue();
        assertThat(ChaosCommand.runScenario(down, replay(log, 10, 10, 20), log, checker(log, pass("STOCK")), out).ok())
                .isTrue();

        assertThat(log.events).containsExactly(
                "replay start", "bank NEVER", "bank cleared", "replay end", "check",
                "replay start", "fail mall-order order.payment-result.receive",
                "clear mall-order order.payment-result.receive", "replay end", "check");
        assertThat(drop.describe()).contains("NEVER");
        assertThat(down.describe()).contains("503");
    }

    @Test
    void afterTheDrainItWaitsForTheTcToHoldNoGlobalTransactionAndGivesUpAtTheTimeout() {
        FakeActions settling = new FakeActions();
        settling.live.addAll(List.of(3, 1, 0));
        assertThat(ChaosCommand.settle(settling, Duration.ofSeconds(5), 20, out)).isNotNull().isGreaterThanOrEqualTo(0.0);
        assertThat(settling.live).isEmpty();

        FakeActions stuck = new FakeActions();
        for (int i = 0; i < 1000; i++) {
            stuck.live.add(2);
        }
        long t0 = System.nanoTime();
        assertThat(ChaosCommand.settle(stuck, Duration.ofMillis(100), 10, out)).isNull();
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(90L, 2_000L);
    }

    @Test
    void scenarioListsParseInTheirOrderAndUnknownNamesAreRefused() {
        assertThat(ChaosOptions.parseScenarios("kill-seata,kill-fund")).extracting(Scenario::name)
                .containsExactly("kill-seata", "kill-fund");
        assertThat(ChaosOptions.parseScenarios("ci")).extracting(Scenario::name).containsExactlyElementsOf(Scenario.CI);
        assertThat(Scenario.CI).allSatisfy(n -> assertThat(Scenario.named(n)).isPresent());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChaosOptions.parseScenarios("kill-fund,kill-nothing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'kill-nothing'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChaosOptions.parseScenarios("kill-fund,"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("''");
    }

    @Test
    void stackActionsFindAComponentsPortInStackEnv() {
        StackFaultActions actions = new StackFaultActions(java.nio.file.Path.of("mall"), java.nio.file.Path.of(".run"),
                Map.of("MALL_ORDER_PORT", "8081", "BANK_SANDBOX_PORT", "8088"), out);
        assertThat(actions.port("mall-order")).isEqualTo(8081);
        assertThat(actions.port("bank-sandbox")).isEqualTo(8088);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> actions.port("pay-fund"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PAY_FUND_PORT");
    }

    @Test
    void allRunsTheScenariosInOrderAndTheTapFindsStartAndProgress() {
        assertThat(Scenario.ALL).extracting(Scenario::name).containsExactly("kill-fund", "kill-points",
                "kill-accounting", "kill-payment", "kill-order", "freeze-points", "bank-twice", "kill-inventory",
                "kill-coupon", "kill-bank", "kill-seata", "kill-rocketmq", "freeze-fund", "bank-drop", "notify-down");
        assertThat(Scenario.named("kill-accounting").orElseThrow().hold()).isEqualTo(Duration.ofSeconds(30));
        // a hung participant outlasts the Feign read timeout (15 s) plus the global transaction timeout (60 s)
        assertThat(Scenario.named("freeze-points").orElseThrow().hold()).isGreaterThan(Duration.ofSeconds(75 - 1));
        assertThat(Scenario.named("freeze-fund").orElseThrow().hold()).isGreaterThan(Duration.ofSeconds(75 - 1));
        assertThat(ChaosOptions.parseScenarios("all")).isEqualTo(Scenario.ALL);

        List<String> seen = new ArrayList<>();
        ReplayRunner.Listener listener = new ReplayRunner.Listener() {
            @Override
            public void started() {
                seen.add("started");
            }

            @Override
            public void progress(int done) {
                seen.add("done " + done);
            }
        };
        PrintStream tap = new PrintStream(new ToolsReplayRunner.Tap(out, listener), true, StandardCharsets.UTF_8);
        tap.println("replay: 130 invoices in the window, 120 to run on 8 workers");
        tap.println("replay: 12/120 invoices, 2.4/s, 0 errors");
        tap.print("\r[###---] 57/120 invoices, 3.0/s, 1 errors");
        tap.print("\r");
        assertThat(seen).containsExactly("started", "done 12", "done 57");
    }
}
