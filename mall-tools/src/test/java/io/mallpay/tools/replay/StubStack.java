package io.mallpay.tools.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A whole stack on one JDK HttpServer port, answering as the services do for the replay's calls:
 * imports, checkout (BAD_QUANTITY for a quantity below 1, UNKNOWN_SKU for SKUs not in
 * {@code catalogue}, the same order for a repeated Idempotency-Key), coupons, cards, top-ups,
 * payments (CARD PENDING then PAID on the first poll, WALLET PAID), cancel, drain endpoints.
 */
final class StubStack implements AutoCloseable {

    final List<String> requests = new CopyOnWriteArrayList<>();
    final Map<String, JsonNode> checkoutBodies = new ConcurrentHashMap<>();
    private final Set<String> catalogue;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final Map<String, Integer> orderOfKey = new ConcurrentHashMap<>();
    private final Map<String, String> paymentOfKey = new ConcurrentHashMap<>();
    private final Map<Integer, String> orderStatus = new ConcurrentHashMap<>();
    private final AtomicInteger paid = new AtomicInteger();
    private final Map<Integer, Long> userOfOrder = new ConcurrentHashMap<>();
    /** Customers who hold one coupon (id 77, £5 off £30) that checkout refuses as COUPON_NOT_USABLE. */
    final Set<Long> refusedCouponHolders = ConcurrentHashMap.newKeySet();
    /** Customers whose payments are refused with DAILY_LIMIT_EXCEEDED. */
    final Set<Long> overDailyLimit = ConcurrentHashMap.newKeySet();

    StubStack(Set<String> catalogue) throws IOException {
        this.catalogue = catalogue;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    Path stackEnv(Path dir) throws IOException {
        int port = server.getAddress().getPort();
        StringBuilder env = new StringBuilder();
        for (String k : List.of("MALL_GATEWAY_PORT", "BANK_SANDBOX_PORT", "PAY_FUND_PORT", "PAY_PAYMENT_PORT",
                "PAY_ACCOUNTING_PORT", "MALL_INVENTORY_PORT", "MALL_POINTS_PORT", "MALL_COUPON_PORT")) {
            env.append(k).append('=').append(port).append('\n');
        }
        return Files.writeString(dir.resolve("stack.env"), env);
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        byte[] in = ex.getRequestBody().readAllBytes();
        JsonNode body = in.length == 0 ? null : json.readTree(in);
        requests.add(method + " " + path + (key == null ? "" : " key=" + key));
        Object[] answer = route(method, path, key, body);
        byte[] out = json.writeValueAsBytes(answer[1]);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        if (answer.length > 2) {
            ex.getResponseHeaders().add("Idempotent-Replayed", "true");
        }
        ex.sendResponseHeaders((Integer) answer[0], out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    private Object[] route(String method, String path, String key, JsonNode body) {
        if (path.startsWith("/internal/") && path.endsWith("/import")) {
            return new Object[] {200, Map.of("inserted", 0, "unchanged", 0)};
        }
        if (path.equals("/api/orders")) {
            return checkout(key, body);
        }
        if (path.matches("/api/orders/\\d+/cancel")) {
            int id = Integer.parseInt(path.split("/")[3]);
            orderStatus.put(id, "CANCELLED");
            return new Object[] {200, Map.of("orderId", id, "status", "CANCELLED")};
        }
        if (path.matches("/api/orders/\\d+")) {
            int id = Integer.parseInt(path.split("/")[3]);
            return new Object[] {200, Map.of("orderId", id, "status", orderStatus.getOrDefault(id, "CREATED"))};
        }
        if (path.endsWith("/coupons")) {
            long user = Long.parseLong(path.split("/")[3]);
            return new Object[] {200, refusedCouponHolders.contains(user)
                    ? List.of(Map.of("couponId", 77, "status", "AVAILABLE", "discountCents", 500, "minOrderCents", 3000))
                    : List.of()};
        }
        if (path.equals("/bank/cards")) {
            return new Object[] {201, Map.of("cardNumber", body.path("cardNumber").asText())};
        }
        if (path.endsWith("/card") || path.endsWith("/top-ups")) {
            return new Object[] {200, Map.of()};
        }
        if (path.equals("/api/payments")) {
            return pay(key, body);
        }
        if (path.startsWith("/api/payments/")) {
            return new Object[] {200, Map.of("paymentId", path.substring(14), "status", "PAID")};
        }
        if (path.equals("/api/accounting/stats")) {
            return new Object[] {200, Map.of("voucherCount", paid.get(), "lastVoucherAt", "2026-01-01T00:00:00Z")};
        }
        if (path.equals("/ops/notifications")) {
            return new Object[] {200, List.of()};
        }
        if (path.startsWith("/ops/notifications/payment/")) {
            return new Object[] {200, Map.of("notifyStatus", "SUCCESS", "updatedAt", "2026-01-01T00:00:01.5")};
        }
        return new Object[] {404, Map.of("code", "NOT_FOUND")};
    }

    private Object[] checkout(String key, JsonNode body) {
        checkoutBodies.put(key, body);
        Integer earlier = orderOfKey.get(key);
        if (earlier != null) {
            return new Object[] {201, order(earlier), true};
        }
        if (body.hasNonNull("couponId")) {
            return problem(409, "COUPON_NOT_USABLE", "coupon " + body.path("couponId").asText() + " is USED");
        }
        for (JsonNode l : body.path("lines")) {
            if (l.path("quantity").asInt() < 1) {
                return problem(400, "BAD_QUANTITY", "quantity of " + l.path("sku").asText() + " must be 1..10000");
            }
        }
        List<String> unknown = new java.util.ArrayList<>();
        body.path("lines").forEach(l -> {
            if (!catalogue.contains(l.path("sku").asText())) {
                unknown.add(l.path("sku").asText());
            }
        });
        if (!unknown.isEmpty()) {
            return problem(404, "UNKNOWN_SKU", "unknown sku(s): " + String.join(", ", unknown));
        }
        int id = ids.incrementAndGet();
        orderOfKey.put(key, id);
        orderStatus.put(id, "CREATED");
        userOfOrder.put(id, body.path("userId").asLong());
        return new Object[] {201, order(id)};
    }

    private Object[] pay(String key, JsonNode body) {
        int orderId = body.path("orderId").asInt();
        boolean card = "CARD".equals(body.path("method").asText());
        String earlier = paymentOfKey.get(key);
        if (earlier != null) {
            return new Object[] {201, Map.of("paymentId", earlier, "status", "PAID"), true};
        }
        if (overDailyLimit.contains(userOfOrder.get(orderId))) {
            return problem(422, "DAILY_LIMIT_EXCEEDED", "user has 5000000p of payments today");
        }
        String id = "P" + ids.incrementAndGet();
        paymentOfKey.put(key, id);
        orderStatus.put(orderId, "PAID");
        paid.incrementAndGet();
        return new Object[] {201, Map.of("paymentId", id, "status", card ? "PENDING" : "PAID")};
    }

    private static Map<String, Object> order(int id) {
        return Map.of("orderId", id, "status", "CREATED", "totalCents", 1000, "payableCents", 1000);
    }

    private static Object[] problem(int status, String code, String detail) {
        return new Object[] {status, Map.of("code", code, "detail", detail)};
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
