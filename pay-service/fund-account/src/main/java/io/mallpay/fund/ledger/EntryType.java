package io.mallpay.fund.ledger;

/**
 * Why a ledger row exists; stored by name in {@code fund_ledger.entry_type}. Each type fixes the
 * sign with which the row's amount moves each balance, so the account update and its ledger row
 * are computed from the same place and cannot disagree.
 */
public enum EntryType {
    /** Account opened at zero. */
    OPENING(0, 0, 0),
    /** Wallet funded: {@code +a} available. */
    TOP_UP(1, 0, 0),
    /** Credit tried: {@code +a} incoming. */
    CREDIT_TRY(0, 1, 0),
    /** Credit confirmed: incoming → available. */
    CREDIT_CONFIRM(1, -1, 0),
    /** Credit cancelled: {@code -a} incoming. */
    CREDIT_CANCEL(0, -1, 0),
    /** Debit tried: available → outgoing. */
    DEBIT_TRY(-1, 0, 1),
    /** Debit confirmed: {@code -a} outgoing (the money left the wallet). */
    DEBIT_CONFIRM(0, 0, -1),
    /** Debit cancelled: outgoing → available. */
    DEBIT_CANCEL(1, 0, -1);

    private final int available;
    private final int incoming;
    private final int outgoing;

    EntryType(int available, int incoming, int outgoing) {
        this.available = available;
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    long deltaAvailable(long amountCents) {
        return available * amountCents;
    }

    long deltaIncoming(long amountCents) {
        return incoming * amountCents;
    }

    long deltaOutgoing(long amountCents) {
        return outgoing * amountCents;
    }
}
