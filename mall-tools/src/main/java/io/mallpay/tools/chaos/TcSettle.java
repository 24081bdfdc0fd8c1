package io.mallpay.tools.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * After a scenario's replay drained: waits until the TC holds no global transaction begun before
 * the replay ended. Sessions it restored or kept retrying finish on its own schedule (a Begin
 * session rolls back at its 60 s timeout; a phase-2 retry waits for the participant's RM to
 * register again). Sessions begun later (mall-order's timeout job) are not waited for.
 */
final class TcSettle {

    /** Longest wait after the drain. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    static final long POLL_MILLIS = 2_000;

    private TcSettle() {
    }

    /**
     * Waits until the TC holds no global transaction begun before {@code replayEnd}, at most
     * {@code timeout}; returns the seconds it took, or null when it did not happen (the check then
     * names what is left). Polls every {@code pollMillis}; never throws.
     */
    static Double settle(FaultActions actions, Instant replayEnd, Duration timeout, long pollMillis, PrintStream out) {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        Integer live;
        while (true) {
            live = probe(actions, replayEnd, out);
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
    private static Integer probe(FaultActions actions, Instant replayEnd, PrintStream out) {
        try {
            return actions.liveGlobalTransactionsBegunBefore(replayEnd);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            out.println("chaos: could not count the global transactions left: " + e.getMessage());
        }
        return null;
    }
}
