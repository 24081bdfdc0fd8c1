package io.mallpay.bank.charge;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

/** Charges. The decision is a conditional UPDATE that only leaves ACCEPTED, so it happens once. */
@Mapper
public interface ChargeMapper extends BaseMapper<Charge> {

    /** Reads the charge and locks its row until the transaction ends; serialises deciders of one charge. */
    @Select("SELECT * FROM charge WHERE charge_id = #{chargeId} FOR UPDATE")
    Charge selectForUpdate(@Param("chargeId") String chargeId);

    /** ACCEPTED → {@code status}; 1 if decided now, 0 if it was already decided. */
    @Update("UPDATE charge SET status = #{status}, decided_at = #{decidedAt}"
            + " WHERE charge_id = #{chargeId} AND status = 'ACCEPTED'")
    int decide(@Param("chargeId") String chargeId, @Param("status") ChargeStatus status,
            @Param("decidedAt") Instant decidedAt);

    @Update("UPDATE charge SET callbacks_sent = callbacks_sent + 1 WHERE charge_id = #{chargeId}")
    int countCallback(@Param("chargeId") String chargeId);

    /** Oldest first: charges still ACCEPTED more than {@code seconds} after submission. */
    @Select("SELECT charge_id FROM charge WHERE status = 'ACCEPTED'"
            + " AND created_at < NOW(3) - INTERVAL #{seconds} SECOND ORDER BY created_at LIMIT #{limit}")
    List<String> selectStaleAccepted(@Param("seconds") int seconds, @Param("limit") int limit);
}
