package io.mallpay.fund.ledger;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.LocalDateTime;

/**
 * One row of the append-only fund ledger ({@code fund_ledger}). Deltas are pence. For every
 * account, each balance is the sum of its rows' matching delta; {@link #of} is the only place where
 * a movement's deltas are computed (from its {@link EntryType}), and the account is updated with
 * exactly these deltas.
 */
@TableName("fund_ledger")
public class LedgerEntry {

    @TableId(type = IdType.AUTO)
    private Long id;
    private long accountId;
    /** Payment id (TCC rows) or top-up id; for OPENING, the operation that opened the account. */
    private String reference;
    private EntryType entryType;
    private long deltaAvailable;
    private long deltaIncoming;
    private long deltaOutgoing;
    /** The TCC branch; null for rows written outside a global transaction. */
    private String xid;
    private Long branchId;
    /** Filled by the database default when null on insert. */
    private LocalDateTime createdAt;

    public LedgerEntry() {
    }

    /**
     * A movement of {@code amountCents} (≥ 0, pence) of the given type on an account; the type
     * decides which balances move and in which direction. {@code xid}/{@code branchId} are null
     * outside a TCC branch.
     */
    public static LedgerEntry of(EntryType type, long accountId, String reference, long amountCents,
                                 String xid, Long branchId) {
        if (amountCents < 0) {
            throw new IllegalArgumentException("a ledger amount is never negative, got " + amountCents);
        }
        LedgerEntry e = new LedgerEntry();
        e.accountId = accountId;
        e.reference = reference;
        e.entryType = type;
        e.deltaAvailable = type.deltaAvailable(amountCents);
        e.deltaIncoming = type.deltaIncoming(amountCents);
        e.deltaOutgoing = type.deltaOutgoing(amountCents);
        e.xid = xid;
        e.branchId = branchId;
        return e;
    }

    /** The amount this row moved, in pence (the largest absolute delta). */
    public long amountCents() {
        return Math.max(Math.abs(deltaAvailable), Math.max(Math.abs(deltaIncoming), Math.abs(deltaOutgoing)));
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public long getAccountId() {
        return accountId;
    }

    public void setAccountId(long accountId) {
        this.accountId = accountId;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public EntryType getEntryType() {
        return entryType;
    }

    public void setEntryType(EntryType entryType) {
        this.entryType = entryType;
    }

    public long getDeltaAvailable() {
        return deltaAvailable;
    }

    public void setDeltaAvailable(long deltaAvailable) {
        this.deltaAvailable = deltaAvailable;
    }

    public long getDeltaIncoming() {
        return deltaIncoming;
    }

    public void setDeltaIncoming(long deltaIncoming) {
        this.deltaIncoming = deltaIncoming;
    }

    public long getDeltaOutgoing() {
        return deltaOutgoing;
    }

    public void setDeltaOutgoing(long deltaOutgoing) {
        this.deltaOutgoing = deltaOutgoing;
    }

    public String getXid() {
        return xid;
    }

    public void setXid(String xid) {
        this.xid = xid;
    }

    public Long getBranchId() {
        return branchId;
    }

    public void setBranchId(Long branchId) {
        this.branchId = branchId;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }
}
