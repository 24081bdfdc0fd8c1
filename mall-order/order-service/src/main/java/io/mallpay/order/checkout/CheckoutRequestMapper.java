package io.mallpay.order.checkout;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.LocalDateTime;

/** {@code checkout_request}: one row per Idempotency-Key. */
@Mapper
public interface CheckoutRequestMapper {

    /** Primary-key violation (DuplicateKeyException) when the key was used before. */
    @Insert("INSERT INTO checkout_request (idempotency_key, user_id, request_hash, order_id, created_at) "
            + "VALUES (#{key}, #{userId}, #{hash}, #{orderId}, #{now})")
    void insert(@Param("key") String key, @Param("userId") long userId, @Param("hash") String hash,
                @Param("orderId") long orderId, @Param("now") LocalDateTime now);

    /** Read under the row lock: with {@code @GlobalLock} it waits for an in-flight checkout's outcome. */
    @Select("SELECT idempotency_key, user_id, request_hash, order_id FROM checkout_request "
            + "WHERE idempotency_key = #{key} FOR UPDATE")
    CheckoutRecord selectForUpdate(@Param("key") String key);

    record CheckoutRecord(String idempotencyKey, long userId, String requestHash, long orderId) {
    }
}
