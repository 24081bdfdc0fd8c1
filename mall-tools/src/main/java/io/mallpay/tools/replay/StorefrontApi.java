package io.mallpay.tools.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mallpay.tools.StackClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP calls of a replay: the storefront (gateway) for orders, coupons, cards and payments;
 * the bank sandbox for cards; pay-fund for wallet top-ups; accounting and pay-payment operator
 * endpoints for the drain. Every call is idempotent (Idempotency-Key, top-up id, card number) or
 * a read, so transient failures are retried with the same request: connection errors, 429, 502,
 * 503 (BUSY, PARTICIPANT_UNAVAILABLE), 504, REQUEST_IN_PROGRESS and IDEMPOTENCY_KEY_CONFLICT, up
 * to {@value #ATTEMPTS} attempts, after the answer's {@code Retry-After} (seconds, at most 10) when it
 * has one (429 RATE_LIMITED, 503 CIRCUIT_OPEN), else with backoff from 250 ms to 4 s. Other answers come back as
 * they are, rejections with their problem+json {@code code}.
 */
public final class StorefrontApi {

    static final int ATTEMPTS = 6;
    private static final Set<Integer> RETRY_STATUS = Set.of(429, 502, 503, 504);
    private static final Set<String> RETRY_CODES = Set.of("REQUEST_IN_PROGRESS", "IDEMPOTENCY_KEY_CONFLICT");

    /** An answer: {@code status} 0 when the service could not be reached at all. */
    public record Answer(int status, JsonNode body, boolean replayed) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The problem+json code, {@code HTTP_<status>} without one, {@code UNREACHABLE} for status 0. */
        public String code() {
            if (status == 0) {
                return "UNREACHABLE";
            }
            String c = body == null ? null : body.path("code").asText(null);
            return c != null ? c : "HTTP_" + status;
        }

        public String detail() {
            return body == null ? null : body.path("detail").asText(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private final Tally retries;
    private final String storefront;
    private final String bank;
    private final String fund;
    private final String accounting;
    private final String payment;
    private final String inventory;

    public StorefrontApi(StackClient stack, Tally retries) {
        this.json = stack.json();
        this.retries = retries;
        this.storefront = stack.baseUrl("MALL_GATEWAY_PORT");
        this.bank = stack.baseUrl("BANK_SANDBOX_PORT");
        this.fund = stack.baseUrl("PAY_FUND_PORT");
        this.accounting = stack.baseUrl("PAY_ACCOUNTING_PORT");
        this.payment = stack.baseUrl("PAY_PAYMENT_PORT");
        this.inventory = stack.baseUrl("MALL_INVENTORY_PORT");
    }

    public Answer checkout(String key, long userId, List<Cart.Line> lines, Long couponId) throws InterruptedException {
        List<Map<String, Object>> body = lines.stream()
                .map(l -> Map.<String, Object>of("sku", l.sku(), "quantity", l.quantity())).toList();
        Map<String, Object> req = new java.util.LinkedHashMap<>();
        req.put("userId", userId);
        req.put("lines", body);
        req.put("pointsToUse", 0);
        req.put("couponId", couponId);
        return send("checkout", "POST", storefront + "/api/orders", key, req);
    }

    public Answer product(String sku) throws InterruptedException {
        return send("restock", "GET", storefront + "/api/products/" + enc(sku), null, null);
    }

    /**
     * The operator's restock (mall-inventory, not through the storefront). Not idempotent: a retry
     * after a lost answer may add the units twice, which only leaves more stock.
     */
    public Answer restock(String sku, long quantity) throws InterruptedException {
        return send("restock", "POST", inventory + "/internal/stock/" + enc(sku) + "/restock", null,
                Map.of("quantity", quantity));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    public Answer order(long orderId) throws InterruptedException {
        return send("order", "GET", storefront + "/api/orders/" + orderId, null, null);
    }

    public Answer cancel(long orderId) throws InterruptedException {
        return send("cancel", "POST", storefront + "/api/orders/" + orderId + "/cancel", null, null);
    }

    public Answer coupons(long userId) throws InterruptedException {
        return send("coupons", "GET", storefront + "/api/users/" + userId + "/coupons", null, null);
    }

    public Answer pay(String key, long orderId, String method) throws InterruptedException {
        return send("payment", "POST", storefront + "/api/payments", key, Map.of("orderId", orderId, "method", method));
    }

    public Answer payment(String paymentId) throws InterruptedException {
        return send("payment", "GET", storefront + "/api/payments/" + paymentId, null, null);
    }

    public Answer openCard(String cardNumber, String holder, long balanceCents) throws InterruptedException {
        return send("card", "POST", bank + "/bank/cards", null,
                Map.of("cardNumber", cardNumber, "holder", holder, "balanceCents", balanceCents));
    }

    public Answer bindCard(long userId, String cardNumber) throws InterruptedException {
        return send("card", "PUT", storefront + "/api/users/" + userId + "/card", null, Map.of("cardNumber", cardNumber));
    }

    public Answer topUp(long userId, String topUpId, long amountCents) throws InterruptedException {
        return send("top-up", "POST", fund + "/internal/fund/accounts/USER/" + userId + "/top-ups", null,
                Map.of("topUpId", topUpId, "amountCents", amountCents));
    }

    public Answer accountingStats() throws InterruptedException {
        return send("drain", "GET", accounting + "/api/accounting/stats", null, null);
    }

    public Answer pendingNotifications(int limit) throws InterruptedException {
        return send("drain", "GET", payment + "/ops/notifications?status=PENDING&limit=" + limit, null, null);
    }

    public Answer notificationOf(String paymentId) throws InterruptedException {
        return send("drain", "GET", payment + "/ops/notifications/payment/" + paymentId, null, null);
    }

    private Answer send(String step, String method, String url, String key, Object body) throws InterruptedException {
        HttpRequest req = request(method, url, key, body);
        Answer last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long retryAfterMillis = -1;
            try {
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                JsonNode node = r.body() == null || r.body().isBlank() ? null : parse(r.body());
                last = new Answer(r.statusCode(), node,
                        r.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false));
                if (!RETRY_STATUS.contains(r.statusCode()) && !RETRY_CODES.contains(last.code())) {
                    return last;
                }
                retryAfterMillis = r.headers().firstValue("Retry-After").map(StorefrontApi::seconds)
                        .map(sec -> Math.min(10_000L, sec * 1000L)).orElse(-1L);
            } catch (IOException e) {
                last = new Answer(0, json.createObjectNode().put("detail", url + ": " + e), false);
            }
            if (attempt < ATTEMPTS) {
                retries.add(step + "." + last.code());
                // a Retry-After (429 RATE_LIMITED, 503 CIRCUIT_OPEN) says when to come back; else back off
                Thread.sleep(retryAfterMillis >= 0 ? retryAfterMillis : Math.min(4000L, 250L << (attempt - 1)));
            }
        }
        return last;
    }

    /** A {@code Retry-After} in seconds (the form this platform sends); 1 for a date or junk. */
    static long seconds(String retryAfter) {
        try {
            return Math.max(0, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode().put("detail", body.length() > 500 ? body.substring(0, 500) : body);
        }
    }

    private HttpRequest request(String method, String url, String key, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90))
                .header("Accept", "application/json, application/problem+json");
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        if (body == null) {
            return b.method(method, "GET".equals(method)
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("")).build();
        }
        try {
            return b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + body, e);
        }
    }
}
