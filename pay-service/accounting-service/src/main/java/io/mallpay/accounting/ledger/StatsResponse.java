package io.mallpay.accounting.ledger;

import java.time.Instant;

/**
 * How far accounting has got: {@code voucherCount} vouchers, the latest booked at
 * {@code lastVoucherAt} (UTC; null when none). A replay waits until both stop changing.
 */
public record StatsResponse(long voucherCount, Instant lastVoucherAt) {
}
