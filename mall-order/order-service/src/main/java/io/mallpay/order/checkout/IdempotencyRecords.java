package io.mallpay.order.checkout;

import io.mallpay.common.web.ApiException;
import org.apache.seata.spring.annotation.GlobalLock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks up an Idempotency-Key. {@code @GlobalLock} with {@code SELECT … FOR UPDATE} makes the read
 * wait while a checkout holding that row is still in flight, so a retry never returns an order
 * whose global transaction may yet roll back.
 */
@Component
public class IdempotencyRecords {

    private final CheckoutRequestMapper mapper;

    public IdempotencyRecords(CheckoutRequestMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @return the order id the key produced, or null when the key is new
     * @throws ApiException {@code IDEMPOTENCY_KEY_REUSED} (422) when the key came with another request
     */
    @GlobalLock
    @Transactional
    public Long find(String key, String requestHash) {
        CheckoutRequestMapper.CheckoutRecord r = mapper.selectForUpdate(key);
        if (r == null) {
            return null;
        }
        if (!r.requestHash().equals(requestHash)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                    "Idempotency-Key was already used for a different request (order " + r.orderId() + ")");
        }
        return r.orderId();
    }
}
