package io.mallpay.points.freeze;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Reads and moves order freezes; {@code insert} creates one in state FROZEN. */
@Mapper
public interface PointsFreezeMapper extends BaseMapper<PointsFreeze> {

    /**
     * The order's freeze, row-locked until the transaction ends (null if none). Inside a global
     * transaction Seata also checks the AT global lock on the row, so a freeze another global
     * transaction is still changing is not read half-way.
     */
    @Select("SELECT order_id, user_id, points, status, created_at, updated_at"
            + " FROM points_freeze WHERE order_id = #{orderId} FOR UPDATE")
    PointsFreeze selectForUpdate(@Param("orderId") long orderId);

    /** Moves the freeze from {@code from} to {@code to}; returns 0 if it was not in {@code from}. */
    @Update("UPDATE points_freeze SET status = #{to}, updated_at = NOW(3)"
            + " WHERE order_id = #{orderId} AND status = #{from}")
    int transition(@Param("orderId") long orderId, @Param("from") FreezeStatus from, @Param("to") FreezeStatus to);
}
