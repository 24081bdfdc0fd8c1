package io.mallpay.accounting.voucher;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.List;

/**
 * Vouchers ({@code insert} fills the auto-increment id). Rows are never updated or deleted; the
 * unique key on {@code payment_id} turns a second insert for a payment into a duplicate-key error.
 */
@Mapper
public interface VoucherMapper extends BaseMapper<Voucher> {

    String COLUMNS = "id, payment_id, order_id, merchant_id, method, amount_cents, commission_cents,"
            + " commission_rate, message_id, paid_at, created_at";

    /** The payment's voucher, or null. */
    @Select("SELECT " + COLUMNS + " FROM voucher WHERE payment_id = #{paymentId}")
    Voucher selectByPaymentId(@Param("paymentId") String paymentId);

    /** Up to {@code limit} vouchers with an id above {@code afterId}, by id (keyset paging). */
    @Select("SELECT " + COLUMNS + " FROM voucher WHERE id > #{afterId} ORDER BY id LIMIT #{limit}")
    List<Voucher> selectPage(@Param("afterId") long afterId, @Param("limit") int limit);
}
