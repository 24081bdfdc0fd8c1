package io.mallpay.tools.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * One scenario of {@code ./mall bench}: how one measured run at a given concurrency is done. Every
 * scenario here is a global transaction of the mall, so each is also measured against the
 * baseline (the four mall services restarted with Seata off).
 */
interface BenchScenario {

    /** The scenarios on offer, in the order they run. */
    List<String> NAMES = List.of("checkout", "checkout-cart", "hot-sku", "cancel");

    String name();

    /** What one transaction is, for the report. */
    String describe();

    /**
     * One run: {@code run.loop()} measures the scenario's operation. Orders it leaves CREATED go to
     * {@code run.orders()}; the command cancels them afterwards, unmeasured.
     *
     * @return the measurement plus scenario-specific figures (may be empty)
     */
    Result run(Run run) throws Exception;

    /** A measured run's figures. */
    record Result(ClosedLoop.Measured measured, Map<String, Object> extra) {
    }

    /**
     * What a scenario gets for one run: {@code key} is unique per run (scenario, mode, concurrency
     * and the bench run's id) and prefixes every Idempotency-Key and every SKU it creates.
     */
    record Run(BenchClient client, String key, String mode, int concurrency, Duration duration,
               Queue<Long> orders, ClosedLoop.Tick onTick, HotSkuChecker checker, Sampler sampler) {

        /** Runs the load, with a /proc sample just before and just after it (the last loop's count). */
        ClosedLoop.Measured loop(ClosedLoop.Operation op) throws InterruptedException {
            sampler.before();
            ClosedLoop.Measured m = ClosedLoop.run(concurrency, duration, op, onTick);
            sampler.after();
            return m;
        }
    }

    /** Brackets the measured loop with two /proc samples. */
    interface Sampler {
        void before();

        void after();

        Sampler NONE = new Sampler() {
            @Override
            public void before() {
            }

            @Override
            public void after() {
            }
        };
    }

    /** Reads the inventory database for a hot SKU's final state (oversell check). */
    interface HotSkuChecker {
        Map<String, Object> check(String sku, int stock, long ordersTaken) throws Exception;
    }

    static BenchScenario of(String name) {
        return switch (name) {
            case "checkout" -> new CheckoutScenario("checkout", 1);
            case "checkout-cart" -> new CheckoutScenario("checkout-cart", 10);
            case "hot-sku" -> new HotSkuScenario();
            case "cancel" -> new CancelScenario();
            default -> throw new IllegalArgumentException("unknown scenario " + name + " (known: " + NAMES + ")");
        };
    }
}
