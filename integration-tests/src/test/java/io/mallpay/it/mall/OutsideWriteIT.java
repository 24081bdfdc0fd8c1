package io.mallpay.it.mall;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Db;
import io.mallpay.it.support.Mall;
import io.mallpay.it.support.Processes;
import io.mallpay.it.support.SeataConsole;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.mallpay.it.support.Mall.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An outside write to an AT-managed row during an in-flight global transaction does not break that
 * transaction's rollback. A cancel releases stock (its inventory branch has written the SKU row)
 * and then hangs on mall-points (SIGSTOP) until it times out and rolls back; meanwhile an operator
 * restocks the same SKU. The restock, under {@code @GlobalLock}, waits for the global transaction
 * to end instead of writing under it: the rollback restores the reservation exactly, and the
 * restock lands afterwards.
 */
class OutsideWriteIT {

    @Test
    void aRestockWaitsForTheInFlightCancelAndItsRollbackStaysClean() throws Exception {
        CheckoutIT.Fixture f = CheckoutIT.fixture();
        JsonNode order = Stack.readJson(check(Mall.checkout("it-" + UUID.randomUUID(), Mall.cart(f.user(),
                List.of(Map.entry(f.skuA(), 4), Map.entry(f.skuB(), 2)), 300, f.coupon())), 201).body());
        long orderId = order.get("orderId").asLong();
        SeataConsole console = new SeataConsole();

        CompletableFuture<HttpResponse<String>> cancel;
        CompletableFuture<HttpResponse<String>> restock;
        long restockStarted;
        String xid;
        long started = System.currentTimeMillis();
        Processes.signal("mall-points", "STOP");
        try {
            cancel = CompletableFuture.supplyAsync(() -> Mall.cancel(orderId));
            JsonNode[] session = new JsonNode[1];
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                session[0] = console.globalSessionsBegunSince(started).stream()
                        .filter(s -> "mall-order-cancel".equals(s.path("transactionName").asText()))
                        .filter(s -> s.path("branchSessionVOs").findValuesAsText("resourceId").stream()
                                .anyMatch(r -> r.endsWith("/mall_inventory")))
                        .findFirst().orElse(null);
                assertThat(session[0]).isNotNull();
            });
            xid = session[0].get("xid").asText();
            // The cancel's inventory branch moved 4 units reserved -> available and holds the row (an AT
            // branch registers just before its local commit: wait for the commit, not only the branch).
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                    Db.queryLong("mall_inventory", "SELECT available FROM sku WHERE sku = ?", f.skuA()) == 20);
            restockStarted = System.nanoTime();
            restock = CompletableFuture.supplyAsync(() -> Stack.postJson(Mall.service("MALL_INVENTORY_PORT")
                    + "/internal/stock/" + f.skuA() + "/restock", "{\"quantity\":7}", Map.of(), Duration.ofSeconds(60)));
            // mall-points stays frozen until the cancel gives up on it (Feign read timeout) and rolls back;
            // all that while, the restock must not complete under the cancel's live global transaction.
            int seenWaiting = 0;
            while (!cancel.isDone()) {
                boolean restockDone = restock.isDone();
                boolean cancelLive = console.globalSessions().stream().anyMatch(s -> xid.equals(s.path("xid").asText()));
                assertThat(restockDone && cancelLive).as("the restock completed while the cancel's global "
                        + "transaction %s still held the row", xid).isFalse();
                if (cancelLive) {
                    seenWaiting++;
                }
                Thread.sleep(200);
            }
            assertThat(seenWaiting).as("polls that saw the restock waiting behind the live cancel").isPositive();
        } finally {
            Processes.signal("mall-points", "CONT");
        }

        HttpResponse<String> c = cancel.get();
        assertThat(c.statusCode()).as(c.body()).isEqualTo(503);     // mall-points did not answer in time
        HttpResponse<String> r = restock.get();
        long waitedMillis = (System.nanoTime() - restockStarted) / 1_000_000;
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        System.out.printf("restock waited %d ms for the cancel's global transaction %s to roll back%n", waitedMillis, xid);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(console.globalSessions()).noneMatch(s -> xid.equals(s.path("xid").asText())));
        JsonNode after = Mall.order(orderId);
        assertThat(after.get("status").asText()).as(after.toString()).isEqualTo("CREATED");
        assertThat(Db.queryLong("mall_inventory", "SELECT reserved FROM sku WHERE sku = ?", f.skuA())).isEqualTo(4);
        assertThat(Db.queryLong("mall_inventory", "SELECT available FROM sku WHERE sku = ?", f.skuA())).isEqualTo(16 + 7);
        assertThat(Db.queryLong("mall_inventory", "SELECT restocked FROM sku WHERE sku = ?", f.skuA())).isEqualTo(7);
        assertThat(Db.queryLong("mall_inventory",
                "SELECT available + reserved + sold - initial_stock - restocked FROM sku WHERE sku = ?", f.skuA())).isZero();
        assertThat(Db.queryLong("mall_inventory", "SELECT COUNT(*) FROM undo_log WHERE xid = ?", xid)).isZero();
        assertThat(Mall.points(f.user()).get("frozen").asLong()).isEqualTo(300);
        assertThat(Mall.couponStatus(f.user(), f.coupon())).isEqualTo("LOCKED");
    }
}
