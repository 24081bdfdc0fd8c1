package io.mallpay.accounting.voucher;

/** Side of a voucher line. Stored as its name in {@code voucher_line.direction}. */
public enum Direction {
    DEBIT,
    CREDIT
}
