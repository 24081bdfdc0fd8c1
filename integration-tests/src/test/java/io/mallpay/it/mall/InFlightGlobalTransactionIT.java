package io.mallpay.it.mall;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Mall;
import io.mallpay.it.support.Processes;
import io.mallpay.it.support.SeataConsole;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A checkout paused mid-flight (mall-points frozen with SIGSTOP, so the points branch cannot
 * answer) is visible in the Seata console with its XID and the branches already registered (the
 * order and the coupon lock); once the participant thaws, the same global transaction commits.
 */
class InFlightGlobalTransactionIT {

    @Test
    void aPausedCheckoutIsListedWithItsBranchesThenCommits() throws Exception {
        CheckoutIT.Fixture f = CheckoutIT.fixture();
        SeataConsole console = new SeataConsole();
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        CompletableFuture<HttpResponse<String>> checkout;
        long started = System.currentTimeMillis();
        Processes.signal("mall-points", "STOP");
        try {
            checkout = CompletableFuture.supplyAsync(() -> Mall.checkout("it-" + UUID.randomUUID(),
                    Mall.cart(f.user(), List.of(Map.entry(f.skuA(), 4), Map.entry(f.skuB(), 2)), 300, f.coupon())));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                JsonNode ours = console.globalSessionsBegunSince(started).stream()
                        .filter(s -> "mall-checkout".equals(s.path("transactionName").asText()))
                        .filter(s -> s.path("branchSessionVOs").size() >= 2)
                        .findFirst().orElse(null);
                assertThat(ours).isNotNull();
                seen.set(ours);
            });
        } finally {
            Processes.signal("mall-points", "CONT");
        }
        JsonNode session = seen.get();
        System.out.println("in-flight global transaction as the Seata console lists it: " + session.toPrettyString());
        assertThat(session.get("applicationId").asText()).isEqualTo("mall-order");
        assertThat(session.get("xid").asText()).isNotBlank();
        List<String> resources = session.get("branchSessionVOs").findValuesAsText("resourceId");
        assertThat(resources).anyMatch(r -> r.contains("mall_order"));
        assertThat(resources).anyMatch(r -> r.contains("mall_coupon"));
        assertThat(resources).noneMatch(r -> r.contains("mall_points") || r.contains("mall_inventory"));

        HttpResponse<String> r = checkout.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String xid = session.get("xid").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(console.globalSessions()).noneMatch(s -> xid.equals(s.path("xid").asText())));
        assertThat(Mall.product(f.skuA()).get("available").asInt()).isEqualTo(16);
    }
}
