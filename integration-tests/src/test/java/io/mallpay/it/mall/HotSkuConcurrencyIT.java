package io.mallpay.it.mall;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Db;
import io.mallpay.it.support.Mall;
import io.mallpay.it.support.SeataConsole;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.mallpay.it.support.Mall.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 200 concurrent checkouts of one SKU with stock 50 through the storefront: exactly 50 orders,
 * every other request a clear OUT_OF_STOCK, stock never negative. Then the TC holds no global
 * lock, and new checkouts of that SKU — alone and in multi-line carts — go through at once (no
 * orphaned global lock, INFRA.md).
 */
class HotSkuConcurrencyIT {

    @Test
    void twoHundredBuyersFiftyUnitsExactlyFiftyOrders() throws Exception {
        String hot = Mall.sku(199, 50);
        String other = Mall.sku(350, 1000);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        List<Long> users = Mall.users(200, 0);
        long t0 = System.nanoTime();
        long startedAt = System.currentTimeMillis();
        for (int i = 0; i < 200; i++) {
            long user = users.get(i);
            // Half the carts also take a line of another SKU, so branches lock two rows.
            String cart = i % 2 == 0
                    ? Mall.cart(user, List.of(Map.entry(hot, 1)), 0, null)
                    : Mall.cart(user, List.of(Map.entry(other, 1), Map.entry(hot, 1)), 0, null);
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(Mall.storefront() + "/api/orders"))
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "it-hot-" + UUID.randomUUID())
                    .POST(HttpRequest.BodyPublishers.ofString(cart)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        List<Long> orderIds = new ArrayList<>();
        for (var c : calls) {
            HttpResponse<String> r = c.join();
            String key = r.statusCode() + " " + (r.statusCode() == 201 ? "CREATED" : Mall.code(r));
            outcomes.merge(key, 1, Integer::sum);
            if (r.statusCode() == 201) {
                orderIds.add(Stack.readJson(r.body()).get("orderId").asLong());
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("hot SKU: %s in %d ms%n", outcomes, millis);

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("201 CREATED", 50, "409 OUT_OF_STOCK", 150));
        assertThat(Db.queryLong("mall_inventory", "SELECT available FROM sku WHERE sku = ?", hot)).isZero();
        assertThat(Db.queryLong("mall_inventory", "SELECT reserved FROM sku WHERE sku = ?", hot)).isEqualTo(50);
        assertThat(Db.queryLong("mall_inventory",
                "SELECT COALESCE(SUM(quantity), 0) FROM stock_reservation WHERE sku = ? AND status = 'RESERVED'", hot))
                .isEqualTo(50);
        assertThat(Db.queryLong("mall_inventory", "SELECT available + reserved + sold FROM sku WHERE sku = ?", other))
                .isEqualTo(1000);

        SeataConsole console = new SeataConsole();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // this test's rows and sessions only: earlier test classes may leave the TC work to retry
            assertThat(console.globalLocks()).as("global locks on this test's SKUs once idle")
                    .noneMatch(l -> "sku".equalsIgnoreCase(l.path("tableName").asText().replace("`", ""))
                            && List.of(hot, other).contains(l.path("pk").asText()));
            assertThat(console.globalSessionsBegunSince(startedAt)).as("unfinished global transactions of this test")
                    .isEmpty();
        });

        // Two buyers cancel: their units come back, and fresh checkouts of the hot SKU succeed at once.
        check(Mall.cancel(orderIds.get(0)), 200);
        check(Mall.cancel(orderIds.get(1)), 200);
        long t1 = System.nanoTime();
        check(Mall.checkout("it-" + UUID.randomUUID(), Mall.cart(Mall.user(0), List.of(Map.entry(hot, 1)), 0, null)), 201);
        check(Mall.checkout("it-" + UUID.randomUUID(),
                Mall.cart(Mall.user(0), List.of(Map.entry(hot, 1), Map.entry(other, 2)), 0, null)), 201);
        long freshMillis = (System.nanoTime() - t1) / 1_000_000;
        // (their speed is the benchmark's business; that they succeed shows no leftover lock blocks the rows)
        System.out.printf("two fresh checkouts of the hot SKU after the storm: %d ms%n", freshMillis);
        JsonNode hotNow = Mall.product(hot);
        assertThat(hotNow.get("available").asInt()).isZero();
    }
}
