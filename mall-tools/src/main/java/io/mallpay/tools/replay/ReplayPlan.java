package io.mallpay.tools.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the replay does with each invoice, decided up front because the file is known in advance.
 *
 * <ul>
 *   <li>Invoices are taken in {@link Invoice#TIME_ORDER}. A sale with a customer and at least one
 *   product line is a <b>checkout</b>; a C invoice matched to an earlier sale is a
 *   <b>cancellation</b>. {@code limit} N keeps the invoices up to and including the N-th of
 *   those; the skipped invoices before it are kept too, so they are counted.</li>
 *   <li>Skipped, by reason: {@code guest} (no CustomerID), {@code adjustment} (A invoice),
 *   {@code non_product_only} (a sale with only postage/fee codes), {@code cancel_non_product}
 *   (a C invoice of fees only), {@code cancel_unmatched} (no earlier sale to cancel).</li>
 *   <li>Matching, over the whole file: a C invoice cancels the latest earlier sale of the same
 *   customer whose product StockCodes include all of its own and that no other C invoice has
 *   claimed. A partial return therefore cancels the whole order (the storefront has no partial
 *   cancel).</li>
 *   <li>A sale whose cancellation is in the window is checked out but not paid
 *   ({@link Action#CHECKOUT_ONLY}: an abandoned order) and cancelled when its C invoice comes.</li>
 * </ul>
 */
public final class ReplayPlan {

    public enum Action { CHECKOUT_AND_PAY, CHECKOUT_ONLY, CANCEL, SKIP }

    /** @param cancels for CANCEL, the InvoiceNo of the sale it cancels; @param skipReason for SKIP */
    public record Step(Invoice invoice, Action action, String cancels, String skipReason) {
        public boolean worked() {
            return action != Action.SKIP;
        }
    }

    private final List<Step> steps;

    private ReplayPlan(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public List<Step> steps() {
        return steps;
    }

    /** @param sorted invoices in time order; @param limit null for all, else ≥ 0 checkouts + cancellations */
    public static ReplayPlan build(List<Invoice> sorted, Integer limit) {
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("--orders must be ≥ 0, was " + limit);
        }
        Map<String, String> saleOfCancel = matchCancellations(sorted);
        List<Step> window = new ArrayList<>();
        int actionable = 0;
        for (Invoice inv : sorted) {
            if (limit != null && actionable >= limit) {
                break;
            }
            Step s = firstLook(inv, saleOfCancel.get(inv.invoiceNo()));
            window.add(s);
            actionable += s.worked() ? 1 : 0;
        }
        Set<String> cancelledInWindow = new HashSet<>();
        window.stream().filter(s -> s.action() == Action.CANCEL).forEach(s -> cancelledInWindow.add(s.cancels()));
        List<Step> out = new ArrayList<>(window.size());
        for (Step s : window) {
            boolean abandoned = s.action() == Action.CHECKOUT_AND_PAY && cancelledInWindow.contains(s.invoice().invoiceNo());
            out.add(abandoned ? new Step(s.invoice(), Action.CHECKOUT_ONLY, null, null) : s);
        }
        return new ReplayPlan(out);
    }

    /** C InvoiceNo → the sale InvoiceNo it cancels (see the class comment for the rule). */
    static Map<String, String> matchCancellations(List<Invoice> sorted) {
        Map<Long, List<Invoice>> salesByCustomer = new HashMap<>();
        Set<String> claimed = new HashSet<>();
        Map<String, String> out = new HashMap<>();
        for (Invoice inv : sorted) {
            if (inv.guest() || inv.productCodes().isEmpty()) {
                continue;
            }
            List<Invoice> sales = salesByCustomer.computeIfAbsent(inv.customerId(), k -> new ArrayList<>());
            if (inv.kind() == Invoice.Kind.SALE) {
                sales.add(inv);
            } else if (inv.kind() == Invoice.Kind.CANCELLATION) {
                Set<String> codes = inv.productCodes();
                for (int i = sales.size() - 1; i >= 0; i--) {
                    Invoice sale = sales.get(i);
                    if (!claimed.contains(sale.invoiceNo()) && sale.productCodes().containsAll(codes)) {
                        claimed.add(sale.invoiceNo());
                        out.put(inv.invoiceNo(), sale.invoiceNo());
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static Step firstLook(Invoice inv, String matchedSale) {
        return switch (inv.kind()) {
            case ADJUSTMENT -> skip(inv, "adjustment");
            case SALE -> inv.guest() ? skip(inv, "guest")
                    : inv.productCodes().isEmpty() ? skip(inv, "non_product_only")
                    : new Step(inv, Action.CHECKOUT_AND_PAY, null, null);
            case CANCELLATION -> inv.guest() ? skip(inv, "guest")
                    : inv.productCodes().isEmpty() ? skip(inv, "cancel_non_product")
                    : matchedSale == null ? skip(inv, "cancel_unmatched")
                    : new Step(inv, Action.CANCEL, matchedSale, null);
        };
    }

    private static Step skip(Invoice inv, String reason) {
        return new Step(inv, Action.SKIP, null, reason);
    }

    /** Count of steps per action, and of skips per reason ({@code skipped.<reason>}). */
    public Map<String, Integer> counts() {
        Map<String, Integer> c = new TreeMap<>();
        for (Step s : steps) {
            c.merge(s.worked() ? s.action().name() : "skipped." + s.skipReason(), 1, Integer::sum);
        }
        return c;
    }

    public int worked() {
        return (int) steps.stream().filter(Step::worked).count();
    }

    /**
     * The worked steps split into {@code n} lanes by customer, each lane in time order: one
     * customer's invoices always share a lane, so a cancellation runs after its sale and a
     * customer's payments never race each other's limits.
     */
    public List<List<Step>> lanes(int n) {
        List<List<Step>> lanes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lanes.add(new ArrayList<>());
        }
        steps.stream().filter(Step::worked).forEach(s -> lanes.get(lane(s.invoice().customerId(), n)).add(s));
        return lanes;
    }

    /** Lane of a customer: a mixed hash of the id modulo {@code n}, stable across runs. */
    public static int lane(long customerId, int n) {
        long h = customerId * 0x9E3779B97F4A7C15L;
        return (int) Math.floorMod(h ^ (h >>> 32), (long) n);
    }
}
