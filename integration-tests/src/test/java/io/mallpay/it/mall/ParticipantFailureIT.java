package io.mallpay.it.mall;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Db;
import io.mallpay.it.support.Mall;
import io.mallpay.it.support.MallCli;
import io.mallpay.it.support.Processes;
import io.mallpay.it.support.SeataConsole;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A participant process killed (SIGKILL) in the middle of a checkout's global transaction: the
 * checkout fails, the TC rolls back what it can at once and keeps retrying the dead participant's
 * branch, and once that process is restarted (./mall start) the rollback completes — no trace in
 * any service. Freezing processes with SIGSTOP sequences the steps deterministically: the
 * checkout calls coupon → points → inventory.
 */
class ParticipantFailureIT {

    private static final String CHECKOUT = "mall-checkout";
    private final SeataConsole console = new SeataConsole();
    private final List<String> stopped = new ArrayList<>();

    @AfterEach
    void thawAndRestart() {
        stopped.forEach(c -> Processes.signal(c, "CONT"));
        for (String c : List.of("mall-coupon", "mall-points", "mall-inventory")) {
            MallCli.Result r = MallCli.run(Map.of(), 240, "start", c);
            assertThat(r.exitCode()).as(r.output()).isZero();
        }
    }

    private void stop(String component) {
        Processes.signal(component, "STOP");
        stopped.add(component);
    }

    private void cont(String component) {
        Processes.signal(component, "CONT");
        stopped.remove(component);
    }

    private static void kill(String component) {
        MallCli.Result r = MallCli.run(Map.of(), 30, "kill", component);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    private static void restart(String component) {
        MallCli.Result r = MallCli.run(Map.of(), 240, "start", component);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    private static CompletableFuture<HttpResponse<String>> checkoutAsync(CheckoutIT.Fixture f, long points) {
        String cart = Mall.cart(f.user(), List.of(Map.entry(f.skuA(), 4), Map.entry(f.skuB(), 2)), points, f.coupon());
        return CompletableFuture.supplyAsync(() -> Mall.checkout("it-" + UUID.randomUUID(), cart));
    }

    /** Waits until a live checkout has registered a branch on each of the given databases. */
    private JsonNode awaitBranches(String... databases) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            found[0] = console.globalSessions().stream()
                    .filter(s -> CHECKOUT.equals(s.path("transactionName").asText()))
                    .filter(s -> {
                        List<String> rs = s.path("branchSessionVOs").findValuesAsText("resourceId");
                        for (String db : databases) {
                            if (rs.stream().noneMatch(r -> r.endsWith("/" + db))) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .findFirst().orElse(null);
            assertThat(found[0]).isNotNull();
        });
        return found[0];
    }

    private void awaitNoTrace(String xid, CheckoutIT.Fixture f, long openingPoints) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(console.globalSessions()).noneMatch(s -> xid.equals(s.path("xid").asText())));
        assertThat(Mall.ordersOf(f.user())).isZero();
        assertThat(Mall.product(f.skuA()).get("available").asInt()).isEqualTo(20);
        assertThat(Mall.product(f.skuB()).get("available").asInt()).isEqualTo(5);
        assertThat(Db.queryLong("mall_inventory", "SELECT reserved FROM sku WHERE sku = ?", f.skuA())).isZero();
        assertThat(Mall.points(f.user()).get("available").asLong()).isEqualTo(openingPoints);
        assertThat(Mall.points(f.user()).get("frozen").asLong()).isZero();
        assertThat(Mall.couponStatus(f.user(), f.coupon())).isEqualTo("AVAILABLE");
        for (String db : List.of("mall_order", "mall_inventory", "mall_points", "mall_coupon")) {
            assertThat(Db.queryLong(db, "SELECT COUNT(*) FROM undo_log WHERE xid = ?", xid)).as(db).isZero();
        }
        assertThat(console.globalLocks()).noneMatch(l -> xid.equals(l.path("xid").asText()));
    }

    @Test
    void couponKilledAfterItsBranchRollsBackWhenItReturns() throws Exception {
        long opening = 100;
        long user = Mall.user(opening);
        CheckoutIT.Fixture f = new CheckoutIT.Fixture(Mall.sku(250, 20), Mall.sku(1000, 5), user, Mall.coupon(user, 500, 2000));
        stop("mall-points");
        var checkout = checkoutAsync(f, 300);                  // 300 > 100 points: will fail in points
        String xid = awaitBranches("mall_order", "mall_coupon").get("xid").asText();
        // The branch registers when its local transaction commits, a moment before mall-coupon
        // answers mall-order; once the checkout's request waits at the frozen mall-points, that
        // answer has left, and killing mall-coupon cannot cut it.
        Processes.awaitRequestPendingAt(Stack.get().port("MALL_POINTS_PORT"), Duration.ofSeconds(20));
        kill("mall-coupon");                                   // its branch is registered, its process gone
        cont("mall-points");

        HttpResponse<String> r = checkout.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(Mall.code(r)).isEqualTo("NOT_ENOUGH_POINTS");
        // The TC cannot undo the coupon branch while mall-coupon is down: the transaction stays open,
        // waiting to retry its rollback.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(console.globalSessions()).filteredOn(s -> xid.equals(s.path("xid").asText()))
                        .singleElement().satisfies(s -> assertThat(s.path("status").asInt())
                                .as("RollbackRetrying(5) or TimeoutRollbackRetrying(7)").isIn(5, 7)));
        assertThat(Db.queryString("mall_coupon", "SELECT status FROM user_coupon WHERE id = ?", f.coupon()))
                .isEqualTo("LOCKED");

        restart("mall-coupon");
        awaitNoTrace(xid, f, opening);
    }

    @Test
    void pointsKilledAfterItsBranchRollsBackWhenItReturns() throws Exception {
        CheckoutIT.Fixture f = CheckoutIT.fixture();
        stop("mall-coupon");
        var checkout = checkoutAsync(f, 300);
        String xid = awaitBranches("mall_order").get("xid").asText();
        stop("mall-inventory");                                // the stock branch will hang
        cont("mall-coupon");
        awaitBranches("mall_order", "mall_coupon", "mall_points");
        kill("mall-points");

        HttpResponse<String> r = checkout.get();               // the stock call times out: rollback
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(Mall.code(r)).isEqualTo("PARTICIPANT_UNAVAILABLE");
        cont("mall-inventory");
        assertThat(console.globalSessions()).anyMatch(s -> xid.equals(s.path("xid").asText()));

        restart("mall-points");
        awaitNoTrace(xid, f, 1000);
    }

    @Test
    void inventoryKilledDuringItsBranchLeavesNothingBehind() throws Exception {
        CheckoutIT.Fixture f = CheckoutIT.fixture();
        stop("mall-points");
        var checkout = checkoutAsync(f, 300);
        String xid = awaitBranches("mall_order", "mall_coupon").get("xid").asText();
        stop("mall-inventory");
        cont("mall-points");
        awaitBranches("mall_order", "mall_coupon", "mall_points");
        kill("mall-inventory");                               // dies inside the reservation call

        HttpResponse<String> r = checkout.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(Mall.code(r)).isEqualTo("PARTICIPANT_UNAVAILABLE");
        stopped.remove("mall-inventory");

        restart("mall-inventory");
        awaitNoTrace(xid, f, 1000);
    }
}
