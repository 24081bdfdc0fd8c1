package io.mallpay.tools.replay;

import io.mallpay.tools.replay.StorefrontApi.Answer;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --restock}: before the invoices run, tops every SKU the plan's checkouts order up to the
 * units they order in total, so a replay of invoices this stack has already sold (the same first
 * invoices of a file, replayed again with another seed) still finds stock instead of answering
 * OUT_OF_STOCK. It is the operator's restock (mall-inventory {@code POST
 * /internal/stock/{sku}/restock}), counted in the SKU's {@code restocked}, so the stock invariant
 * {@code available + reserved + sold = initial_stock + restocked} keeps holding. SKUs the stack
 * does not know are left to the checkout to reject (UNKNOWN_SKU), as without the option.
 */
final class Restocker {

    private Restocker() {
    }

    /** Units ordered per SKU by the plan's checkouts (product lines with a positive quantity). */
    static Map<String, Long> demand(ReplayPlan plan) {
        Map<String, Long> need = new TreeMap<>();
        for (ReplayPlan.Step step : plan.steps()) {
            if (step.action() != ReplayPlan.Action.CHECKOUT_AND_PAY && step.action() != ReplayPlan.Action.CHECKOUT_ONLY) {
                continue;
            }
            for (Cart.Line l : Cart.of(step.invoice()).lines()) {
                if (l.quantity() > 0) {
                    need.merge(l.sku(), (long) l.quantity(), Long::sum);
                }
            }
        }
        return need;
    }

    /**
     * Restocks each SKU whose available units are below its demand by the difference.
     *
     * @return counts: {@code skus} (in demand), {@code restocked} (SKUs topped up), {@code units}
     *         (units added), {@code unknown} (SKUs the stack answered 404 for), {@code failed}
     */
    static Map<String, Object> topUp(StorefrontApi api, ReplayPlan plan) throws InterruptedException {
        Map<String, Long> need = demand(plan);
        long restocked = 0;
        long units = 0;
        long unknown = 0;
        long failed = 0;
        for (Map.Entry<String, Long> e : need.entrySet()) {
            Answer product = api.product(e.getKey());
            if (product.status() == 404) {
                unknown++;
                continue;
            }
            if (!product.ok()) {
                failed++;
                continue;
            }
            long missing = e.getValue() - product.body().path("available").asLong();
            if (missing <= 0) {
                continue;
            }
            if (api.restock(e.getKey(), missing).ok()) {
                restocked++;
                units += missing;
            } else {
                failed++;
            }
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("skus", need.size());
        out.put("restocked", restocked);
        out.put("units", units);
        out.put("unknown", unknown);
        out.put("failed", failed);
        return out;
    }
}
