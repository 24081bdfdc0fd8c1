package io.mallpay.points.account;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Balance changes as single conditional UPDATEs: the WHERE clause is the check, so no balance can
 * go negative even under concurrent requests, and Seata AT records the row's before/after image.
 * Each returns the number of rows changed: 0 means the user is unknown or the condition failed.
 */
@Mapper
public interface PointsAccountMapper extends BaseMapper<PointsAccount> {

    /** available → frozen, only if at least {@code points} are available. */
    @Update("UPDATE points_account SET available = available - #{points}, frozen = frozen + #{points},"
            + " updated_at = NOW(3) WHERE user_id = #{userId} AND available >= #{points}")
    int freeze(@Param("userId") long userId, @Param("points") long points);

    /** frozen → gone (paid), only if at least {@code points} are frozen. */
    @Update("UPDATE points_account SET frozen = frozen - #{points}, updated_at = NOW(3)"
            + " WHERE user_id = #{userId} AND frozen >= #{points}")
    int spendFrozen(@Param("userId") long userId, @Param("points") long points);

    /** frozen → available (cancelled), only if at least {@code points} are frozen. */
    @Update("UPDATE points_account SET available = available + #{points}, frozen = frozen - #{points},"
            + " updated_at = NOW(3) WHERE user_id = #{userId} AND frozen >= #{points}")
    int unfreeze(@Param("userId") long userId, @Param("points") long points);

    /**
     * The user's account, row-locked until the transaction ends (null if none). Under
     * {@code @GlobalLock} Seata also waits for the AT global lock on the row, so a write from
     * outside a global transaction never slips under an in-flight one.
     */
    @Select("SELECT user_id, available, frozen, created_at, updated_at"
            + " FROM points_account WHERE user_id = #{userId} FOR UPDATE")
    PointsAccount selectForUpdate(@Param("userId") long userId);

    /** + {@code points} available. */
    @Update("UPDATE points_account SET available = available + #{points}, updated_at = NOW(3)"
            + " WHERE user_id = #{userId}")
    int credit(@Param("userId") long userId, @Param("points") long points);
}
