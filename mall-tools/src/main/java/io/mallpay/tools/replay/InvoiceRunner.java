package io.mallpay.tools.replay;

import io.mallpay.tools.replay.StorefrontApi.Answer;

import java.time.Duration;

/**
 * Runs one worked step of the plan. Sales go to {@link SaleFlow}. A cancellation cancels the order
 * its sale became: CANCELLED when the storefront answers the order cancelled (also when the
 * payment deadline had already cancelled it), CANCEL_REFUSED with the code otherwise (e.g.
 * ORDER_NOT_CANCELLABLE once paid), CANCEL_NOTHING when its sale was rejected at checkout. An
 * unexpected exception ends the step as ERROR and the replay goes on.
 */
final class InvoiceRunner {

    private final StorefrontApi api;
    private final ReplayStats stats;
    private final SaleFlow sales;

    InvoiceRunner(StorefrontApi api, ReplayKeys keys, long seed, ReplayStats stats, Duration cardWait) {
        this.api = api;
        this.stats = stats;
        this.sales = new SaleFlow(api, keys, seed, stats, new CardPayments(api, stats, cardWait));
    }

    void run(ReplayPlan.Step step) throws InterruptedException {
        try {
            switch (step.action()) {
                case CHECKOUT_AND_PAY -> sales.run(step.invoice(), true);
                case CHECKOUT_ONLY -> sales.run(step.invoice(), false);
                case CANCEL -> cancel(step);
                case SKIP -> throw new IllegalArgumentException("a skipped invoice is not run");
            }
        } catch (RuntimeException e) {
            stats.reject("error", e.getClass().getSimpleName());
            stats.example("error." + e.getClass().getSimpleName(), step.invoice().invoiceNo() + ": " + e.getMessage());
            stats.outcome(ReplayStats.ERROR);
        }
    }

    private void cancel(ReplayPlan.Step step) throws InterruptedException {
        Long orderId = stats.orderOfInvoice.get(step.cancels());
        if (orderId == null) {
            stats.outcome(ReplayStats.CANCEL_NOTHING);
            return;
        }
        long t0 = System.nanoTime();
        Answer a = api.cancel(orderId);
        if (a.ok() && "CANCELLED".equals(a.body().path("status").asText())) {
            stats.cancel.addNanos(System.nanoTime() - t0);
            stats.outcome(ReplayStats.CANCELLED);
            return;
        }
        String code = a.ok() ? "STATUS_" + a.body().path("status").asText() : a.code();
        stats.reject("cancel", code);
        stats.example("cancel." + code, step.invoice().invoiceNo() + " (order " + orderId + "): " + a.detail());
        stats.outcome(a.status() == 0 || a.status() >= 500 ? ReplayStats.ERROR : ReplayStats.CANCEL_REFUSED);
    }
}
