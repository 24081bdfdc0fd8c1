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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosCommandTest {

    /**
     * Records every action with its System.nanoTime(); releases {@link #injected} on every fault
     * attempt and {@link #recovered} on every undo, so a fake replay can wait for them instead of
     * racing them.
     */
    static final class FakeActions implements FaultActions {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final List<Long> at = Collections.synchronizedList(new ArrayList<>());
        final Semaphore injected = new Semaphore(0);
        final Semaphore recovered = new Semaphore(0);
        /** The instants the settle wait asked about, in turn. */
        final List<Instant> begunBefore = Collections.synchronizedList(new ArrayList<>());
        volatile Instant replayEnded;
        boolean failInject;

        void note(String e) {
            events.add(e);
            at.add(System.nanoTime());
        }

        /** Nanoseconds from the first {@code from} event to the first {@code to} event. */
        long between(String from, String to) {
            return at.get(events.indexOf(to)) - at.get(events.indexOf(from));
        }

        @Override
        public void kill(String component) throws IOException {
            note("kill " + component);
            injected.release();
            if (failInject) {
                throw new IOException("no such process");
            }
        }

        @Override
        public void start(String component) {
            note("start " + component);
            recovered.release();
        }

        @Override
        public void freeze(String component) {
            note("freeze " + component);
            injected.release();
        }

        @Override
        public void thaw(String component) {
            note("thaw " + component);
            recovered.release();
        }

        @Override
        public void bankCallbackMode(String mode) {
            note("bank " + mode);
            injected.release();
        }

        @Override
        public void clearBankCallbackMode() {
            note("bank cleared");
            recovered.release();
        }

        @Override
        public void failPoint(String component, String point) {
            note("fail " + component + " " + point);
            injected.release();
        }

        @Override
        public void overload() {
            note("overload");
            injected.release();
        }

        @Override
        public void endOverload() {
            note("overload stopped");
            recovered.release();
        }

        /** Answers of the TC probe in turn; 0 once they are used up. */
        final java.util.Deque<Integer> live = new java.util.ArrayDeque<>();

        /** Answers of the settle wait's probe in turn; 0 once they are used up. */
        final java.util.Deque<Integer> left = new java.util.ArrayDeque<>();

        @Override
        public int liveGlobalTransactions() {
            Integer next = live.poll();
            return next == null ? 0 : next;
        }

        @Override
        public int liveGlobalTransactionsBegunBefore(Instant instant) {
            begunBefore.add(instant);
            Integer next = left.poll();
            return next == null ? 0 : next;
        }

        @Override
        public void clearPoint(String component, String point) {
            note("clear " + component + " " + point);
            recovered.release();
        }

        /** What the pending-payment probe answers; the instants it was asked about. */
        volatile int pending;
        final List<Instant> pendingSince = Collections.synchronizedList(new ArrayList<>());
        /** What the TC-connection probe answers. */
        volatile Map<String, Integer> connections = Map.of("mall-order", 2, "pay-payment", 2);

        @Override
        public int pendingPaymentsSince(Instant since) {
            pendingSince.add(since);
            return pending;
        }

        @Override
        public Map<String, Integer> tcConnections() {
            return connections;
        }
    }

    /** Longest a fake replay waits for the fault it expects (a safety net: the runner releases it far sooner). */
    private static final long GATE_SECONDS = 30;

    /**
     * Starts its invoices after {@code importMs}, reports {@code before} of them done, waits until
     * {@code gate} is released (a fault applied or undone), then reports the rest and ends.
     */
    static ReplayRunner replayUntil(FakeActions log, Semaphore gate, long importMs, int before, int invoices) {
        return (scenario, listener) -> {
            log.note("replay start");
            Thread.sleep(importMs);
            listener.started(invoices);
            for (int i = 1; i <= before; i++) {
                listener.progress(i);
            }
            gate.tryAcquire(GATE_SECONDS, TimeUnit.SECONDS);
            for (int i = before + 1; i <= invoices; i++) {
                listener.progress(i);
            }
            log.replayEnded = Instant.now();
            log.note("replay end");
            return new ReplayRunner.Result(0, Map.of("outcomes", Map.of("PAID", invoices),
                    "drain", Map.of("drained", true)));
        };
    }

    /** Starts its invoices after {@code importMs}, finishes {@code perInvoiceMs} per invoice. */
    static ReplayRunner replay(FakeActions log, long importMs, int invoices, long perInvoiceMs) {
        return (scenario, listener) -> {
            log.note("replay start");
            Thread.sleep(importMs);
            listener.started(invoices);
            for (int i = 1; i <= invoices; i++) {
                Thread.sleep(perInvoiceMs);
                listener.progress(i);
            }
            log.replayEnded = Instant.now();
            log.note("replay end");
            return new ReplayRunner.Result(0, Map.of("outcomes", Map.of("PAID", invoices),
                    "drain", Map.of("drained", true)));
        };
    }

    /** Notes "check" and what it was asked: [since, runEnded]. */
    static ChaosCommand.Checker checker(FakeActions log, List<Instant> asked, InvariantResult... results) {
        return (since, runEnded) -> {
            log.note("check");
            asked.add(since);
            asked.add(runEnded);
            return new CheckResult(Instant.now(), since, List.of(results));
        };
    }

    static ChaosCommand.Checker checker(FakeActions log, InvariantResult... results) {
        return checker(log, Collections.synchronizedList(new ArrayList<>()), results);
    }

    static InvariantResult pass(String name) {
        return new InvariantResult(name, name, Status.PASS, 1, "rows", 0, 0, List.of());
    }

    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void killIsInjectedAfterTheFirstInvoiceHeldThenRecoveredBeforeTheReplayEndsAndTheCheck() {
        FakeActions log = new FakeActions();
        log.live.add(7);
        List<Instant> asked = Collections.synchronizedList(new ArrayList<>());
        Scenario s = new Scenario("kill-x", Scenario.Kind.KILL, "pay-fund", Duration.ofMillis(200), Duration.ofMillis(300));
        Instant before = Instant.now();

        // 4 invoices done (a quarter of 20 is 5: the delay triggers), then the replay waits for the recovery: the
        // order below follows from the logic
        ChaosReport.Result r = ChaosCommand.runScenario(s, replayUntil(log, log.recovered, 100, 4, 20), log,
                checker(log, asked, pass("STOCK"), pass("GLOBAL_TRANSACTIONS")), out);

        assertThat(log.events).containsExactly("replay start", "kill pay-fund", "start pay-fund", "replay end", "check");
        // lower bounds only: 100 ms import + 200 ms after the first invoice, then held 300 ms
        assertThat(log.between("replay start", "kill pay-fund")).isGreaterThanOrEqualTo(300_000_000L);
        assertThat(log.between("kill pay-fund", "start pay-fund")).isGreaterThanOrEqualTo(300_000_000L);
        assertThat(r.replayStartedAt()).isGreaterThanOrEqualTo(0.1);
        assertThat(r.injectedAt()).isGreaterThanOrEqualTo(0.3);
        assertThat(r.recoveredAt() - r.injectedAt()).isGreaterThanOrEqualTo(0.3 - 0.1 - 1e-9); // each rounded to 0.1 s
        assertThat(r.doneAtInjection()).isBetween(0, 4);
        assertThat(r.globalTxAtInjection()).isEqualTo(7);
        assertThat(r.drainAfterRecovery()).isNotNull().isGreaterThanOrEqualTo(0.0);
        // the settle wait asked about sessions begun before the replay ended, until none was left
        assertThat(log.begunBefore).hasSize(1).allSatisfy(i -> assertThat(i).isAfterOrEqualTo(log.replayEnded));
        assertThat(r.settleSeconds()).isNotNull();
        // the check judged what was written since the start, and sessions begun before the replay ended
        assertThat(asked.get(0)).isBetween(before, log.replayEnded);
        assertThat(asked.get(1)).isEqualTo(log.begunBefore.get(0));
        assertThat(r.outcomes()).containsEntry("PAID", 20);
        assertThat(r.invariantsOk()).isTrue();
        assertThat(r.errors()).isEmpty();
        // the replay ended within 60 s of the recovery: recovered; no payment left PENDING since the start
        assertThat(r.recovery().throughputRecovered()).isTrue();
        assertThat(r.recovery().pendingPayments()).isZero();
        assertThat(log.pendingSince).containsExactly(asked.get(0));
        assertThat(r.recovery().inFlightMet()).isNull();
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

        ChaosReport.Result r = ChaosCommand.runScenario(s, replayUntil(log, log.recovered, 10, 2, 10), log,
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
        // due an hour after the first invoice: the runner waits on the replay itself, not the clock
        Scenario s = new Scenario("kill-x", Scenario.Kind.KILL, "pay-fund", Duration.ofHours(1), Duration.ofSeconds(5));

        // total unknown (0): no quarter rule, only the delay
        ReplayRunner quick = (scenario, listener) -> {
            log.note("replay start");
            listener.started(0);
            listener.progress(1);
            listener.progress(2);
            log.note("replay end");
            return new ReplayRunner.Result(0, Map.of());
        };
        ChaosReport.Result r = ChaosCommand.runScenario(s, quick, log, checker(log, pass("STOCK")), out);

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

        ChaosReport.Result r = ChaosCommand.runScenario(s, replayUntil(log, log.injected, 10, 2, 10), log,
                checker(log, pass("STOCK")), out);

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
            listener.started(10);
            log.recovered.tryAcquire(GATE_SECONDS, TimeUnit.SECONDS);
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

        assertThat(ChaosCommand.runScenario(drop, replayUntil(log, log.recovered, 10, 2, 10), log,
                checker(log, pass("STOCK")), out).ok()).isTrue();
        assertThat(ChaosCommand.runScenario(down, replayUntil(log, log.recovered, 10, 2, 10), log,
                checker(log, pass("STOCK")), out).ok()).isTrue();

        assertThat(log.events).containsExactly(
                "replay start", "bank NEVER", "bank cleared", "replay end", "check",
                "replay start", "fail mall-order order.payment-result.receive",
                "clear mall-order order.payment-result.receive", "replay end", "check");
        assertThat(drop.describe()).contains("NEVER");
        assertThat(down.describe()).contains("503");
    }

    @Test
    void afterTheDrainItWaitsForTheTcToHoldNoGlobalTransactionTheRunBeganAndGivesUpAtTheTimeout() {
        Instant replayEnd = Instant.parse("2026-11-21T07:00:00Z");
        FakeActions settling = new FakeActions();
        settling.left.addAll(List.of(3, 1, 0, 5));
        assertThat(TcSettle.settle(settling, replayEnd, Duration.ofMinutes(5), 1, out)).isNotNull()
                .isGreaterThanOrEqualTo(0.0);
        assertThat(settling.left).containsExactly(5);  // stopped at the first 0
        assertThat(settling.begunBefore).containsExactly(replayEnd, replayEnd, replayEnd);

        FakeActions stuck = new FakeActions();
        for (int i = 0; i < 100_000; i++) {
            stuck.left.add(2);
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        assertThat(TcSettle.settle(stuck, replayEnd, Duration.ofMillis(100), 1,
                new PrintStream(said, true, StandardCharsets.UTF_8))).isNull();
        // it waited the whole timeout (a lower bound from the logic) and gave up: null, though 0 would come after
        // 100,000 answers
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(100_000_000L);
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("still holds 2 global transaction(s) begun before");
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
                "kill-coupon", "kill-bank", "kill-seata", "kill-seata-2", "kill-seata-3", "kill-rocketmq", "freeze-fund",
                "bank-drop", "notify-down", "overload");
        assertThat(Scenario.named("overload").orElseThrow().hold()).isEqualTo(Duration.ofSeconds(30));
        assertThat(Scenario.named("overload").orElseThrow().ordinal()).isEqualTo(17);
        assertThat(Scenario.named("kill-accounting").orElseThrow().hold()).isEqualTo(Duration.ofSeconds(30));
        // a hung participant outlasts the Feign read timeout (15 s) plus the global transaction timeout (60 s)
        assertThat(Scenario.named("freeze-points").orElseThrow().hold()).isGreaterThan(Duration.ofSeconds(75 - 1));
        assertThat(Scenario.named("freeze-fund").orElseThrow().hold()).isGreaterThan(Duration.ofSeconds(75 - 1));
        assertThat(ChaosOptions.parseScenarios("all")).isEqualTo(Scenario.ALL);

        List<String> seen = new ArrayList<>();
        ReplayRunner.Listener listener = new ReplayRunner.Listener() {
            @Override
            public void started(int total) {
                seen.add("started " + total);
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
        assertThat(seen).containsExactly("started 120", "done 12", "done 57");
    }
}
