package io.mallpay.tools.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.tools.replay.StorefrontApi.Answer;

import java.util.List;
import java.util.Set;

/**
 * One sale invoice: checkout as the invoice's customer, then (unless the order is to be abandoned)
 * pay. Rules, in order:
 * <ol>
 *   <li>The cart is the invoice's product lines as written ({@link Cart}). A line-level rejection
 *   (BAD_QUANTITY, UNKNOWN_SKU) drops the lines it is about, counts them by code and resends the
 *   rest under the next checkout key; an empty cart ends as CHECKOUT_REJECTED with that code.</li>
 *   <li>Voucher and multi-method orders ({@link PaymentMix#usesCoupon}) send the customer's
 *   lowest-id coupon whose {@code minOrderCents} fits the file's value of the cart. LOCKED or USED
 *   coupons are not ruled out beforehand: on a re-run the coupon is held by this invoice's own
 *   earlier order, and the same body must be sent to get that order back. COUPON_NOT_USABLE, or no
 *   fitting coupon, counts {@code coupon_unavailable} and the order goes on without one.</li>
 *   <li>Any other rejection ends the invoice (CHECKOUT_REJECTED; ERROR when the storefront did not
 *   answer or answered 5xx after the retries).</li>
 *   <li>Payment: WALLET tops the wallet up by the payable amount first; CARD opens the customer's
 *   bank card {@code R-<customerId>} with {@value #CARD_BALANCE_CENTS}p and binds it, once per
 *   customer per run. CARD answers PENDING and is polled until PAID, FAILED or CLOSED (at most
 *   {@code cardWait}). A refused or failed payment cancels its order, so stock, points and coupon
 *   go back at once rather than at the payment deadline; a payment still PENDING is left alone.</li>
 * </ol>
 */
final class SaleFlow {

    static final long CARD_BALANCE_CENTS = 1_000_000_000L;
    private static final Set<String> COUPON_REFUSED = Set.of("COUPON_NOT_USABLE", "UNKNOWN_COUPON");

    private final StorefrontApi api;
    private final ReplayKeys keys;
    private final long seed;
    private final ReplayStats stats;
    private final CardPayments cards;

    SaleFlow(StorefrontApi api, ReplayKeys keys, long seed, ReplayStats stats, CardPayments cards) {
        this.api = api;
        this.keys = keys;
        this.seed = seed;
        this.stats = stats;
        this.cards = cards;
    }

    void run(Invoice inv, boolean pay) throws InterruptedException {
        Cart cart = Cart.of(inv);
        stats.lines.add("non_product", cart.nonProductLines());
        stats.lines.add("merged_duplicate", cart.duplicateLines());
        PaymentMix mix = PaymentMix.choose(seed, inv.invoiceNo());
        stats.payments.add("mix." + mix.name());
        Long coupon = mix.usesCoupon() ? coupon(inv.customerId(), cart.estimateCents()) : null;
        for (int attempt = 0; ; attempt++) {
            long t0 = System.nanoTime();
            Answer a = api.checkout(keys.checkout(inv.invoiceNo(), attempt), inv.customerId(), cart.lines(), coupon);
            if (a.ok()) {
                stats.checkout.addNanos(System.nanoTime() - t0);
                stats.replayed.add("checkout", a.replayed() ? 1 : 0);
                stats.lines.add("ordered", cart.lines().size());
                if (coupon != null) {
                    stats.payments.add("coupon_applied");
                }
                placed(inv, a.body(), pay, mix);
                return;
            }
            List<Cart.Line> bad = cart.offending(a.code(), a.detail());
            if (!bad.isEmpty()) {
                stats.lines.add(a.code(), bad.size());
                cart = cart.without(bad);
                if (cart.isEmpty()) {
                    end(inv, "checkout", a, ReplayStats.CHECKOUT_REJECTED);
                    return;
                }
            } else if (coupon != null && COUPON_REFUSED.contains(a.code())) {
                stats.payments.add("coupon_unavailable");
                coupon = null;
            } else {
                end(inv, "checkout", a, ReplayStats.CHECKOUT_REJECTED);
                return;
            }
        }
    }

    private Long coupon(long userId, long estimateCents) throws InterruptedException {
        Answer a = api.coupons(userId);
        if (a.ok() && a.body().isArray()) {
            for (JsonNode c : a.body()) {
                if (c.path("minOrderCents").asLong(Long.MAX_VALUE) <= estimateCents) {
                    return c.path("couponId").asLong();
                }
            }
        }
        stats.payments.add("coupon_unavailable");
        return null;
    }

    private void placed(Invoice inv, JsonNode order, boolean pay, PaymentMix mix) throws InterruptedException {
        long orderId = order.path("orderId").asLong();
        stats.orderOfInvoice.put(inv.invoiceNo(), orderId);
        if (!pay) {
            stats.outcome(ReplayStats.ABANDONED);
            return;
        }
        long user = inv.customerId();
        Answer setup = "WALLET".equals(mix.method())
                ? api.topUp(user, keys.topUp(inv.invoiceNo()), order.path("payableCents").asLong())
                : cards.ensureCard(user);
        if (!setup.ok()) {
            end(inv, "WALLET".equals(mix.method()) ? "top-up" : "card", setup, ReplayStats.ERROR);
            release(orderId);
            return;
        }
        long t0 = System.nanoTime();
        Answer p = api.pay(keys.payment(inv.invoiceNo()), orderId, mix.method());
        if (!p.ok()) {
            end(inv, "payment", p, ReplayStats.PAYMENT_REJECTED);
            release(orderId);
            return;
        }
        stats.pay.addNanos(System.nanoTime() - t0);
        stats.replayed.add("payment", p.replayed() ? 1 : 0);
        String paymentId = p.body().path("paymentId").asText();
        String status = p.body().path("status").asText();
        boolean earlierRun = p.replayed() && "PAID".equals(status);
        if ("PENDING".equals(status) && "CARD".equals(mix.method())) {
            JsonNode settled = cards.awaitSettled(paymentId, t0);
            status = settled == null ? "PENDING" : settled.path("status").asText();
            p = settled == null ? p : new Answer(200, settled, p.replayed());
        }
        switch (status) {
            case "PAID" -> {
                stats.paidOrders.put(orderId, paymentId);
                stats.freshPaid.addAndGet(earlierRun ? 0 : 1);
                stats.outcome(ReplayStats.PAID);
            }
            case "PENDING" -> stats.outcome(ReplayStats.PAYMENT_PENDING);
            default -> {
                stats.reject("payment", status + "." + p.body().path("failureCode").asText("NONE"));
                stats.outcome(ReplayStats.PAYMENT_FAILED);
                release(orderId);
            }
        }
    }

    /** Cancels an order whose payment did not happen (idempotent; counted, never fatal). */
    private void release(long orderId) throws InterruptedException {
        Answer a = api.cancel(orderId);
        stats.payments.add(a.ok() ? "released_unpaid_order" : "release_refused." + a.code());
    }

    private void end(Invoice inv, String step, Answer a, String outcome) {
        String code = a.code();
        stats.reject(step, code);
        stats.example(step + "." + code, inv.invoiceNo() + ": " + a.detail());
        stats.outcome(a.status() == 0 || a.status() >= 500 ? ReplayStats.ERROR : outcome);
    }
}
