package io.mallpay.tools.bench;

import io.mallpay.tools.replay.StorefrontApi.Answer;

import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code cancel}: first, unmeasured, the same closed loop of 1-line checkouts for the run's
 * duration fills a pool of CREATED orders; then the measured loop cancels them ({@code POST
 * /api/orders/{id}/cancel}: order CANCELLED, stock released, point unfrozen) until the pool is
 * empty or the duration is up. Orders left over go back to the command's clean-up.
 */
final class CancelScenario implements BenchScenario {

    private final CheckoutScenario fill = new CheckoutScenario("cancel-fill", 1);

    @Override
    public String name() {
        return "cancel";
    }

    @Override
    public String describe() {
        return "POST /api/orders/{id}/cancel of a 1-line order";
    }

    @Override
    public Result run(Run run) throws InterruptedException {
        ConcurrentLinkedQueue<Long> pool = new ConcurrentLinkedQueue<>();
        Run filling = new Run(run.client(), run.key() + "f", run.mode(), run.concurrency(), run.duration(), pool,
                null, run.checker(), BenchScenario.Sampler.NONE);
        ClosedLoop.Measured filled = filling.loop((w, n) -> fill.checkout(filling, w, n));
        int created = pool.size();
        AtomicInteger nothingLeft = new AtomicInteger();
        ClosedLoop.Measured m = run.loop((worker, n) -> {
            Long orderId = pool.poll();
            if (orderId == null) {
                nothingLeft.incrementAndGet();
                return new ClosedLoop.Outcome(null, true);
            }
            Answer a = run.client().cancel(orderId);
            if (!a.ok()) {
                run.orders().add(orderId);
                return ClosedLoop.Outcome.failed(a.code());
            }
            return ClosedLoop.Outcome.OK;
        });
        run.orders().addAll(pool);
        return new Result(m, Map.of("ordersCreated", created, "fillErrors", filled.errors(),
                "poolEmptied", nothingLeft.get() > 0));
    }
}
