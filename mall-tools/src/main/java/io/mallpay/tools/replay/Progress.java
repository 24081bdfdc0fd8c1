package io.mallpay.tools.replay;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress while the replay runs: on a terminal a one-line bar redrawn with {@code \r} four times
 * a second; otherwise a plain line every 5 s, {@code replay: 312/2000 invoices, 41.2/s, 3 errors}.
 * Invoices are the worked ones (checkouts and cancellations); errors are outcomes other than
 * PAID, ABANDONED, CANCELLED and CANCEL_NOTHING; the rate is invoices done per second so far.
 */
final class Progress implements AutoCloseable {

    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final ReplayStats stats;
    private final int total;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replay-progress");
        t.setDaemon(true);
        return t;
    });

    Progress(PrintStream out, boolean terminal, ReplayStats stats, int total) {
        this(out, terminal, stats, total, System::nanoTime);
    }

    /** {@code nanoClock}: where the rate's elapsed time comes from (System::nanoTime; a fixed one in tests). */
    Progress(PrintStream out, boolean terminal, ReplayStats stats, int total, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.stats = stats;
        this.total = total;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    Progress start() {
        long period = terminal ? 250 : 5000;
        timer.scheduleAtFixedRate(this::print, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    static String line(int done, int total, double perSecond, int errors) {
        return String.format(Locale.ROOT, "replay: %d/%d invoices, %.1f/s, %d errors", done, total, perSecond, errors);
    }

    static String bar(int done, int total, double perSecond, int errors) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * Math.min(done, total) / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%d/%d invoices, %.1f/s, %d errors", done, total, perSecond, errors);
    }

    private synchronized void print() {
        int done = stats.done();
        double seconds = (nanoClock.getAsLong() - startNanos) / 1e9;
        double rate = seconds <= 0 ? 0 : done / seconds;
        if (terminal) {
            out.print("\r" + bar(done, total, rate, stats.errors()));
        } else {
            out.println(line(done, total, rate, stats.errors()));
        }
        out.flush();
    }

    /** Stops the timer and prints the final state (ending the bar's line). */
    @Override
    public void close() {
        timer.shutdownNow();
        print();
        if (terminal) {
            out.println();
        }
    }
}
