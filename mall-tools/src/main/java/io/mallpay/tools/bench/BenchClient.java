package io.mallpay.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mallpay.tools.StackClient;
import io.mallpay.tools.replay.StorefrontApi.Answer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The storefront calls a benchmark measures, each sent exactly once (no retry: a 503 is a
 * measured error, counted by its problem {@code code}), plus the operator calls that prepare a
 * run (catalogue and user import, stock lookup and restock, on the service ports). An answer with
 * status 0 means the service could not be reached ({@code UNREACHABLE}).
 */
public final class BenchClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private final String storefront;
    private final String inventory;
    private final String points;

    public BenchClient(StackClient stack) {
        this.json = stack.json();
        this.storefront = stack.baseUrl("MALL_GATEWAY_PORT");
        this.inventory = stack.baseUrl("MALL_INVENTORY_PORT");
        this.points = stack.baseUrl("MALL_POINTS_PORT");
    }

    /** {@code POST /api/orders}: one line per SKU, quantity 1, {@code pointsToUse} points. */
    public Answer checkout(String key, long userId, List<String> skus, long pointsToUse) throws InterruptedException {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("userId", userId);
        req.put("lines", skus.stream().map(s -> Map.of("sku", s, "quantity", 1)).toList());
        req.put("pointsToUse", pointsToUse);
        return send("POST", storefront + "/api/orders", key, req);
    }

    /** {@code POST /api/orders/{id}/cancel} (idempotent). */
    public Answer cancel(long orderId) throws InterruptedException {
        return send("POST", storefront + "/api/orders/" + orderId + "/cancel", null, null);
    }

    /** mall-inventory {@code POST /internal/catalog/import} (idempotent: existing SKUs are left unchanged). */
    public Answer importCatalog(List<Map<String, Object>> items) throws InterruptedException {
        return send("POST", inventory + "/internal/catalog/import", null, Map.of("items", items));
    }

    /** mall-inventory {@code POST /internal/skus/lookup}: up to 500 SKUs with their {@code available} units. */
    public Answer lookup(List<String> skus) throws InterruptedException {
        return send("POST", inventory + "/internal/skus/lookup", null, Map.of("skus", skus));
    }

    /** mall-inventory {@code POST /internal/stock/{sku}/restock}: adds units (not idempotent). */
    public Answer restock(String sku, long quantity) throws InterruptedException {
        return send("POST", inventory + "/internal/stock/" + sku + "/restock", null, Map.of("quantity", quantity));
    }

    /** mall-points {@code POST /internal/users/import} (idempotent). */
    public Answer importUsers(List<Map<String, Object>> users) throws InterruptedException {
        return send("POST", points + "/internal/users/import", null, Map.of("users", users));
    }

    private Answer send(String method, String url, String key, Object body) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90))
                .header("Accept", "application/json, application/problem+json");
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        try {
            b.header("Content-Type", "application/json").method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), parse(r.body()), false);
        } catch (IOException e) {
            return new Answer(0, json.createObjectNode().put("detail", url + ": " + e), false);
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode().put("detail", body.length() > 300 ? body.substring(0, 300) : body);
        }
    }
}
