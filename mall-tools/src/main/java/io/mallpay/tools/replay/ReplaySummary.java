package io.mallpay.tools.replay;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The end-of-run summary: one map, printed as a readable block and written as JSON. Keys: run
 * parameters, {@code rules} (the rules this replay applied), {@code import}, {@code invoices}
 * (the plan), {@code outcomes} per worked invoice, {@code rejections} by step and code,
 * {@code lines}, {@code payments} (mix drawn, coupons, released orders), {@code retries},
 * {@code replayed} (answers to an earlier run's identical request),
 * {@code examples} (the first detail per rejection), {@code throughput}, {@code latencyMs} per
 * step (p50/p95/p99), {@code drain} and {@code invariants}.
 */
final class ReplaySummary {

    static final List<String> RULES = List.of(
            "invoices grouped by InvoiceNo, taken in time order (InvoiceDate, then InvoiceNo); --orders N keeps"
                    + " the invoices up to the N-th checkout or cancellation",
            "workers are lanes by customer: one customer's invoices run in order on one worker",
            "skipped: guest (no CustomerID), adjustment (A), non_product_only, cancel_non_product, cancel_unmatched",
            "non-product lines (postage, fees, gift vouchers) are not sent; duplicate SKU lines are sent and merged"
                    + " by checkout (merged_duplicate); other dirty lines are sent as written; a cart over 100"
                    + " lines is sent whole and refused (VALIDATION_FAILED), as the storefront's cart limit",
            "a line-level rejection (BAD_QUANTITY, UNKNOWN_SKU) drops the lines it names, counts them by code and"
                    + " resends the rest under a new key; an emptied cart is CHECKOUT_REJECTED",
            "payment mix per invoice from seed + InvoiceNo: 2.9 % MULTI, else credit 73.9 %, boleto 19.0 %,"
                    + " voucher 5.6 %, debit 1.5 %; cards pay CARD, boleto pays WALLET after a top-up of the"
                    + " payable amount, VOUCHER/MULTI send a fitting coupon and pay the rest by CARD",
            "coupon: the customer's lowest-id coupon with minOrderCents <= the file's cart value; refused or"
                    + " none counts coupon_unavailable and the order goes on without it",
            "each customer's card R-<id> is opened at the bank and bound once per run; CARD is polled to PAID",
            "a refused or failed payment cancels its order (released_unpaid_order)",
            "a C invoice cancels the latest earlier unclaimed sale of the customer containing all its product"
                    + " codes; that sale is checked out and left unpaid, then cancelled (whole order)",
            "idempotency keys rp<seed>-<file sha256[0..10]>-<InvoiceNo>-c<attempt>|-pay|-topup: a re-run of the"
                    + " same file creates no new order, payment or top-up",
            "latency: successful checkout requests, pay requests, CARD pay request to PAID, cancel requests;"
                    + " percentiles by nearest rank",
            "drain: voucherCount grew by the run's new payments and stopped growing (3 s), no PENDING"
                    + " notification of the run, every paid order reads PAID; bounded by the drain timeout");

    private ReplaySummary() {
    }

    static Map<String, Object> latency(ReplayStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("checkout", s.checkout.summary());
        m.put("pay", s.pay.summary());
        m.put("cardToPaid", s.cardToPaid.summary());
        m.put("cancel", s.cancel.summary());
        return m;
    }

    static Map<String, Object> throughput(int invoices, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("invoices", invoices);
        m.put("seconds", Math.round(seconds * 10) / 10.0);
        m.put("perSecond", seconds <= 0 ? 0.0 : Math.round(invoices / seconds * 10) / 10.0);
        return m;
    }

    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> s, PrintStream out) {
        out.println("== replay summary ==");
        row(out, "file", s.get("file") + " (seed " + s.get("seed") + ", " + s.get("concurrency") + " workers, orders "
                + s.get("orders") + ")");
        row(out, "invoices", flat((Map<String, ?>) s.get("invoices")));
        row(out, "outcomes", flat((Map<String, ?>) s.get("outcomes")));
        row(out, "rejections", flat((Map<String, ?>) s.get("rejections")));
        row(out, "lines", flat((Map<String, ?>) s.get("lines")));
        row(out, "payments", flat((Map<String, ?>) s.get("payments")));
        row(out, "retries", flat((Map<String, ?>) s.get("retries")));
        row(out, "replayed", flat((Map<String, ?>) s.get("replayed")));
        Map<String, Object> t = (Map<String, Object>) s.get("throughput");
        row(out, "throughput", t.get("invoices") + " invoices in " + t.get("seconds") + " s = " + t.get("perSecond") + "/s");
        ((Map<String, Map<String, Object>>) s.get("latencyMs")).forEach((step, l) -> row(out, "latency " + step,
                l.get("p50") == null ? "-" : "p50 " + l.get("p50") + " ms, p95 " + l.get("p95") + " ms, p99 "
                        + l.get("p99") + " ms, max " + l.get("max") + " ms (n=" + l.get("count") + ")"));
        row(out, "drain", flat((Map<String, ?>) s.get("drain")));
        row(out, "invariants", String.valueOf(s.get("invariants")));
        ((Map<String, ?>) s.get("examples")).forEach((k, v) -> row(out, "example", k + " — " + v));
        ((List<String>) s.get("rules")).forEach(r -> row(out, "rule", r));
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf("  %-18s %s%n", label, value);
    }

    static String flat(Map<String, ?> m) {
        if (m == null || m.isEmpty()) {
            return "-";
        }
        return m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
