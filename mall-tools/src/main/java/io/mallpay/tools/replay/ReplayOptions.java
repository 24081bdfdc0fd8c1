package io.mallpay.tools.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Options of {@code ./mall replay} and {@code ./mall demo}.
 *
 * @param stackEnv     the running stack's {@code .run/stack.env}
 * @param file         a retail CSV; null means {@link #DEFAULT_FILE}, the shared sample
 * @param orders       replay the first N checkouts + cancellations (see {@link ReplayPlan}); null for all
 * @param concurrency  workers (≥ 1); one customer's invoices always go to the same one
 * @param report       where to write the summary as JSON; null for none
 * @param seed         seed of the payment mix and of the import's grants
 * @param invariants   called once after the drain with the instant the replay started; its result
 *                     goes under "invariants", and a Map with {@code "ok" = false} makes the exit code 1
 * @param drainTimeout longest wait for the drain (null: {@link #DEFAULT_DRAIN_TIMEOUT})
 * @param cardWait     longest wait for one CARD payment's bank result (null: {@link #DEFAULT_CARD_WAIT})
 * @param restock      before the invoices run, top up every SKU the plan orders to its demand
 *                     ({@code --restock}, {@link Restocker})
 */
public record ReplayOptions(Path stackEnv, Path file, Integer orders, int concurrency, Path report, long seed,
                            Function<Instant, Object> invariants, Duration drainTimeout, Duration cardWait,
                            boolean restock) {

    public static final Path DEFAULT_FILE = Path.of("../shared/data/online-retail/online_retail_2010-12_2011-02.csv");
    public static final int DEFAULT_CONCURRENCY = 16;
    public static final long DEFAULT_SEED = 42;
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofMinutes(5);
    /** Above the platform's bank query delay (30 s) plus its scan period, so a lost callback still settles. */
    public static final Duration DEFAULT_CARD_WAIT = Duration.ofMinutes(2);
    /** The demo: the first 200 checkouts + cancellations of the shared sample on 8 workers. */
    public static final int DEMO_ORDERS = 200;
    public static final int DEMO_CONCURRENCY = 8;

    public ReplayOptions {
        if (stackEnv == null) {
            throw new IllegalArgumentException("replay needs the stack's stack.env");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be ≥ 1, was " + concurrency);
        }
        if (orders != null && orders < 0) {
            throw new IllegalArgumentException("--orders must be ≥ 0, was " + orders);
        }
        file = file == null ? DEFAULT_FILE : file;
        drainTimeout = drainTimeout == null ? DEFAULT_DRAIN_TIMEOUT : drainTimeout;
        cardWait = cardWait == null ? DEFAULT_CARD_WAIT : cardWait;
    }

    public ReplayOptions(Path stackEnv, Path file, Integer orders, int concurrency, Path report, long seed,
                         Function<Instant, Object> invariants) {
        this(stackEnv, file, orders, concurrency, report, seed, invariants, null, null, false);
    }

    /** The whole shared sample, 16 workers, seed 42, no report, no invariant check. */
    public static ReplayOptions defaults(Path stackEnv) {
        return new ReplayOptions(stackEnv, null, null, DEFAULT_CONCURRENCY, null, DEFAULT_SEED, null);
    }

    /** {@code ./mall demo}: a fixed, modest replay of the shared sample. */
    public static ReplayOptions demo(Path stackEnv, Path report, Function<Instant, Object> invariants) {
        return new ReplayOptions(stackEnv, null, DEMO_ORDERS, DEMO_CONCURRENCY, report, DEFAULT_SEED, invariants);
    }
}
