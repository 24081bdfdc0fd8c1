package io.mallpay.tools.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Future;

/**
 * For a scenario with {@link Scenario#minInFlight()} &gt; 0 ({@code kill-seata}): once the fault
 * is due, polls {@link FaultActions#liveGlobalTransactions()} every {@code pollMillis} until the TC
 * holds at least that many global transactions, at most until {@code bound} has passed or three
 * quarters of the replay's invoices are done (so that the fault still meets work), or the replay
 * finished. The fault is then injected either way; {@link Outcome#met()} says whether the
 * threshold was reached. A probe that fails counts as not reached (and is said on {@code out}).
 */
final class InFlightGate {

    /** Longest wait after the normal trigger for the threshold. */
    static final Duration BOUND = Duration.ofSeconds(60);
    static final long POLL_MILLIS = 500;

    /**
     * @param inFlight the last probe's answer (global transactions held just before the fault); null if none answered
     * @param met      true when {@code inFlight >= minInFlight}; null when the scenario sets no threshold
     */
    record Outcome(Integer inFlight, Boolean met) {
    }

    private InFlightGate() {
    }

    static Outcome await(int minInFlight, FaultActions actions, ReplayProgress progress, Future<?> replaying,
                         Duration bound, long pollMillis, PrintStream out) throws InterruptedException {
        if (minInFlight <= 0) {
            return new Outcome(probe(actions, out), null);
        }
        long deadline = System.nanoTime() + bound.toNanos();
        int lastQuarter = progress.total() <= 0 ? Integer.MAX_VALUE : (progress.total() * 3 + 3) / 4;
        Integer live = null;
        while (true) {
            live = probe(actions, out);
            if (live != null && live >= minInFlight) {
                return new Outcome(live, true);
            }
            if (System.nanoTime() >= deadline || progress.done() >= lastQuarter || replaying.isDone()) {
                out.println("chaos: " + (live == null ? "?" : live) + " global transactions in flight, fewer than "
                        + minInFlight + ": injecting anyway");
                return new Outcome(live, false);
            }
            Thread.sleep(pollMillis);
        }
    }

    /** Live global transactions right now; null (and a line) when the console does not answer. */
    static Integer probe(FaultActions actions, PrintStream out) throws InterruptedException {
        try {
            return actions.liveGlobalTransactions();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            out.println("chaos: could not count the global transactions in flight: " + e.getMessage());
            return null;
        }
    }
}
