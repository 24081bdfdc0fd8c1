package io.mallpay.tools.chaos;

import io.mallpay.tools.check.CheckCommand;
import io.mallpay.tools.check.CheckResult;
import io.mallpay.tools.check.InvariantResult;
import io.mallpay.tools.check.Status;
import io.mallpay.tools.check.Violation;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./mall chaos SCENARIO|all}: per {@link Scenario}, a replay of real invoices runs in a
 * background thread while one fault is applied, held for {@link Scenario#hold()}, then undone; the
 * replay finishes and drains; the TC settles ({@link TcSettle}); then {@link CheckCommand#evaluate}
 * checks every invariant for what was written since the scenario started, a global transaction
 * begun before the replay ended and still live after the settle wait counting as unfinished.
 *
 * <p><b>When a timed fault is injected</b>: {@link Scenario#injectAfter()} after the replay's first
 * invoice or once a quarter of the invoices it will run are done, whichever comes first
 * ({@link ReplayProgress#awaitTrigger}); a scenario with {@link Scenario#minInFlight()} then waits
 * for that many global transactions in flight, at most {@link InFlightGate#BOUND} (injecting anyway
 * and recording it). A replay that ends first gets no fault (an error). A whole-run fault
 * ({@code bank-twice}) is set before the replay and cleared after it.
 *
 * <p><b>Recovery</b> ({@link AfterRun}): the throughput before, during and after the fault must come
 * back to half its pre-fault rate within 60 s of recovery ({@link RecoveryJudge}), no payment of the
 * run may be PENDING after the drain, and no service may hold more than 2 connections to the TC.
 * The per-scenario table is printed at the end and the {@link ChaosReport} written as JSON.
 *
 * <p>Exit code 0 when every scenario ran, held its invariants and recovered ({@link ChaosReport#ok()}), 1 otherwise.
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
    static final long POLL_MILLIS = 200;

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
                    + " invoice or once a quarter of the invoices are done, whichever is first"
                    + (s.minInFlight() > 0 ? ", then once " + s.minInFlight() + " global transactions are in flight"
                    + " (at most " + InFlightGate.BOUND.toSeconds() + " s more)" : "")
                    + ", for " + s.hold().toSeconds() + " s") + " ==");
            report.add(runScenario(s, replay, actions, checker, out));
        }
        return report;
    }

    /** One scenario: replay in the background, fault, recovery, drain, settle, judgement, check. Never throws. */
    static ChaosReport.Result runScenario(Scenario s, ReplayRunner replay, FaultActions actions, Checker checker,
                                          PrintStream out) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        ReplayProgress progress = new ReplayProgress();
        Double injectedAt = null;
        Integer doneAtInjection = null;
        InFlightGate.Outcome gate = null;
        Long injectNanos = null;
        Long recoverNanos = null;
        Double recoverySeconds = null;
        Long endNanos = null;
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
                    injectNanos = System.nanoTime();
                    doneAtInjection = 0;
                }
            }
            Future<ReplayRunner.Result> replaying = pool.submit(() -> replay.run(s, progress));
            if (!s.wholeRun() && progress.awaitStarted(replaying)) {
                if (progress.awaitTrigger(replaying, s.injectAfter().toNanos())) {
                    gate = InFlightGate.await(s.minInFlight(), actions, progress, replaying, InFlightGate.BOUND,
                            InFlightGate.POLL_MILLIS, out);
                    // never after the work is over: a replay that ended meanwhile gets no fault
                    boolean over = replaying.isDone();
                    if (over) {
                        errors.add("the replay ended before the fault was due: nothing was injected");
                    }
                    faultOn = !over && apply(s, actions, errors, out);
                    if (faultOn) {
                        injectNanos = System.nanoTime();
                        doneAtInjection = progress.done();
                        out.println("chaos: " + s.describe() + " at " + ChaosReport.num(secs(t0, injectNanos))
                                + " s, " + doneAtInjection + "/" + progress.total() + " invoices done, "
                                + (gate.inFlight() == null ? "?" : gate.inFlight())
                                + " global transactions in flight; holding " + s.hold().toSeconds() + " s");
                        Thread.sleep(s.hold().toMillis());
                        long r0 = System.nanoTime();
                        faultOn = false;
                        if (undo(s, actions, errors, out)) {
                            recoverNanos = System.nanoTime();
                            recoverySeconds = (recoverNanos - r0) / 1e9;
                            out.println("chaos: " + s.target() + " recovered at "
                                    + ChaosReport.num(secs(t0, recoverNanos)) + " s ("
                                    + ChaosReport.num(recoverySeconds) + " s to recover)");
                        }
                    }
                } else {
                    errors.add("the replay ended before the fault was due: nothing was injected");
                }
            }
            result = replaying.get();
            replayEnd = Instant.now();
            endNanos = System.nanoTime();
            if (s.wholeRun() && faultOn) {
                long r0 = System.nanoTime();
                faultOn = false;
                if (undo(s, actions, errors, out)) {
                    recoverNanos = System.nanoTime();
                    recoverySeconds = (recoverNanos - r0) / 1e9;
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
            settleSeconds = TcSettle.settle(actions, replayEnd, TcSettle.TIMEOUT, TcSettle.POLL_MILLIS, out);
        }
        ChaosReport.Recovery recovery = AfterRun.recovery(s, progress, gate, injectNanos, recoverNanos, endNanos,
                start, actions, errors, out);
        Map<String, Object> summary = result == null || result.summary() == null ? Map.of() : result.summary();
        Double recoveredAt = recoverNanos == null ? null : secs(t0, recoverNanos);
        Double replayEndedAt = endNanos == null ? null : secs(t0, endNanos);
        injectedAt = injectNanos == null ? null : secs(t0, injectNanos);
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
                progress.isStarted() ? secs(t0, progress.startedNanos()) : null, injectedAt, doneAtInjection,
                gate == null ? null : gate.inFlight(),
                recoveredAt, recoverySeconds, result == null ? null : result.exitCode(), map(summary.get("outcomes")),
                map(summary.get("replayed")), replayEndedAt, drainAfterRecovery, map(summary.get("drain")), settleSeconds,
                ok, failed, failedRows, unfinished, List.copyOf(errors), recovery);
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

    /** Seconds from {@code t0} to {@code t} (nanoTime), to 0.1 s. */
    static double secs(long t0, long t) {
        return Math.round((t - t0) / 1e8) / 10.0;
    }
}
