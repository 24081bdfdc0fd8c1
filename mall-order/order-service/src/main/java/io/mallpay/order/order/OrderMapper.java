package io.mallpay.order.order;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface OrderMapper extends BaseMapper<Order> {

    /**
     * Locks the order row. Inside a global transaction Seata AT also checks the global lock, so a
     * concurrent payment result and a timeout cancel of the same order are serialised.
     */
    @Select("SELECT * FROM orders WHERE order_id = #{orderId} FOR UPDATE")
    Order selectForUpdate(@Param("orderId") long orderId);

    /** Unpaid orders whose deadline has passed, oldest first. */
    @Select("SELECT order_id FROM orders WHERE status = 'CREATED' AND pay_deadline < #{now} "
            + "ORDER BY pay_deadline LIMIT #{limit}")
    List<Long> findExpired(@Param("now") LocalDateTime now, @Param("limit") int limit);
}
