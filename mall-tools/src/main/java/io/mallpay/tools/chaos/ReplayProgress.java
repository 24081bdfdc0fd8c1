package io.mallpay.tools.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * What {@code ./mall chaos} knows of a running replay: when its first invoice started, how many it
 * will run, and every progress count with its {@link System#nanoTime()} (the samples the
 * throughput windows of {@link RecoveryJudge} are computed from). The replay's thread reports; the
 * runner's thread waits on it. Thread-safe.
 *
 * <p><b>Injection trigger</b> ({@link #awaitTrigger}): a timed fault is due {@code injectAfter}
 * after the first invoice <em>or</em> once a quarter of the invoices the replay will run are done
 * (at least 1), whichever comes first, so that on a fast machine the fault still meets work in
 * flight.
 */
final class ReplayProgress implements ReplayRunner.Listener {

    /** One progress count at a {@link System#nanoTime()}. */
    record Sample(long nanos, int done) {
    }

    private long startedNanos;
    private int total;
    private boolean started;
    private final List<Sample> samples = new ArrayList<>();

    @Override
    public synchronized void started(int total) {
        if (!started) {
            started = true;
            startedNanos = System.nanoTime();
            this.total = Math.max(0, total);
            notifyAll();
        }
    }

    @Override
    public synchronized void progress(int done) {
        samples.add(new Sample(System.nanoTime(), done));
        notifyAll();
    }

    synchronized boolean isStarted() {
        return started;
    }

    /** nanoTime of the first invoice; meaningful once {@link #isStarted()}. */
    synchronized long startedNanos() {
        return startedNanos;
    }

    /** Invoices the replay will run (0 = unknown). */
    synchronized int total() {
        return total;
    }

    /** The last reported count (0 before any). */
    synchronized int done() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).done();
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Invoices done at which a fault is due: a quarter of {@link #total()} rounded up, at least 1; MAX_VALUE when unknown. */
    static int quarter(int total) {
        return total <= 0 ? Integer.MAX_VALUE : Math.max(1, (total + 3) / 4);
    }

    /** Waits until the first invoice started or the replay finished; true when it started. */
    synchronized boolean awaitStarted(Future<?> replaying) throws InterruptedException {
        while (!started && !replaying.isDone()) {
            wait(ChaosCommand.POLL_MILLIS);
        }
        return started;
    }

    /**
     * Waits, once started, until {@code injectAfterNanos} after the first invoice or until
     * {@link #quarter} of the total are done, whichever comes first. Returns false when the replay
     * finished first (nothing is then due: a fault never comes after the work is over).
     */
    synchronized boolean awaitTrigger(Future<?> replaying, long injectAfterNanos) throws InterruptedException {
        long due = startedNanos + injectAfterNanos;
        int atDone = quarter(total);
        while (true) {
            if (replaying.isDone()) {
                return false;
            }
            if (done() >= atDone) {
                return true;
            }
            long wait = due - System.nanoTime();
            if (wait <= 0) {
                return true;
            }
            long millis = Math.min(ChaosCommand.POLL_MILLIS, Math.max(1, wait / 1_000_000));
            wait(millis);
        }
    }
}
