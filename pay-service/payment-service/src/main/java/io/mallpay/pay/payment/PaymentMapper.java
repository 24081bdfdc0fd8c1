package io.mallpay.pay.payment;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface PaymentMapper extends BaseMapper<Payment> {

    /**
     * Locks the payment row. Under {@code @GlobalLock} (or inside a global transaction) Seata AT also
     * checks the row's global lock, so a reader never acts on a PAID written by a completion whose
     * global transaction may still roll back.
     */
    @Select("SELECT * FROM payment WHERE payment_id = #{paymentId} FOR UPDATE")
    Payment selectForUpdate(@Param("paymentId") String paymentId);

    @Select("SELECT * FROM payment WHERE idempotency_key = #{key}")
    Payment selectByIdempotencyKey(@Param("key") String key);

    /** The completion's local AT branch: PENDING → PAID, 0 rows when it is no longer PENDING. */
    @Update("UPDATE payment SET status = 'PAID', commission_cents = #{commissionCents}, reward_points = #{rewardPoints},"
            + " paid_at = #{paidAt}, completion_xid = #{xid}, updated_at = CURRENT_TIMESTAMP(3)"
            + " WHERE payment_id = #{paymentId} AND status = 'PENDING'")
    int markPaid(@Param("paymentId") String paymentId, @Param("commissionCents") long commissionCents,
                 @Param("rewardPoints") long rewardPoints, @Param("paidAt") LocalDateTime paidAt,
                 @Param("xid") String xid);

    /** PENDING → FAILED or CLOSED; frees the order for another payment attempt. */
    @Update("UPDATE payment SET status = #{status}, failure_code = #{code}, live_order_id = NULL,"
            + " updated_at = CURRENT_TIMESTAMP(3) WHERE payment_id = #{paymentId} AND status = 'PENDING'")
    int markEnded(@Param("paymentId") String paymentId, @Param("status") String status, @Param("code") String code);

    @Update("UPDATE payment SET bank_submitted = 1, bank_txn_id = #{bankTxnId}, updated_at = CURRENT_TIMESTAMP(3)"
            + " WHERE payment_id = #{paymentId}")
    int markSubmitted(@Param("paymentId") String paymentId, @Param("bankTxnId") String bankTxnId);

    /** Sum of the user's PENDING and PAID payments created since {@code since} (daily limit). */
    @Select("SELECT COALESCE(SUM(amount_cents), 0) FROM payment WHERE user_id = #{userId}"
            + " AND status IN ('PENDING', 'PAID') AND created_at >= #{since}")
    long sumLiveSince(@Param("userId") long userId, @Param("since") LocalDateTime since);

    /** Payments still PENDING that were created before {@code before}: the pending-payment job's work. */
    @Select("SELECT payment_id FROM payment WHERE status = 'PENDING'"
            + " AND created_at < #{before} ORDER BY created_at LIMIT #{limit}")
    List<String> findPendingBefore(@Param("before") LocalDateTime before, @Param("limit") int limit);

    /** A merchant's payments for reconciliation, in creation order, keyset-paged on payment_id. */
    @Select("<script>SELECT * FROM payment WHERE merchant_id = #{merchantId}"
            + " AND created_at &gt;= #{from} AND created_at &lt; #{to}"
            + "<if test='status != null'> AND status = #{status}</if>"
            + "<if test='after != null'> AND payment_id &gt; #{after}</if>"
            + " ORDER BY payment_id LIMIT #{limit}</script>")
    List<Payment> listForMerchant(@Param("merchantId") String merchantId, @Param("from") LocalDateTime from,
                                  @Param("to") LocalDateTime to, @Param("status") String status,
                                  @Param("after") String after, @Param("limit") int limit);
}
