package io.mallpay.accounting.voucher;

/** Outcome of {@link VoucherService#book}: both mean "this payment is booked; acknowledge". */
public enum BookingResult {
    /** This call wrote the voucher. */
    BOOKED,
    /** The payment already had its voucher; nothing was written. */
    DUPLICATE
}
