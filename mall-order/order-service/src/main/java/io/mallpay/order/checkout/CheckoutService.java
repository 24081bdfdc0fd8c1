package io.mallpay.order.checkout;

import io.mallpay.common.web.ApiException;
import io.mallpay.inventory.api.InventoryClient;
import io.mallpay.order.order.OrderQueries;
import io.mallpay.order.order.OrderResponse;
import io.mallpay.order.settings.OrderSettings;
import io.mallpay.points.api.PointsClient;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /api/orders} behind the controller: idempotency, catalogue prices, then the global
 * transaction. The same Idempotency-Key with the same request returns the order it created
 * ({@code replayed = true}); with a different request it is {@code IDEMPOTENCY_KEY_REUSED} (422).
 * A customer the mall does not know is {@code UNKNOWN_USER} (404) before anything is written: the
 * points freeze and the coupon lock check the user inside the global transaction, and a checkout
 * with neither asks mall-points first ({@link PointsClient#user}; issue 12: such a checkout
 * created an order for user 999999999).
 */
@Service
public class CheckoutService {

    private final CheckoutTransaction transaction;
    private final IdempotencyRecords idempotency;
    private final InventoryClient inventory;
    private final OrderQueries queries;
    private final OrderSettings settings;
    private final Semaphore running;
    private final SkuLocks skuLocks;
    private final PointsClient points;

    public CheckoutService(CheckoutTransaction transaction, IdempotencyRecords idempotency,
                           InventoryClient inventory, OrderQueries queries, OrderSettings settings,
                           SkuLocks skuLocks, PointsClient points) {
        this.transaction = transaction;
        this.idempotency = idempotency;
        this.inventory = inventory;
        this.queries = queries;
        this.settings = settings;
        this.running = new Semaphore(settings.getMaxConcurrentCheckouts(), true);
        this.skuLocks = skuLocks;
        this.points = points;
    }

    /** @param replayed true when the key had already produced this order */
    public record Result(OrderResponse order, boolean replayed) {
    }

    public Result checkout(String idempotencyKey, CheckoutRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_IDEMPOTENCY_KEY",
                    "Idempotency-Key must be 1..128 characters");
        }
        Map<String, Integer> merged = OrderPricing.mergeLines(request.lines());
        String hash = hash(request.userId(), merged, request.points(), request.couponId());
        Long existing = idempotency.find(idempotencyKey, hash);
        if (existing != null) {
            return new Result(queries.view(existing), true);
        }
        if (request.points() == 0 && request.couponId() == null) {
            points.user(request.userId()); // 404 UNKNOWN_USER (RemoteApiException) if unknown
        }
        var catalogue = lookup(merged);
        List<OrderPricing.PricedLine> priced = OrderPricing.price(merged, catalogue);
        OrderPricing.payable(OrderPricing.total(priced), 0, request.points());
        OrderPricing.requireAvailable(merged, catalogue);
        long orderId;
        try (SkuLocks.Held held = skuLocks.acquire(merged.keySet(), settings.getCheckoutQueueTimeout())) {
            // Our turn on these SKUs: earlier checkouts of them are settled, so this read is exact.
            OrderPricing.requireAvailable(merged, lookup(merged));
            orderId = placeInTurn(idempotencyKey, hash, request, priced);
        } catch (DuplicateKeyException concurrentSameKey) {
            Long winner = idempotency.find(idempotencyKey, hash);
            if (winner == null) {
                throw new ApiException(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_CONFLICT",
                        "a concurrent request with this Idempotency-Key did not complete; retry");
            }
            return new Result(queries.view(winner), true);
        }
        return new Result(queries.view(orderId), false);
    }

    private Map<String, InventoryClient.SkuView> lookup(Map<String, Integer> merged) {
        return inventory.lookup(new InventoryClient.SkuLookupRequest(new ArrayList<>(merged.keySet())))
                .stream().collect(Collectors.toMap(InventoryClient.SkuView::sku, Function.identity()));
    }

    private long placeInTurn(String idempotencyKey, String hash, CheckoutRequest request,
                             List<OrderPricing.PricedLine> priced) {
        acquireTurn();
        try {
            return transaction.place(idempotencyKey, hash, request, priced, settings.getPaymentTimeout());
        } finally {
            running.release();
        }
    }

    /** Bulkhead (mall.order.max-concurrent-checkouts): wait for a turn, fairly, or answer 503 BUSY. */
    private void acquireTurn() {
        try {
            if (!running.tryAcquire(settings.getCheckoutQueueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "BUSY",
                        "too many checkouts in progress; retry with the same Idempotency-Key");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "BUSY", "interrupted while waiting for a turn");
        }
    }

    static String hash(long userId, Map<String, Integer> merged, long points, Long couponId) {
        String canonical = userId + "|" + new TreeMap<>(merged) + "|" + points + "|" + couponId;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
