package io.mallpay.order.payment;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface PaymentNotificationMapper extends BaseMapper<PaymentNotification> {

    @Select("SELECT * FROM payment_notification WHERE payment_id = #{paymentId} FOR UPDATE")
    PaymentNotification selectForUpdate(@Param("paymentId") String paymentId);
}
