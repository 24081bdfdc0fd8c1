package io.mallpay.tools.bench;

import io.mallpay.tools.replay.StorefrontApi.Answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code checkout} (1-line carts) and {@code checkout-cart} (10-line carts): each worker buys one
 * unit of each of {@code lines} SKUs as one of its own users, freezing one point. Worker {@code w}
 * of {@code C} only uses the bench SKUs and users whose index is {@code w} modulo {@code C}, so no
 * two workers ever touch the same rows: what is measured is the path, not row contention.
 */
final class CheckoutScenario implements BenchScenario {

    private final String name;
    private final int lines;

    CheckoutScenario(String name, int lines) {
        this.name = name;
        this.lines = lines;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return "POST /api/orders, " + lines + " line" + (lines == 1 ? "" : "s") + " on spread SKUs, 1 point";
    }

    @Override
    public Result run(Run run) throws InterruptedException {
        return new Result(run.loop((worker, n) -> checkout(run, worker, n)), Map.of());
    }

    /** One checkout of worker {@code worker}; its order id goes to {@code run.orders()}. */
    ClosedLoop.Outcome checkout(Run run, int worker, long n) throws InterruptedException {
        Answer a = run.client().checkout(run.key() + "-" + worker + "-" + n,
                Fixtures.user(worker + run.concurrency() * (int) (n % (Fixtures.USERS / run.concurrency()))),
                skus(worker, run.concurrency(), n, lines), 1);
        if (!a.ok()) {
            return ClosedLoop.Outcome.failed(a.code());
        }
        run.orders().add(a.body().path("orderId").asLong());
        return ClosedLoop.Outcome.OK;
    }

    /** The SKUs of worker {@code worker}'s {@code n}-th cart: from its own slice, distinct when the slice allows. */
    static List<String> skus(int worker, int concurrency, long n, int lines) {
        int slice = Math.max(1, Fixtures.SKUS / concurrency);
        List<String> out = new ArrayList<>(lines);
        for (int k = 0; k < lines; k++) {
            int j = (int) ((n * lines + k) % slice);
            out.add(Fixtures.sku(worker + concurrency * j));
        }
        return out;
    }
}
