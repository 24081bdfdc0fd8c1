package io.mallpay.points.ledger;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.LocalDateTime;

/**
 * One row of the append-only points ledger ({@code points_ledger}). Deltas are whole points (one
 * point = one penny of discount). For every user, {@code available} is the sum of
 * {@code deltaAvailable} and {@code frozen} the sum of {@code deltaFrozen} over the user's rows;
 * the static factories are the only place where the sign of each movement is decided.
 */
@TableName("points_ledger")
public class LedgerEntry {

    @TableId(type = IdType.AUTO)
    private Long id;
    private long userId;
    /** Null for {@link EntryType#OPENING}, which belongs to no order. */
    private Long orderId;
    private EntryType entryType;
    /** Set on {@link EntryType#AWARD} rows only, e.g. {@code CONSUMPTION}. */
    private String reason;
    private long deltaAvailable;
    private long deltaFrozen;
    /** Filled by the database default when null on insert. */
    private LocalDateTime createdAt;

    public LedgerEntry() {
    }

    private LedgerEntry(long userId, Long orderId, EntryType entryType, String reason,
                        long deltaAvailable, long deltaFrozen) {
        this.userId = userId;
        this.orderId = orderId;
        this.entryType = entryType;
        this.reason = reason;
        this.deltaAvailable = deltaAvailable;
        this.deltaFrozen = deltaFrozen;
    }

    /** The opening balance of a new account. */
    public static LedgerEntry opening(long userId, long openingPoints) {
        return new LedgerEntry(userId, null, EntryType.OPENING, null, openingPoints, 0);
    }

    /** {@code points} moved from available to frozen for an order. */
    public static LedgerEntry freeze(long userId, long orderId, long points) {
        return new LedgerEntry(userId, orderId, EntryType.FREEZE, null, -points, points);
    }

    /** An order's frozen points returned to available. */
    public static LedgerEntry unfreeze(long userId, long orderId, long points) {
        return new LedgerEntry(userId, orderId, EntryType.UNFREEZE, null, points, -points);
    }

    /** An order's frozen points consumed by its payment. */
    public static LedgerEntry spend(long userId, long orderId, long points) {
        return new LedgerEntry(userId, orderId, EntryType.SPEND, null, 0, -points);
    }

    /** {@code points} credited to available for an order, for the given reason. */
    public static LedgerEntry award(long userId, long orderId, long points, String reason) {
        return new LedgerEntry(userId, orderId, EntryType.AWARD, reason, points, 0);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public long getUserId() {
        return userId;
    }

    public void setUserId(long userId) {
        this.userId = userId;
    }

    public Long getOrderId() {
        return orderId;
    }

    public void setOrderId(Long orderId) {
        this.orderId = orderId;
    }

    public EntryType getEntryType() {
        return entryType;
    }

    public void setEntryType(EntryType entryType) {
        this.entryType = entryType;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public long getDeltaAvailable() {
        return deltaAvailable;
    }

    public void setDeltaAvailable(long deltaAvailable) {
        this.deltaAvailable = deltaAvailable;
    }

    public long getDeltaFrozen() {
        return deltaFrozen;
    }

    public void setDeltaFrozen(long deltaFrozen) {
        this.deltaFrozen = deltaFrozen;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }
}
