package io.mallpay.pay.notify;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface MerchantNotificationMapper extends BaseMapper<MerchantNotification> {

    /** Ids of PENDING notifications due at {@code now}, oldest due first. */
    @Select("SELECT id FROM merchant_notification WHERE notify_status = 'PENDING' AND next_notify_time <= #{now}"
            + " ORDER BY next_notify_time LIMIT #{limit}")
    List<Long> findDue(@Param("now") LocalDateTime now, @Param("limit") int limit);

    /** Under {@code @GlobalLock}, Seata also checks the row's global lock (its payment's completion). */
    @Select("SELECT * FROM merchant_notification WHERE id = #{id} FOR UPDATE")
    MerchantNotification selectForUpdate(@Param("id") long id);

    /** Pushes the next attempt time out while a send is in flight (the claim's lease). */
    @Update("UPDATE merchant_notification SET next_notify_time = #{until}, updated_at = CURRENT_TIMESTAMP(3)"
            + " WHERE id = #{id} AND notify_status = 'PENDING'")
    int lease(@Param("id") long id, @Param("until") LocalDateTime until);

    /** Records one attempt: the new count, status, next time and result. */
    @Update("UPDATE merchant_notification SET notify_count = #{count}, notify_status = #{status},"
            + " next_notify_time = #{next}, last_result = #{result}, updated_at = CURRENT_TIMESTAMP(3) WHERE id = #{id}")
    int recordAttempt(@Param("id") long id, @Param("count") int count, @Param("status") String status,
                      @Param("next") LocalDateTime next, @Param("result") String result);

    /** Operator resend: back to PENDING, due now, count from zero (the schedule starts over). */
    @Update("UPDATE merchant_notification SET notify_status = 'PENDING', notify_count = 0, next_notify_time = #{now},"
            + " updated_at = CURRENT_TIMESTAMP(3) WHERE id = #{id} AND notify_status IN ('FAILED', 'REJECTED')")
    int resend(@Param("id") long id, @Param("now") LocalDateTime now);

    @Select("<script>SELECT * FROM merchant_notification"
            + "<if test='status != null'> WHERE notify_status = #{status}</if>"
            + " ORDER BY id LIMIT #{limit}</script>")
    List<MerchantNotification> list(@Param("status") String status, @Param("limit") int limit);

    @Select("SELECT * FROM merchant_notification WHERE payment_id = #{paymentId}")
    MerchantNotification selectByPayment(@Param("paymentId") String paymentId);
}
