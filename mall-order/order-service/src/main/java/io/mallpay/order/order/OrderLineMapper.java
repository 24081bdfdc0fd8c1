package io.mallpay.order.order;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.List;

@Mapper
public interface OrderLineMapper extends BaseMapper<OrderLine> {

    @Select("SELECT * FROM order_line WHERE order_id = #{orderId} ORDER BY line_no")
    List<OrderLine> findByOrder(@Param("orderId") long orderId);
}
