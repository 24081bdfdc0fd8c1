package io.mallpay.fund.ledger;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.List;

/**
 * Writes ledger rows ({@code insert} fills the auto-increment id) and finds the rows of a TCC
 * branch, which is how phase 2 knows whether its try ran and whether it already settled. Rows are
 * never updated or deleted.
 */
@Mapper
public interface LedgerMapper extends BaseMapper<LedgerEntry> {

    /** Every row written by one TCC branch (its OPENING, try, and confirm or cancel). */
    @Select("SELECT * FROM fund_ledger WHERE xid = #{xid} AND branch_id = #{branchId} ORDER BY id")
    List<LedgerEntry> selectBranch(@Param("xid") String xid, @Param("branchId") long branchId);

    /** How many tries of this type the global transaction already made for the reference on the account. */
    @Select("SELECT COUNT(*) FROM fund_ledger WHERE xid = #{xid} AND reference = #{reference}"
            + " AND account_id = #{accountId} AND entry_type = #{type}")
    int countTries(@Param("xid") String xid, @Param("reference") String reference,
                   @Param("accountId") long accountId, @Param("type") EntryType type);
}
