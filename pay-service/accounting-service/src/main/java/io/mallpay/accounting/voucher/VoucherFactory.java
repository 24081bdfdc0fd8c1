package io.mallpay.accounting.voucher;

import io.mallpay.pay.api.PaymentPaidEvent;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link PaymentPaidEvent} into its balanced voucher:
 * <pre>
 *   CARD:   Dr 1002 BANK_CLEARING  amount       WALLET: Dr 2203 USER_WALLET amount (user)
 *   then:   Cr 2202 MERCHANT_PAYABLE merchantNet (merchant)
 *           Cr 6001 COMMISSION_REVENUE commission (no line when the commission is 0)
 * </pre>
 * Throws {@link UnbookableEventException} for an event that can never be booked (missing or
 * over-long ids, amount &le; 0, negative commission, amount &ne; commission + net, a bad rate, an
 * unknown method). Pure: the same event always gives the same voucher.
 */
@Component
public class VoucherFactory {

    /** Column widths of {@code voucher}: a longer id could never be stored, so it is poison. */
    static final int MAX_ID_LENGTH = 64;

    private final PaymentPaidEventParser parser;

    public VoucherFactory(PaymentPaidEventParser parser) {
        this.parser = parser;
    }

    /** The voucher of a raw message body (UTF-8 JSON): {@link PaymentPaidEventParser#parse} then {@link #build}. */
    public Voucher fromMessage(byte[] body, String messageId) {
        return build(parser.parse(body), messageId);
    }

    /** The voucher of {@code event}, delivered as message {@code messageId}; not yet stored. */
    public Voucher build(PaymentPaidEvent event, String messageId) {
        requireId("paymentId", event.paymentId());
        requireId("merchantId", event.merchantId());
        requirePositive("orderId", event.orderId());
        requirePositive("userId", event.userId());
        requirePositive("amountCents", event.amountCents());
        if (event.commissionCents() < 0) {
            throw poison("commissionCents must not be negative, got " + event.commissionCents());
        }
        if (event.merchantNetCents() < 0 || sum(event) != event.amountCents()) {
            throw poison("amountCents " + event.amountCents() + " != commissionCents " + event.commissionCents()
                    + " + merchantNetCents " + event.merchantNetCents());
        }
        if (event.paidAt() == null) {
            throw poison("paidAt is missing");
        }
        Voucher v = new Voucher();
        v.setPaymentId(event.paymentId());
        v.setOrderId(event.orderId());
        v.setMerchantId(event.merchantId());
        v.setMethod(event.method());
        v.setAmountCents(event.amountCents());
        v.setCommissionCents(event.commissionCents());
        v.setCommissionRate(rate(event.commissionRate()));
        v.setMessageId(messageId);
        v.setPaidAt(LocalDateTime.ofInstant(event.paidAt(), ZoneOffset.UTC));
        v.setLines(lines(event));
        v.requireBalanced();
        return v;
    }

    private static List<VoucherLine> lines(PaymentPaidEvent e) {
        List<VoucherLine> lines = new ArrayList<>(3);
        if ("CARD".equals(e.method())) {
            lines.add(VoucherLine.of(1, Account.BANK_CLEARING, Direction.DEBIT, e.amountCents(), null));
        } else if ("WALLET".equals(e.method())) {
            lines.add(VoucherLine.of(1, Account.USER_WALLET, Direction.DEBIT, e.amountCents(),
                    String.valueOf(e.userId())));
        } else {
            throw poison("unknown method " + e.method() + " (expected CARD or WALLET)");
        }
        // a 100 % commission leaves the merchant nothing: no zero line, like a zero commission
        if (e.merchantNetCents() > 0) {
            lines.add(VoucherLine.of(2, Account.MERCHANT_PAYABLE, Direction.CREDIT, e.merchantNetCents(),
                    e.merchantId()));
        }
        if (e.commissionCents() > 0) {
            lines.add(VoucherLine.of(lines.size() + 1, Account.COMMISSION_REVENUE, Direction.CREDIT,
                    e.commissionCents(), null));
        }
        return lines;
    }

    /** Must fit DECIMAL(6,4) and be a rate: 0 &le; rate &le; 1 with at most 4 decimals. */
    private static BigDecimal rate(String text) {
        if (text == null || text.isBlank()) {
            throw poison("commissionRate is missing");
        }
        BigDecimal rate;
        try {
            rate = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw poison("commissionRate is not a decimal: " + text);
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.stripTrailingZeros().scale() > 4) {
            throw poison("commissionRate must be between 0 and 1 with at most 4 decimals, got " + text);
        }
        return rate.setScale(4);
    }

    private static long sum(PaymentPaidEvent e) {
        try {
            return Math.addExact(e.commissionCents(), e.merchantNetCents());
        } catch (ArithmeticException overflow) {
            throw poison("commissionCents + merchantNetCents overflows");
        }
    }

    private static void requireId(String name, String value) {
        if (value == null || value.isBlank()) {
            throw poison(name + " is missing");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw poison(name + " is longer than " + MAX_ID_LENGTH + " characters");
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw poison(name + " must be positive, got " + value);
        }
    }

    private static UnbookableEventException poison(String reason) {
        return new UnbookableEventException(reason);
    }
}
