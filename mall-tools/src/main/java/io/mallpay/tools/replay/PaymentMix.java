package io.mallpay.tools.replay;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * How an order pays, drawn per invoice from the Olist marketplace's mix (../shared/data/README.md),
 * reproducibly: the draw depends only on the seed and the InvoiceNo, never on timing or worker.
 * First 2.9 % of orders are {@link #MULTI} (card plus voucher); the rest follow credit card 73.9 %,
 * boleto 19.0 %, voucher 5.6 %, debit card 1.5 %. Cards pay by CARD through the bank; boleto, a
 * prepaid bank slip, becomes a WALLET payment funded by a top-up of the payable amount; a voucher
 * becomes one of the customer's coupons with the rest paid by CARD.
 */
public enum PaymentMix {
    CREDIT_CARD("CARD", false),
    DEBIT_CARD("CARD", false),
    BOLETO("WALLET", false),
    VOUCHER("CARD", true),
    MULTI("CARD", true);

    /** Per mille, in the order they are drawn. */
    static final int MULTI_PER_MILLE = 29;
    static final int CREDIT_PER_MILLE = 739;
    static final int DEBIT_PER_MILLE = 15;
    static final int BOLETO_PER_MILLE = 190;

    private final String method;
    private final boolean coupon;

    PaymentMix(String method, boolean coupon) {
        this.method = method;
        this.coupon = coupon;
    }

    /** {@code CARD} or {@code WALLET}: the method of {@code POST /api/payments}. */
    public String method() {
        return method;
    }

    /** Whether the order tries one of the customer's coupons at checkout. */
    public boolean usesCoupon() {
        return coupon;
    }

    public static PaymentMix choose(long seed, String invoiceNo) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ fnv64(invoiceNo));
        if (r.nextInt(1000) < MULTI_PER_MILLE) {
            return MULTI;
        }
        int u = r.nextInt(1000);
        if (u < CREDIT_PER_MILLE) {
            return CREDIT_CARD;
        }
        if (u < CREDIT_PER_MILLE + DEBIT_PER_MILLE) {
            return DEBIT_CARD;
        }
        return u < CREDIT_PER_MILLE + DEBIT_PER_MILLE + BOLETO_PER_MILLE ? BOLETO : VOUCHER;
    }

    /** FNV-1a over UTF-8: a hash that, unlike String.hashCode, spreads short similar strings. */
    static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
