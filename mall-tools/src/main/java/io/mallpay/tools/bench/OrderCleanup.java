package io.mallpay.tools.bench;

import io.mallpay.tools.replay.StorefrontApi.Answer;

import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cancels the orders a load left CREATED (the benchmark's runs, the chaos overload), so none holds
 * stock or waits for the payment-timeout job: {@link #WORKERS} workers drain the queue, each order
 * cancelled once through the storefront ({@code POST /api/orders/{id}/cancel}: idempotent on the
 * order; an order already paid answers 409 and is counted as failed).
 */
final class OrderCleanup {

    /** Parallel cancellations: enough to drain hundreds of orders in seconds on two cores. */
    static final int WORKERS = 8;

    /** One cancellation through the storefront. */
    @FunctionalInterface
    interface Canceller {
        Answer cancel(long orderId) throws InterruptedException;
    }

    private OrderCleanup() {
    }

    /**
     * Cancels every order in {@code orders} (the queue is drained), waiting at most {@code timeout}.
     *
     * @return how many cancellations were not answered 2xx (the payment-timeout job releases those)
     */
    static long cancelAll(Canceller api, Queue<Long> orders, long timeout, TimeUnit unit)
            throws InterruptedException {
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        for (int i = 0; i < WORKERS; i++) {
            pool.submit(() -> {
                Long id;
                while ((id = orders.poll()) != null) {
                    try {
                        if (!api.cancel(id).ok()) {
                            failed.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(timeout, unit)) {
            pool.shutdownNow();
        }
        return failed.get();
    }
}
