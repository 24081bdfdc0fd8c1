package io.mallpay.tools.chaos;

import io.mallpay.tools.check.CheckCommand;
import io.mallpay.tools.check.CheckResult;
import io.mallpay.tools.check.InvariantResult;
import io.mallpay.tools.check.Status;
import io.mallpay.tools.check.Violation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./mall chaos SCENARIO|all}: per {@link Scenario}, a replay of real invoices runs in a
 * background thread while one fault is applied {@link Scenario#injectAfter()} after its first
 * invoice, held for {@link Scenario#hold()}, then undone; the replay finishes and drains; then
 * {@link CheckCommand#evaluate} checks every invariant for what was written since the scenario
 * started, a global transaction begun before the replay ended and still live after the settle
 * wait counting as unfinished. A whole-run fault ({@code bank-twice}) is set before the replay and cleared after it.
 * The per-scenario table is printed at the end and the {@link ChaosReport} written as JSON.
 *
 * <p>Exit code 0 when every scenario's invariants hold and every action ran, 1 otherwise.
 */
public final class ChaosCommand {

    /**
     * The invariant check run after a scenario: {@code since} = the scenario's start,
     * {@code runEnded} = when its replay ended (null when it never did).
     */
    interface Checker {
        CheckResult check(Instant since, Instant runEnded) throws Exception;
    }

    static final String GLOBAL_TRANSACTIONS = "GLOBAL_TRANSACTIONS";
    private static final long POLL_MILLIS = 200;
    /**
     * Longest wait, after the replay drained, for the TC to hold no global transaction begun before
     * the replay ended: sessions it restored or kept retrying finish on its own schedule (a Begin
     * session rolls back at its 60 s timeout; a phase-2 retry waits for the participant's RM to
     * register again). Sessions begun later (mall-order's timeout job) are not waited for.
     */
    static final java.time.Duration SETTLE_TIMEOUT = java.time.Duration.ofMinutes(5);
    private static final long SETTLE_POLL_MILLIS = 2_000;

    private ChaosCommand() {
    }

    public static int run(ChaosOptions options, PrintStream out) {
        Map<String, String> env;
        try {
            env = CheckCommand.readEnv(options.stackEnv());
        } catch (IOException e) {
            out.println("chaos failed: cannot read " + options.stackEnv() + ": " + e.getMessage());
            return 1;
        }
        StackFaultActions actions = new StackFaultActions(options.mallScript(), options.runDir(), env, out);
        // Ctrl-C in the middle of a scenario must not leave a process stopped or the bank doubling.
        Thread undo = new Thread(actions::undoAll, "chaos-undo");
        Runtime.getRuntime().addShutdownHook(undo);
        ChaosReport report = runAll(options.scenarios(), new ToolsReplayRunner(options, out), actions,
                (since, runEnded) -> CheckCommand.evaluate(options.stackEnv(), since, runEnded), out);
        try {
            Runtime.getRuntime().removeShutdownHook(undo);
        } catch (IllegalStateException e) {
            // shutting down already: the hook runs
        }
        report.printTable(out);
        if (options.report() != null) {
            try {
                report.write(options.report());
                out.println("chaos: report written to " + options.report());
            } catch (IOException e) {
                out.println("chaos: cannot write " + options.report() + ": " + e.getMessage());
                return 1;
            }
        }
        return report.ok() ? 0 : 1;
    }

    static ChaosReport runAll(List<Scenario> scenarios, ReplayRunner replay, FaultActions actions, Checker checker,
                              PrintStream out) {
        ChaosReport report = new ChaosReport();
        for (Scenario s : scenarios) {
            out.println("chaos: == " + s.name() + ": " + s.describe()
                    + (s.wholeRun() ? " for the whole run" : " " + s.injectAfter().toSeconds() + " s after the first"
                    + " invoice, for " + s.hold().toSeconds() + " s") + " ==");
            report.add(runScenario(s, replay, actions, checker, out));
        }
        return report;
    }

    /** One scenario: replay in the background, fault, recovery, drain, check. Never throws. */
    static ChaosReport.Result runScenario(Scenario s, ReplayRunner replay, FaultActions actions, Checker checker,
                                          PrintStream out) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch started = new CountDownLatch(1);
        AtomicLong startedNanos = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        ReplayRunner.Listener listener = new ReplayRunner.Listener() {
            @Override
            public void started() {
                if (started.getCount() > 0) {
                    startedNanos.set(System.nanoTime());
                    started.countDown();
                }
            }

            @Override
            public void progress(int n) {
                done.set(n);
            }
        };
        Double injectedAt = null;
        Integer doneAtInjection = null;
        Integer globalTxAtInjection = null;
        Double recoveredAt = null;
        Double recoverySeconds = null;
        Double replayEndedAt = null;
        Instant replayEnd = null;
        Double settleSeconds = null;
        ReplayRunner.Result result = null;
        boolean faultOn = false;
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "chaos-replay");
            t.setDaemon(true);
            return t;
        });
        try {
            if (s.wholeRun()) {
                faultOn = apply(s, actions, errors, out);
                if (faultOn) {
                    injectedAt = seconds(t0);
                    doneAtInjection = 0;
                }
            }
            Future<ReplayRunner.Result> replaying = pool.submit(() -> replay.run(s, listener));
            if (!s.wholeRun()) {
                while (!started.await(POLL_MILLIS, TimeUnit.MILLISECONDS) && !replaying.isDone()) {
                    // waiting for the first invoice
                }
                if (started.getCount() == 0 && !finishedBefore(replaying, startedNanos.get() + s.injectAfter().toNanos())) {
                    globalTxAtInjection = probe(actions, out);
                    faultOn = apply(s, actions, errors, out);
                    if (faultOn) {
                        injectedAt = seconds(t0);
                        doneAtInjection = done.get();
                        out.println("chaos: " + s.describe() + " at " + ChaosReport.num(injectedAt) + " s, "
                                + doneAtInjection + " invoices done, " + (globalTxAtInjection == null ? "?"
                                : globalTxAtInjection) + " global transactions in flight; holding "
                                + s.hold().toSeconds() + " s");
                        Thread.sleep(s.hold().toMillis());
                        long r0 = System.nanoTime();
                        faultOn = false;
                        if (undo(s, actions, errors, out)) {
                            recoveredAt = seconds(t0);
                            recoverySeconds = (System.nanoTime() - r0) / 1e9;
                            out.println("chaos: " + s.target() + " recovered at " + ChaosReport.num(recoveredAt)
                                    + " s (" + ChaosReport.num(recoverySeconds) + " s to recover)");
                        }
                    }
                } else if (started.getCount() == 0) {
                    errors.add("the replay ended before the fault was due: nothing was injected");
                }
            }
            result = replaying.get();
            replayEnd = Instant.now();
            replayEndedAt = seconds(t0);
            if (s.wholeRun() && faultOn) {
                long r0 = System.nanoTime();
                faultOn = false;
                if (undo(s, actions, errors, out)) {
                    recoveredAt = seconds(t0);
                    recoverySeconds = (System.nanoTime() - r0) / 1e9;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add("interrupted");
        } catch (Exception e) {
            errors.add("replay failed: " + (e.getCause() != null ? e.getCause() : e));
        } finally {
            if (faultOn) {
                undo(s, actions, errors, out);
            }
            pool.shutdownNow();
        }
        if (result != null && result.exitCode() != 0) {
            errors.add("the replay exited " + result.exitCode());
        }
        if (replayEnd != null) {
            settleSeconds = settle(actions, replayEnd, SETTLE_TIMEOUT, SETTLE_POLL_MILLIS, out);
        }
        Map<String, Object> summary = result == null || result.summary() == null ? Map.of() : result.summary();
        // A whole-run fault is cleared after the drain: there is no drain after its recovery.
        Double drainAfterRecovery = !s.wholeRun() && recoveredAt != null && replayEndedAt != null
                ? Math.max(0, Math.round((replayEndedAt - recoveredAt) * 10) / 10.0) : null;

        Boolean ok = null;
        List<String> failed = new ArrayList<>();
        Map<String, List<Map<String, Object>>> failedRows = new LinkedHashMap<>();
        List<Map<String, Object>> unfinished = new ArrayList<>();
        try {
            CheckResult check = checker.check(start, replayEnd);
            ok = check.exitCode() == 0;
            for (InvariantResult inv : check.invariants()) {
                if (inv.status() == Status.FAIL) {
                    failed.add(inv.name());
                    failedRows.put(inv.name(), inv.rows().stream().map(ChaosCommand::row).toList());
                }
                if (GLOBAL_TRANSACTIONS.equals(inv.name())) {
                    inv.rows().forEach(v -> unfinished.add(row(v)));
                }
            }
        } catch (Exception e) {
            errors.add("check failed: " + e);
        }
        return new ChaosReport.Result(s.name(), s.describe(),
                started.getCount() == 0 ? (startedNanos.get() - t0) / 1e9 : null, injectedAt, doneAtInjection,
                globalTxAtInjection,
                recoveredAt, recoverySeconds, result == null ? null : result.exitCode(), map(summary.get("outcomes")),
                map(summary.get("replayed")), replayEndedAt, drainAfterRecovery, map(summary.get("drain")), settleSeconds,
                ok,
                failed, failedRows, unfinished, List.copyOf(errors));
    }

    /** Waits until {@code deadline} (nanoTime); true when the replay finished first. */
    private static boolean finishedBefore(Future<?> replaying, long deadline) throws InterruptedException {
        long wait = deadline - System.nanoTime();
        if (wait <= 0) {
            return replaying.isDone();
        }
        try {
            replaying.get(wait, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    /**
     * Waits until the TC holds no global transaction begun before {@code replayEnd}, at most
     * {@code timeout}; returns the seconds it took, or null when it did not happen (the check then
     * names what is left). Polls every {@code pollMillis}; never throws.
     */
    static Double settle(FaultActions actions, Instant replayEnd, java.time.Duration timeout, long pollMillis,
                         PrintStream out) {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        Integer live;
        while (true) {
            live = settleProbe(actions, replayEnd, out);
            if (live != null && live == 0) {
                double s = Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
                if (s > 0) {
                    out.println("chaos: the TC holds no global transaction begun before the replay ended "
                            + ChaosReport.num(s) + " s after the drain");
                }
                return s;
            }
            if (System.nanoTime() > deadline) {
                out.println("chaos: the TC still holds " + live + " global transaction(s) begun before the replay"
                        + " ended " + timeout.toSeconds() + " s after the drain");
                return null;
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** Live global transactions begun before {@code replayEnd}; null (and a line) when the console does not answer. */
    private static Integer settleProbe(FaultActions actions, Instant replayEnd, PrintStream out) {
        try {
            return actions.liveGlobalTransactionsBegunBefore(replayEnd);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            out.println("chaos: could not count the global transactions left: " + e.getMessage());
        }
        return null;
    }

    /** Live global transactions just before the fault; null (and a line) when the console does not answer. */
    private static Integer probe(FaultActions actions, PrintStream out) {
        try {
            return actions.liveGlobalTransactions();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            out.println("chaos: could not count the global transactions in flight: " + e.getMessage());
        }
        return null;
    }

    private static boolean apply(Scenario s, FaultActions actions, List<String> errors, PrintStream out) {
        try {
            s.inject(actions);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add("inject interrupted");
        } catch (Exception e) {
            errors.add("inject (" + s.describe() + ") failed: " + e.getMessage());
            out.println("chaos: inject failed: " + e.getMessage());
        }
        return false;
    }

    private static boolean undo(Scenario s, FaultActions actions, List<String> errors, PrintStream out) {
        try {
            s.recover(actions);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add("recovery interrupted");
        } catch (Exception e) {
            errors.add("recovery of " + s.target() + " failed: " + e.getMessage());
            out.println("chaos: recovery failed: " + e.getMessage());
        }
        return false;
    }

    private static Map<String, Object> row(Violation v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", v.severity().name());
        m.put("problem", v.problem());
        m.put("values", v.values());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : Map.of();
    }

    private static double seconds(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
    }
}
