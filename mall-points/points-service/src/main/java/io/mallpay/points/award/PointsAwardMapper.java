package io.mallpay.points.award;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Award rows. Plain MyBatis rather than {@code BaseMapper}: MyBatis-Plus has no composite keys,
 * and the table's key is {@code (order_id, reason)}.
 */
@Mapper
public interface PointsAwardMapper {

    /** 1 if the award was already credited, else 0; locks the key until the transaction ends. */
    @Select("SELECT COUNT(*) FROM points_award WHERE order_id = #{orderId} AND reason = #{reason} FOR UPDATE")
    int countForUpdate(@Param("orderId") long orderId, @Param("reason") String reason);

    /**
     * The award if it was already credited, else null; locks the row until the transaction ends.
     * The check of {@link #countForUpdate} as a plain row lock, which every database accepts (H2,
     * which runs the reward fence test, refuses FOR UPDATE on an aggregate).
     */
    @Select("SELECT order_id, reason, user_id, points, created_at FROM points_award"
            + " WHERE order_id = #{orderId} AND reason = #{reason} FOR UPDATE")
    PointsAward selectForUpdate(@Param("orderId") long orderId, @Param("reason") String reason);

    /** Fails with a duplicate key if the award exists: callers check {@link #countForUpdate} first. */
    @Insert("INSERT INTO points_award (order_id, reason, user_id, points)"
            + " VALUES (#{orderId}, #{reason}, #{userId}, #{points})")
    int insert(PointsAward award);
}
