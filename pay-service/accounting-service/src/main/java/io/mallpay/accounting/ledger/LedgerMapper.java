package io.mallpay.accounting.ledger;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Read-only aggregates over all vouchers for the trial balance and the drain check. Full scans:
 * operator endpoints, not a hot path.
 */
@Mapper
public interface LedgerMapper {

    /** Debit and credit totals per account, by account code. */
    @Select("SELECT account_code, account_name,"
            + " SUM(CASE WHEN direction = 'DEBIT' THEN amount_cents ELSE 0 END) AS debit_cents,"
            + " SUM(CASE WHEN direction = 'CREDIT' THEN amount_cents ELSE 0 END) AS credit_cents"
            + " FROM voucher_line GROUP BY account_code, account_name ORDER BY account_code")
    List<AccountTotal> accountTotals();

    /**
     * Ids (at most {@code limit}, ascending) of vouchers whose own lines do not balance: debits or
     * credits differ from the voucher's amount, which also catches a voucher without lines.
     */
    @Select("SELECT v.id FROM voucher v LEFT JOIN voucher_line l ON l.voucher_id = v.id"
            + " GROUP BY v.id, v.amount_cents"
            + " HAVING COALESCE(SUM(CASE WHEN l.direction = 'DEBIT' THEN l.amount_cents END), 0) <> v.amount_cents"
            + " OR COALESCE(SUM(CASE WHEN l.direction = 'CREDIT' THEN l.amount_cents END), 0) <> v.amount_cents"
            + " ORDER BY v.id LIMIT #{limit}")
    List<Long> unbalancedVoucherIds(@Param("limit") int limit);

    /** How many vouchers there are (one per booked payment). */
    @Select("SELECT COUNT(*) FROM voucher")
    long voucherCount();

    /** When the latest voucher was booked (UTC), or null when there is none. */
    @Select("SELECT MAX(created_at) FROM voucher")
    LocalDateTime lastVoucherAt();
}
