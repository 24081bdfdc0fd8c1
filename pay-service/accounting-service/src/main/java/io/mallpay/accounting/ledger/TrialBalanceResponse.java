package io.mallpay.accounting.ledger;

import java.util.List;

/**
 * The trial balance over every voucher, in pence. {@code balanced} is true when total debits
 * equal total credits and {@code unbalancedVouchers} (ids of vouchers whose own lines do not
 * balance, at most 1000) is empty; DESIGN.md's money invariant demands both.
 */
public record TrialBalanceResponse(List<AccountBalanceResponse> accounts, long totalDebitCents,
                                   long totalCreditCents, boolean balanced, long voucherCount,
                                   List<Long> unbalancedVouchers) {
}
