package io.mallpay.tools.chaos;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The recovery judgement of a scenario, made after its drain and the TC settle: the throughput
 * windows and verdict ({@link RecoveryJudge}, timed faults only), the payments of the run still
 * PENDING ({@link FaultActions#pendingPaymentsSince}) and each service's connections to the TC
 * ({@link FaultActions#tcConnections}, more than {@link TcConnections#EXPECTED} added to
 * {@code errors}). A probe that fails is said on {@code out}; a failed pending-payment probe is an
 * error (the verdict cannot be made). Never throws.
 */
final class AfterRun {

    private AfterRun() {
    }

    static ChaosReport.Recovery recovery(Scenario s, ReplayProgress progress, InFlightGate.Outcome gate,
                                         Long injectNanos, Long recoverNanos, Long endNanos, Instant since,
                                         FaultActions actions, List<String> errors, PrintStream out) {
        RecoveryJudge.Rates rates = RecoveryJudge.Rates.NONE;
        if (!s.wholeRun() && progress.isStarted() && injectNanos != null && endNanos != null) {
            rates = RecoveryJudge.judge(progress.samples(), progress.startedNanos(), injectNanos, recoverNanos,
                    endNanos, progress.total());
            out.println("chaos: " + s.name() + " throughput before/during/after the fault " + ChaosTable.rates(
                    new ChaosReport.Recovery(0, null, rates.before(), rates.during(), rates.after(), null, null, null,
                            null)) + " invoices/s, best " + RecoveryJudge.WINDOW_SECONDS + "-s window after recovery "
                    + rates.bestWindowAfter() + "/s: " + (rates.recovered() == null ? "not judged"
                    : rates.recovered() ? "recovered" : "NOT recovered"));
        }
        Integer pending = null;
        try {
            pending = actions.pendingPaymentsSince(since);
            if (pending > 0) {
                out.println("chaos: " + pending + " payment(s) created since the scenario started are still PENDING");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add("interrupted counting pending payments");
        } catch (Exception e) {
            errors.add("could not count the run's pending payments: " + e.getMessage());
        }
        Map<String, Integer> connections = Map.of();
        try {
            connections = actions.tcConnections();
            errors.addAll(TcConnections.findings(connections));
        } catch (Exception e) {
            out.println("chaos: could not count the connections to the TC: " + e.getMessage());
        }
        return new ChaosReport.Recovery(s.minInFlight(), gate == null ? null : gate.met(), rates.before(),
                rates.during(), rates.after(), rates.bestWindowAfter(), rates.recovered(), pending, connections);
    }
}
