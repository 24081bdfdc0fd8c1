package io.mallpay.fund.topup;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Records applied top-ups; {@code selectById} finds one by its top-up id. */
@Mapper
public interface TopUpMapper extends BaseMapper<TopUp> {

    /**
     * Records the top-up unless its id is already recorded. Returns 1 if recorded, 0 if the id
     * existed (a concurrent request with the same id waits on the key, then gets 0).
     */
    @Insert("INSERT IGNORE INTO fund_top_up (top_up_id, account_id, amount_cents)"
            + " VALUES (#{t.topUpId}, #{t.accountId}, #{t.amountCents})")
    int insertIfAbsent(@Param("t") TopUp topUp);
}
