package io.mallpay.points.ledger;

/**
 * Why a ledger row exists; stored by name in {@code points_ledger.entry_type}. The deltas each type
 * carries are fixed by the factories of {@link LedgerEntry}.
 */
public enum EntryType {
    /** Account opened: {@code +opening} available. */
    OPENING,
    /** Checkout froze points: {@code -p} available, {@code +p} frozen. */
    FREEZE,
    /** Order cancelled: {@code +p} available, {@code -p} frozen. */
    UNFREEZE,
    /** Order paid: {@code -p} frozen. */
    SPEND,
    /** Points credited (e.g. consumption reward): {@code +p} available. */
    AWARD
}
