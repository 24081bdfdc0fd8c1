package io.mallpay.accounting.voucher;

/**
 * The chart of accounts this subsystem books to: {@link #code} and {@link #name()} are written on
 * every voucher line and grouped by the trial balance.
 */
public enum Account {
    /** Asset: card money on its way from the bank. */
    BANK_CLEARING("1002"),
    /** Liability: what the merchant is owed (paid amount minus commission). */
    MERCHANT_PAYABLE("2202"),
    /** Liability: the user's wallet balance (debited when the user pays from it). */
    USER_WALLET("2203"),
    /** Income: the platform's commission. */
    COMMISSION_REVENUE("6001");

    private final String code;

    Account(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
