package io.mallpay.tools.chaos;

import java.util.List;

/**
 * Whether a replay's throughput came back after a fault, from its progress samples
 * ({@link ReplayProgress.Sample}: invoices done at a nanoTime; between samples the count is the
 * last one reported). Rates are invoices done per second:
 * <ul>
 *   <li><b>before</b>: done at the injection / seconds from the first invoice to the injection;</li>
 *   <li><b>during</b>: done between the injection and the recovery / that span;</li>
 *   <li><b>after</b>: done between the recovery and the replay's end or {@link #AFTER_SECONDS} after
 *       the recovery, whichever is first / that span.</li>
 * </ul>
 * <b>Verdict</b>: recovered when the replay ran all its invoices (or ended) within
 * {@link #AFTER_SECONDS} of the recovery, or when the best {@link #WINDOW_SECONDS}-s window that
 * starts at the recovery or at a sample and ends within those {@link #AFTER_SECONDS} did at least
 * half the before-rate ({@link #RECOVERED_SHARE}). Not judged (null) without a recovery or a
 * before-span. Pure: times are passed in.
 */
final class RecoveryJudge {

    static final long AFTER_SECONDS = 60;
    static final long WINDOW_SECONDS = 10;
    static final double RECOVERED_SHARE = 0.5;
    private static final long S = 1_000_000_000L;

    /**
     * Rates in invoices/s (null when their span is empty) and the verdict.
     *
     * @param bestWindowAfter the best {@link #WINDOW_SECONDS}-s window rate after recovery; null when no whole window fit
     * @param recovered       the verdict; null when not judged
     */
    record Rates(Double before, Double during, Double after, Double bestWindowAfter, Boolean recovered) {
        static final Rates NONE = new Rates(null, null, null, null, null);
    }

    private RecoveryJudge() {
    }

    /**
     * @param started    nanoTime of the first invoice
     * @param injected   nanoTime of the injection
     * @param recovered  nanoTime the fault was undone; null when it was not
     * @param ended      nanoTime the replay returned (after its drain)
     * @param total      invoices the replay runs (0 = unknown)
     */
    static Rates judge(List<ReplayProgress.Sample> samples, long started, long injected, Long recovered, long ended,
                       int total) {
        Double before = rate(samples, started, injected);
        if (recovered == null) {
            return new Rates(before, rate(samples, injected, ended), null, null, null);
        }
        Double during = rate(samples, injected, recovered);
        long limit = recovered + AFTER_SECONDS * S;
        Double after = rate(samples, recovered, Math.min(ended, limit));
        Double best = null;
        for (long a : starts(samples, recovered, limit - WINDOW_SECONDS * S)) {
            double r = (doneAt(samples, a + WINDOW_SECONDS * S) - doneAt(samples, a)) / (double) WINDOW_SECONDS;
            best = best == null ? r : Math.max(best, r);
        }
        boolean finished = ended <= limit || (total > 0 && doneAt(samples, limit) >= total);
        Boolean verdict = finished ? Boolean.TRUE
                : before == null ? null
                : best != null && best >= RECOVERED_SHARE * before;
        return new Rates(before, during, after, best == null ? null : round(best), verdict);
    }

    /** Window starts: the recovery, and just before each sample up to {@code lastStart}. */
    private static List<Long> starts(List<ReplayProgress.Sample> samples, long recovered, long lastStart) {
        java.util.ArrayList<Long> starts = new java.util.ArrayList<>();
        starts.add(recovered);
        for (ReplayProgress.Sample s : samples) {
            long a = s.nanos() - 1;
            if (a > recovered && a <= lastStart) {
                starts.add(a);
            }
        }
        return starts;
    }

    /** Invoices per second in (from, to]; null when the span is empty. */
    static Double rate(List<ReplayProgress.Sample> samples, long from, long to) {
        if (to <= from) {
            return null;
        }
        return round((doneAt(samples, to) - doneAt(samples, from)) / ((to - from) / (double) S));
    }

    /** The last count reported at or before {@code t}; 0 before any. */
    static int doneAt(List<ReplayProgress.Sample> samples, long t) {
        int done = 0;
        for (ReplayProgress.Sample s : samples) {
            if (s.nanos() > t) {
                break;
            }
            done = s.done();
        }
        return done;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
