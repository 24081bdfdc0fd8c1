package io.mallpay.accounting.ledger;

/** One account of the trial balance: pence booked on each side since the beginning. */
public record AccountBalanceResponse(String accountCode, String accountName, long debitCents, long creditCents) {
}
