package io.mallpay.points.reward;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Reads and moves payment rewards; {@code insert} creates one (see {@link PointsReward#tried}). */
@Mapper
public interface PointsRewardMapper extends BaseMapper<PointsReward> {

    /** The payment's reward, row-locked until the transaction ends (null if none). */
    @Select("SELECT payment_id, order_id, user_id, points, status, xid, created_at, updated_at"
            + " FROM points_reward WHERE payment_id = #{paymentId} FOR UPDATE")
    PointsReward selectForUpdate(@Param("paymentId") String paymentId);

    /** Moves the reward from {@code from} to {@code to}; returns 0 if it was not in {@code from}. */
    @Update("UPDATE points_reward SET status = #{to}, updated_at = NOW(3)"
            + " WHERE payment_id = #{paymentId} AND status = #{from}")
    int transition(@Param("paymentId") String paymentId, @Param("from") RewardStatus from,
                   @Param("to") RewardStatus to);

    /** A CANCELLED reward tried again by global transaction {@code xid}: TRIED under that xid. */
    @Update("UPDATE points_reward SET status = 'TRIED', xid = #{xid}, updated_at = NOW(3)"
            + " WHERE payment_id = #{paymentId} AND status = 'CANCELLED'")
    int retry(@Param("paymentId") String paymentId, @Param("xid") String xid);

    /**
     * TRIED → CANCELLED, only if global transaction {@code xid} holds it: a late cancel of an
     * older global transaction must not drop a reward a newer one has tried since.
     */
    @Update("UPDATE points_reward SET status = 'CANCELLED', updated_at = NOW(3)"
            + " WHERE payment_id = #{paymentId} AND status = 'TRIED' AND xid = #{xid}")
    int cancel(@Param("paymentId") String paymentId, @Param("xid") String xid);

    /** Sum of the user's TRIED rewards, whole points (0 if none). */
    @Select("SELECT COALESCE(SUM(points), 0) FROM points_reward WHERE user_id = #{userId} AND status = 'TRIED'")
    long pendingPoints(@Param("userId") long userId);
}
