package io.mallpay.coupon.usercoupon;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.util.Collection;
import java.util.List;

/**
 * User coupons. Every state change is a conditional UPDATE that names the state it leaves, so it
 * changes nothing (returns 0) unless the row is still in that state; the service reads the row
 * {@code FOR UPDATE} first, which under Seata AT also waits for the row's global lock.
 */
@Mapper
public interface UserCouponMapper extends BaseMapper<UserCoupon> {

    @Select("SELECT * FROM user_coupon WHERE id = #{id} FOR UPDATE")
    UserCoupon selectForUpdate(@Param("id") long id);

    @Select("SELECT * FROM user_coupon WHERE user_id = #{userId} ORDER BY id")
    List<UserCoupon> selectByUser(@Param("userId") long userId);

    @Update("UPDATE user_coupon SET status = 'LOCKED', order_id = #{orderId}, locked_at = NOW(3), updated_at = NOW(3)"
            + " WHERE id = #{id} AND user_id = #{userId} AND status = 'AVAILABLE'")
    int lock(@Param("id") long id, @Param("orderId") long orderId, @Param("userId") long userId);

    @Update("UPDATE user_coupon SET status = 'USED', used_at = NOW(3), updated_at = NOW(3)"
            + " WHERE id = #{id} AND order_id = #{orderId} AND status = 'LOCKED'")
    int use(@Param("id") long id, @Param("orderId") long orderId);

    @Update("UPDATE user_coupon SET status = 'AVAILABLE', order_id = NULL, locked_at = NULL, updated_at = NOW(3)"
            + " WHERE id = #{id} AND order_id = #{orderId} AND status = 'LOCKED'")
    int unlock(@Param("id") long id, @Param("orderId") long orderId);

    @Select("""
            <script>
            SELECT grant_key FROM user_coupon WHERE grant_key IN
            <foreach collection="keys" item="key" open="(" separator="," close=")">#{key}</foreach>
            </script>""")
    List<String> selectExistingGrantKeys(@Param("keys") Collection<String> keys);

    /** One multi-row INSERT of AVAILABLE coupons; fails whole on a duplicate grant key. */
    @Insert("""
            <script>
            INSERT INTO user_coupon (template_id, user_id, status, grant_key) VALUES
            <foreach collection="coupons" item="c" separator=",">
            (#{c.templateId}, #{c.userId}, 'AVAILABLE', #{c.grantKey})
            </foreach>
            </script>""")
    int insertAvailable(@Param("coupons") List<UserCoupon> coupons);
}
