package io.mallpay.fund.account;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import io.mallpay.fund.api.FundAccountClient.AccountStatus;
import io.mallpay.fund.api.FundAccountClient.OwnerType;
import io.mallpay.fund.ledger.LedgerEntry;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Account reads and writes. Balances change only by a ledger row's deltas, in single conditional
 * UPDATEs whose WHERE clause is the check: no balance can go negative even under concurrent
 * requests. Writes return the number of rows changed: 0 means the condition failed.
 */
@Mapper
public interface FundAccountMapper extends BaseMapper<FundAccount> {

    /**
     * Opens an ACTIVE account at zero unless the owner has one. Returns 1 if opened, 0 if it
     * existed (a concurrent opening waits on the unique key, then counts as existing).
     */
    @Insert("INSERT IGNORE INTO fund_account (owner_type, owner_id, status, available_cents, incoming_cents,"
            + " outgoing_cents) VALUES (#{ownerType}, #{ownerId}, 'ACTIVE', 0, 0, 0)")
    int openIfAbsent(@Param("ownerType") OwnerType ownerType, @Param("ownerId") String ownerId);

    /** The owner's account, or null. */
    @Select("SELECT * FROM fund_account WHERE owner_type = #{ownerType} AND owner_id = #{ownerId}")
    FundAccount selectByOwner(@Param("ownerType") OwnerType ownerType, @Param("ownerId") String ownerId);

    /** The owner's account, row-locked until the transaction ends, or null. */
    @Select("SELECT * FROM fund_account WHERE owner_type = #{ownerType} AND owner_id = #{ownerId} FOR UPDATE")
    FundAccount selectByOwnerForUpdate(@Param("ownerType") OwnerType ownerType, @Param("ownerId") String ownerId);

    /** The account, row-locked until the transaction ends, or null. */
    @Select("SELECT * FROM fund_account WHERE id = #{id} FOR UPDATE")
    FundAccount selectByIdForUpdate(@Param("id") long id);

    /**
     * Moves the balances by the entry's deltas, only if the account is ACTIVE and every balance
     * stays ≥ 0 (e.g. a debit try needs {@code available_cents >= amount}). For tries and top-ups.
     */
    @Update("UPDATE fund_account SET available_cents = available_cents + #{e.deltaAvailable},"
            + " incoming_cents = incoming_cents + #{e.deltaIncoming},"
            + " outgoing_cents = outgoing_cents + #{e.deltaOutgoing}, updated_at = CURRENT_TIMESTAMP(3)"
            + " WHERE id = #{e.accountId} AND status = 'ACTIVE'"
            + " AND available_cents + #{e.deltaAvailable} >= 0 AND incoming_cents + #{e.deltaIncoming} >= 0"
            + " AND outgoing_cents + #{e.deltaOutgoing} >= 0")
    int applyIfActive(@Param("e") LedgerEntry e);

    /**
     * Moves the balances by the entry's deltas, only if every balance stays ≥ 0, whatever the
     * status: a branch tried before its account was frozen must still confirm or cancel.
     */
    @Update("UPDATE fund_account SET available_cents = available_cents + #{e.deltaAvailable},"
            + " incoming_cents = incoming_cents + #{e.deltaIncoming},"
            + " outgoing_cents = outgoing_cents + #{e.deltaOutgoing}, updated_at = CURRENT_TIMESTAMP(3)"
            + " WHERE id = #{e.accountId}"
            + " AND available_cents + #{e.deltaAvailable} >= 0 AND incoming_cents + #{e.deltaIncoming} >= 0"
            + " AND outgoing_cents + #{e.deltaOutgoing} >= 0")
    int apply(@Param("e") LedgerEntry e);

    /** Sets the status; 0 if the account does not exist. */
    @Update("UPDATE fund_account SET status = #{status}, updated_at = CURRENT_TIMESTAMP(3) WHERE id = #{id}")
    int changeStatus(@Param("id") long id, @Param("status") AccountStatus status);
}
