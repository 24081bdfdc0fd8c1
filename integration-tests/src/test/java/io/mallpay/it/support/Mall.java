package io.mallpay.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.pay.api.notify.NotificationSignature;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The mall as a storefront client (through the gateway) and as an operator (the services' import
 * endpoints) sees it, plus Object-Mother style fixtures: every test makes its own SKUs, users and
 * coupons with fresh ids, so tests never share state.
 */
public final class Mall {

    private static final Stack STACK = Stack.get();

    private Mall() {
    }

    public static String storefront() {
        return "http://127.0.0.1:" + STACK.port("MALL_GATEWAY_PORT");
    }

    public static String service(String portKey) {
        return "http://127.0.0.1:" + STACK.port(portKey);
    }

    public static String uniqueSku() {
        return "IT" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    public static long uniqueUser() {
        return 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    /** A SKU with the given price (pence) and stock (units). */
    public static String sku(long priceCents, int stock) {
        String sku = uniqueSku();
        var r = Stack.postJson(service("MALL_INVENTORY_PORT") + "/internal/catalog/import",
                "{\"items\":[{\"sku\":\"" + sku + "\",\"name\":\"IT product " + sku + "\",\"priceCents\":"
                        + priceCents + ",\"initialStock\":" + stock + "}]}", Map.of());
        check(r, 200);
        return sku;
    }

    /** A user with an opening balance of points. */
    public static long user(long points) {
        return users(1, points).get(0);
    }

    /**
     * {@code n} new users with {@code points} points each, imported in one call (checkout answers
     * 404 UNKNOWN_USER for a user the mall does not know).
     */
    public static List<Long> users(int n, long points) {
        List<Long> users = new ArrayList<>();
        StringBuilder body = new StringBuilder("{\"users\":[");
        for (int i = 0; i < n; i++) {
            long user = uniqueUser();
            users.add(user);
            body.append(i == 0 ? "" : ",").append("{\"userId\":").append(user)
                    .append(",\"openingPoints\":").append(points).append('}');
        }
        check(Stack.postJson(service("MALL_POINTS_PORT") + "/internal/users/import", body + "]}", Map.of()), 200);
        return users;
    }

    /** Grants the user a coupon; returns its id. */
    public static long coupon(long user, long discountCents, long minOrderCents) {
        String key = "it-" + UUID.randomUUID();
        var r = Stack.postJson(service("MALL_COUPON_PORT") + "/internal/coupons/import",
                "{\"grants\":[{\"grantKey\":\"" + key + "\",\"userId\":" + user + ",\"templateCode\":\"IT_"
                        + discountCents + "_" + minOrderCents + "\",\"templateName\":\"IT coupon\",\"discountCents\":"
                        + discountCents + ",\"minOrderCents\":" + minOrderCents + "}]}", Map.of());
        check(r, 200);
        JsonNode coupons = Stack.readJson(check(Stack.get(storefront() + "/api/users/" + user + "/coupons"), 200).body());
        return coupons.get(coupons.size() - 1).get("couponId").asLong();
    }

    public static String cart(long user, List<Map.Entry<String, Integer>> lines, long points, Long couponId) {
        StringBuilder b = new StringBuilder("{\"userId\":").append(user).append(",\"lines\":[");
        for (int i = 0; i < lines.size(); i++) {
            b.append(i > 0 ? "," : "").append("{\"sku\":\"").append(lines.get(i).getKey())
                    .append("\",\"quantity\":").append(lines.get(i).getValue()).append('}');
        }
        b.append("],\"pointsToUse\":").append(points);
        if (couponId != null) {
            b.append(",\"couponId\":").append(couponId);
        }
        return b.append('}').toString();
    }

    public static HttpResponse<String> checkout(String idempotencyKey, String body) {
        return Stack.postJson(storefront() + "/api/orders", body, Map.of("Idempotency-Key", idempotencyKey),
                java.time.Duration.ofSeconds(90));
    }

    public static JsonNode product(String sku) {
        return Stack.readJson(check(Stack.get(storefront() + "/api/products/" + sku), 200).body());
    }

    public static JsonNode points(long user) {
        return Stack.readJson(check(Stack.get(storefront() + "/api/users/" + user + "/points"), 200).body());
    }

    public static String couponStatus(long user, long couponId) {
        JsonNode all = Stack.readJson(check(Stack.get(storefront() + "/api/users/" + user + "/coupons"), 200).body());
        for (JsonNode c : all) {
            if (c.get("couponId").asLong() == couponId) {
                return c.get("status").asText();
            }
        }
        throw new AssertionError("coupon " + couponId + " not listed for user " + user);
    }

    public static JsonNode order(long orderId) {
        return Stack.readJson(check(Stack.get(storefront() + "/api/orders/" + orderId), 200).body());
    }

    public static HttpResponse<String> cancel(long orderId) {
        return Stack.postJson(storefront() + "/api/orders/" + orderId + "/cancel", "", Map.of(),
                java.time.Duration.ofSeconds(90));
    }

    /**
     * Delivers a payment result as the payment platform does: signed with the mall's merchant key
     * (pay-api NotificationSignature, MERCHANT_NOTIFY_SECRET of the run directory).
     */
    public static HttpResponse<String> paymentResult(long orderId, String paymentId, long amountCents) {
        String body = "{\"paymentId\":\"" + paymentId + "\",\"amountCents\":" + amountCents + "}";
        String ts = Long.toString(System.currentTimeMillis());
        String nonce = UUID.randomUUID().toString();
        String sig = NotificationSignature.sign(STACK.env("MERCHANT_NOTIFY_SECRET"), ts, nonce, body);
        return Stack.postJson(service("MALL_ORDER_PORT") + "/internal/orders/" + orderId + "/payment-result", body,
                Map.of(NotificationSignature.TIMESTAMP_HEADER, ts, NotificationSignature.NONCE_HEADER, nonce,
                        NotificationSignature.SIGNATURE_HEADER, sig));
    }

    public static long ordersOf(long user) {
        return Db.queryLong("mall_order", "SELECT COUNT(*) FROM orders WHERE user_id = ?", user);
    }

    public static HttpResponse<String> check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new AssertionError(r.request().method() + " " + r.uri() + " answered " + r.statusCode()
                    + " (expected " + status + "): " + r.body());
        }
        return r;
    }

    public static String code(HttpResponse<String> r) {
        return Stack.readJson(r.body()).path("code").asText();
    }
}
