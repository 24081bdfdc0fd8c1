package io.mallpay.fund.account;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import io.mallpay.fund.api.FundAccountClient.AccountStatus;
import io.mallpay.fund.api.FundAccountClient.FundAccountResponse;
import io.mallpay.fund.api.FundAccountClient.OwnerType;

import java.time.LocalDateTime;

/**
 * A fund account ({@code fund_account}), one per owner. Balances are pence, never negative:
 * {@code available} can be spent, {@code incoming} holds credits tried but not yet confirmed,
 * {@code outgoing} holds debits tried but not yet confirmed. Rows are written only through
 * {@link FundAccountMapper}'s statements, which move the balances by a ledger row's deltas.
 */
@TableName("fund_account")
public class FundAccount {

    @TableId(type = IdType.AUTO)
    private Long id;
    private OwnerType ownerType;
    private String ownerId;
    private AccountStatus status;
    private long availableCents;
    private long incomingCents;
    private long outgoingCents;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    public FundAccount() {
    }

    /** The account as its owner and the other services see it. */
    public FundAccountResponse toResponse() {
        return new FundAccountResponse(ownerType, ownerId, status, availableCents, incomingCents, outgoingCents);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public OwnerType getOwnerType() {
        return ownerType;
    }

    public void setOwnerType(OwnerType ownerType) {
        this.ownerType = ownerType;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public void setStatus(AccountStatus status) {
        this.status = status;
    }

    public long getAvailableCents() {
        return availableCents;
    }

    public void setAvailableCents(long availableCents) {
        this.availableCents = availableCents;
    }

    public long getIncomingCents() {
        return incomingCents;
    }

    public void setIncomingCents(long incomingCents) {
        this.incomingCents = incomingCents;
    }

    public long getOutgoingCents() {
        return outgoingCents;
    }

    public void setOutgoingCents(long outgoingCents) {
        this.outgoingCents = outgoingCents;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}
