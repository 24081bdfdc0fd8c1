package io.mallpay.it.mall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mallpay.it.support.Mall;
import io.mallpay.it.support.MallCli;
import io.mallpay.it.support.NacosConfig;
import io.mallpay.it.support.Processes;
import io.mallpay.it.support.SeataConsole;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import static io.mallpay.it.support.Mall.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sentinel on the real stack (issue 10): a flow rule changed in Nacos takes effect live and refuses
 * the excess with 429 RATE_LIMITED (nothing written for a refused request); Sentinel's global switch
 * in Nacos turns every rule off and on live; a closed-loop overload
 * of 3x the checkout limit is refused in its excess while the admitted checkouts complete and every
 * invariant holds; one customer hammering checkout is limited by the per-customer hot-parameter rule
 * while others pass (a request that rule refuses does not use the shared capacity); a frozen participant opens its circuit, after which checkouts fail at once with
 * 503 CIRCUIT_OPEN naming it, and the circuit closes once the participant is back, leaving no
 * unfinished global transaction.
 */
class SentinelIT {

    private static final String GATEWAY_RULES = "mall-gateway-gw-flow-rules.json";
    private static final String ORDER_PARAM_RULES = "mall-order-param-flow-rules.json";
    private static final String GROUP = "SENTINEL_GROUP";
    private static final String SWITCH = "sentinel-switch.json";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private record Sent(long user, String key, HttpResponse<String> response) {
    }

    private static CompletableFuture<Sent> checkoutAsync(long user, String sku, long points) {
        String key = "it-sentinel-" + UUID.randomUUID();
        HttpRequest req = HttpRequest.newBuilder(URI.create(Mall.storefront() + "/api/orders"))
                .timeout(Duration.ofSeconds(90)).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(Mall.cart(user, List.of(Map.entry(sku, 1)), points, null)))
                .build();
        return HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofString()).thenApply(r -> new Sent(user, key, r));
    }

    private static List<Sent> burst(int n, String sku) {
        List<Long> users = Mall.users(n, 0);
        List<CompletableFuture<Sent>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(checkoutAsync(users.get(i), sku, 0));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    /** "201 CREATED" for an admitted checkout, else "<status> <problem code>". */
    private static String outcome(HttpResponse<String> r) {
        return r.statusCode() + " " + (r.statusCode() == 201 ? "CREATED" : Mall.code(r));
    }

    private static Map<String, Integer> outcomes(List<Sent> sent) {
        Map<String, Integer> out = new TreeMap<>();
        for (Sent s : sent) {
            out.merge(outcome(s.response()), 1, Integer::sum);
        }
        return out;
    }

    /** "p50 / p99 / max" of the latencies in milliseconds, for the test's printout. */
    private static String percentiles(Queue<Long> ms) {
        List<Long> sorted = ms.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return "-";
        }
        return "p50 " + sorted.get(sorted.size() / 2) + " / p99 " + sorted.get(sorted.size() * 99 / 100)
                + " / max " + sorted.get(sorted.size() - 1);
    }

    /** A Sentinel rule the tests lower: its rules file in Nacos, its resource, its burst field. */
    private record Rule(String dataId, String resource, String burstField) {
    }

    /** mall-gateway's checkout limit (gateway flow rule on the {@code checkout} route). */
    private static final Rule CHECKOUT_LIMIT = new Rule(GATEWAY_RULES, "checkout", "burst");
    /** mall-order's shared checkout capacity (param flow rule on {@code checkout-total}). */
    private static final Rule CHECKOUT_CAPACITY = new Rule(ORDER_PARAM_RULES, "checkout-total", "burstCount");

    /**
     * Publishes {@code rule}'s file (group SENTINEL_GROUP) with every rule on its resource at
     * {@code qps} per second and no burst; closing the returned change restores the original file.
     */
    private static NacosConfig.Change lower(Rule rule, int qps) {
        return NacosConfig.edit(rule.dataId(), GROUP, rules -> {
            ArrayNode all = (ArrayNode) Stack.readJson(rules);
            for (JsonNode r : all) {
                if (rule.resource().equals(r.path("resource").asText())) {
                    ((ObjectNode) r).put("count", qps).put(rule.burstField(), 0);
                }
            }
            return all.toPrettyString();
        });
    }

    /**
     * Client threads (daemons), each repeating its step until {@link #runFor} stops them; a step
     * that throws {@link InterruptedException} ends its thread. Elapsed time counts from construction.
     */
    private static final class Clients {

        /** One iteration of a client's loop. */
        interface Step {
            void run() throws InterruptedException;
        }

        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        private final long t0 = System.nanoTime();

        void start(Step step) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        step.run();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }

        /**
         * Lets the clients run for {@code ms} milliseconds, stops them, waits up to 120 s for each
         * to finish its step; returns the milliseconds since construction.
         */
        long runFor(long ms) throws InterruptedException {
            Thread.sleep(ms);
            stop.set(true);
            for (Thread t : threads) {
                t.join(120_000);
            }
            return (System.nanoTime() - t0) / 1_000_000;
        }
    }

    @Test
    void aFlowRuleLoweredInNacosRefusesTheExcessWith429AndRaisedBackAdmitsAgain() {
        String sku = Mall.sku(100, 10_000);
        List<Sent> refusedBurst;
        try (var lowered = lower(CHECKOUT_LIMIT, 5)) {
            // the gateway applies the lowered rule within seconds, without a restart: 30 checkouts at
            // once, 6x the limit, and the excess is refused
            refusedBurst = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> burst(30, sku), b -> b.stream().anyMatch(s -> s.response().statusCode() == 429));
        }
        System.out.printf("checkout limit 5/s, 30 at once: %s%n", outcomes(refusedBurst));
        assertThat(outcomes(refusedBurst).keySet()).as("only admitted (201) or refused (429 RATE_LIMITED)")
                .isSubsetOf("201 CREATED", "429 RATE_LIMITED");
        Sent refused = null;
        for (Sent s : refusedBurst) {
            HttpResponse<String> r = s.response();
            if (r.statusCode() == 429) {
                refused = s;
                assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                        ct -> assertThat(ct).startsWith("application/problem+json"));
                assertThat(Mall.ordersOf(s.user())).as("a refused checkout wrote nothing").isZero();
            } else {
                long orderId = Stack.readJson(r.body()).get("orderId").asLong();
                assertThat(Mall.order(orderId).path("status").asText()).isEqualTo("CREATED");
            }
        }
        long admitted = refusedBurst.stream().filter(s -> s.response().statusCode() == 201).count();

        // raised back (the original rules restored): the same burst passes, and the refused request
        // retried with its own Idempotency-Key is a fresh checkout
        List<Sent> restored = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> burst(30, sku), b -> b.stream().allMatch(s -> s.response().statusCode() == 201));
        HttpResponse<String> retried = check(Mall.checkout(refused.key(),
                Mall.cart(refused.user(), List.of(Map.entry(sku, 1)), 0, null)), 201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("false");
        assertThat(Mall.ordersOf(refused.user())).isEqualTo(1);
        JsonNode product = Mall.product(sku);
        assertThat(product.path("available").asLong()).as("stock reserved exactly by the admitted checkouts")
                .isLessThanOrEqualTo(10_000 - admitted - restored.size() - 1);
    }

    /**
     * Sentinel's global switch in Nacos (sentinel-switch.json, read by every process): with the
     * checkout limit lowered to 5/s a burst of 30 is partly refused; switched off, the same burst
     * passes whole (no rule applies) and every process reports it off; switched on again, the
     * lowered rule refuses the excess again. No restart anywhere.
     */
    @Test
    void theGlobalSwitchInNacosTurnsSentinelOffAndOnLive() {
        String sku = Mall.sku(101, 10_000);
        try (var lowered = lower(CHECKOUT_LIMIT, 5)) {
            List<Sent> limited = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> burst(30, sku), b -> b.stream().anyMatch(s -> s.response().statusCode() == 429));
            List<Sent> unguarded;
            try (var off = NacosConfig.edit(SWITCH, GROUP, doc -> doc.replace("true", "false"))) {
                unguarded = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> burst(30, sku), b -> b.stream().allMatch(s -> s.response().statusCode() == 201));
                for (String port : List.of("MALL_GATEWAY_PORT", "MALL_ORDER_PORT", "PAY_PAYMENT_PORT")) {
                    JsonNode circuits = Stack.readJson(check(Stack.get("http://127.0.0.1:" + Stack.get().port(port)
                            + "/actuator/circuits", Map.of()), 200).body());
                    assertThat(circuits.path("sentinelOn").asBoolean(true)).as(port + " reports Sentinel off").isFalse();
                }
            }
            List<Sent> limitedAgain = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> burst(30, sku), b -> b.stream().anyMatch(s -> s.response().statusCode() == 429));
            System.out.printf("limit 5/s, 30 at once: on %s, off %s, on again %s%n", outcomes(limited),
                    outcomes(unguarded), outcomes(limitedAgain));
            assertThat(outcomes(limitedAgain).keySet()).isSubsetOf("201 CREATED", "429 RATE_LIMITED");
        }
        assertThat(Stack.readJson(NacosConfig.read(SWITCH, GROUP)).path("on").asBoolean()).isTrue();
    }

    /**
     * Overload: 30 customers in a closed loop, each checking out about once a second (a new
     * checkout as soon as the last one answered and a second has passed since it was sent), against
     * mall-order's shared checkout capacity ({@code checkout-total}) lowered to 10/s: about 3x the
     * limit. The excess is refused with 429
     * RATE_LIMITED, every admitted checkout completes as an order, no refused one leaves anything,
     * no global transaction is left unfinished and {@code ./mall check} passes.
     */
    @Test
    void anOverloadOfThreeTimesTheCheckoutLimitIsRefusedWhileTheAdmittedCheckoutsComplete() throws Exception {
        int clients = 30;
        int limit = 10;
        Instant since = Instant.now().minusSeconds(1);
        long startedAt = System.currentTimeMillis();
        List<Long> users = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            users.add(Mall.user(0));
            skus.add(Mall.sku(100, 1_000));
        }
        Map<Long, List<Integer>> statuses = new ConcurrentHashMap<>();
        Map<String, Integer> all = new ConcurrentHashMap<>();
        Queue<Long> admittedMs = new ConcurrentLinkedQueue<>();
        Queue<Long> refusedMs = new ConcurrentLinkedQueue<>();
        long elapsedMs;
        try (var lowered = lower(CHECKOUT_CAPACITY, limit)) {
            // wait until mall-order applies the lowered rule (a burst of 30 gets a 429)
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> burst(30, skus.get(0)), b -> b.stream().anyMatch(s -> s.response().statusCode() == 429));
            Thread.sleep(1_100); // the tokens that burst used are back
            Clients loop = new Clients();
            for (int i = 0; i < clients; i++) {
                long user = users.get(i);
                String sku = skus.get(i);
                loop.start(() -> {
                    long sent = System.nanoTime();
                    HttpResponse<String> r = checkoutAsync(user, sku, 0).join().response();
                    (r.statusCode() == 201 ? admittedMs : refusedMs).add((System.nanoTime() - sent) / 1_000_000);
                    statuses.computeIfAbsent(user, u -> new ArrayList<>()).add(r.statusCode());
                    all.merge(outcome(r), 1, Integer::sum);
                    long wait = 1_000 - (System.nanoTime() - sent) / 1_000_000;
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                });
            }
            elapsedMs = loop.runFor(15_000);
        }
        int admitted = all.getOrDefault("201 CREATED", 0);
        int refused = all.getOrDefault("429 RATE_LIMITED", 0);
        System.out.printf("overload: %d clients for %d ms against %d checkouts/s: %s; admitted in %s ms, refused in %s ms%n",
                clients, elapsedMs, limit, all, percentiles(admittedMs), percentiles(refusedMs));

        assertThat(all.keySet()).as("only admitted (201) or refused (429 RATE_LIMITED)")
                .isSubsetOf("201 CREATED", "429 RATE_LIMITED");
        assertThat(refused).as("the excess is refused").isPositive();
        assertThat(admitted).as("admitted checkouts are held to the limit (%d/s over %d ms)", limit, elapsedMs)
                .isPositive().isLessThanOrEqualTo((int) (limit * (elapsedMs / 1_000 + 2)));
        for (long user : users) {
            long created = statuses.getOrDefault(user, List.of()).stream().filter(s -> s == 201).count();
            assertThat(Mall.ordersOf(user)).as("one order per admitted checkout of user %d, none for a refused one", user)
                    .isEqualTo(created);
        }
        SeataConsole console = new SeataConsole();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                console.globalSessionsBegunSince(startedAt)).as("unfinished global transactions").isEmpty());
        MallCli.Result check = MallCli.run(Map.of(), 180, "check", "--since", since.toString());
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    /**
     * Hot customer: one customer hammering checkout from 12 threads is refused by their own rule
     * (3/s) while three other customers, checking out every 300 ms, all pass — with mall-order's
     * shared checkout capacity lowered to 10/s, far below what the hot customer alone sends, so the
     * test fails if a request refused by the customer's own rule still used the shared capacity.
     */
    @Test
    void oneCustomerHammeringCheckoutIsLimitedWhileOtherCustomersPass() throws Exception {
        int capacity = 10;
        String sku = Mall.sku(100, 10_000);
        long hot = Mall.user(0);
        List<Long> others = List.of(Mall.user(0), Mall.user(0), Mall.user(0));
        Map<String, Integer> hotOutcomes = new ConcurrentHashMap<>();
        Map<String, Integer> otherOutcomes = new ConcurrentHashMap<>();
        long elapsedMs;
        try (var lowered = lower(CHECKOUT_CAPACITY, capacity)) {
            // wait until mall-order applies the lowered rule (a burst of 30 customers gets a 429)
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> burst(30, sku), b -> b.stream().anyMatch(s -> s.response().statusCode() == 429));
            Thread.sleep(1_100); // the tokens that burst used are back
            Clients loop = new Clients();
            for (int i = 0; i < 12; i++) {
                loop.start(() -> {
                    HttpResponse<String> r = checkoutAsync(hot, sku, 0).join().response();
                    hotOutcomes.merge(outcome(r), 1, Integer::sum);
                });
            }
            for (long user : others) {
                loop.start(() -> {
                    HttpResponse<String> r = checkoutAsync(user, sku, 0).join().response();
                    otherOutcomes.merge(outcome(r), 1, Integer::sum);
                    Thread.sleep(300);
                });
            }
            elapsedMs = loop.runFor(4000);
        }
        int hotSent = hotOutcomes.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("shared capacity %d/s, %d ms: hot customer: %s; three others: %s%n", capacity, elapsedMs,
                hotOutcomes, otherOutcomes);

        assertThat(hotSent).as("the hot customer alone sent more than the shared capacity admits in %d ms", elapsedMs)
                .isGreaterThan((int) (capacity * (elapsedMs / 1_000 + 1)));
        assertThat(hotOutcomes).containsKey("429 RATE_LIMITED");
        assertThat(hotOutcomes.keySet()).isSubsetOf("201 CREATED", "429 RATE_LIMITED");
        assertThat(otherOutcomes.keySet()).as("the other customers are not limited").containsOnly("201 CREATED");
        assertThat(Mall.ordersOf(hot)).as("one order per admitted checkout, none for a refused one")
                .isEqualTo(hotOutcomes.getOrDefault("201 CREATED", 0).longValue());
    }

    @Test
    void aFrozenParticipantOpensItsCircuitThenCheckoutsFailAtOnceUntilItIsBack() {
        // one SKU per checkout: checkouts of the same SKU queue behind each other in mall-order
        int wave = 12;
        int waves = 3;
        List<String> skus = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < wave * waves + 1; i++) {
            skus.add(Mall.sku(100, 1_000));
            users.add(Mall.user(1_000));
        }
        int probe = wave * waves;
        long startedAt = System.currentTimeMillis();
        String freezes = "POST:http://mall-points/internal/points/freezes";
        Processes.signal("mall-points", "STOP");
        try {
            // A wave of 12 checkouts spending points waits for the Feign read time-out: enough failures
            // (minRequestAmount 10) to open the circuit. Sentinel counts a degrade rule's calls in one
            // bucket of statIntervalMs aligned to the clock, so a wave whose completions straddle a
            // bucket boundary may count as two halves of under 10: then a further wave is sent.
            HttpResponse<String> r = null;
            for (int w = 0; w < waves; w++) {
                List<CompletableFuture<Sent>> calls = new ArrayList<>();
                for (int i = w * wave; i < (w + 1) * wave; i++) {
                    calls.add(checkoutAsync(users.get(i), skus.get(i), 10));
                }
                List<Sent> sent = calls.stream().map(CompletableFuture::join).toList();
                System.out.printf("wave %d of checkouts against frozen mall-points: %s%n", w + 1, outcomes(sent));
                assertThat(outcomes(sent).keySet()).as("a participant that does not answer fails the checkout")
                        .isSubsetOf("503 PARTICIPANT_UNAVAILABLE", "503 CIRCUIT_OPEN");
                long t0 = System.nanoTime();
                r = checkoutAsync(users.get(probe), skus.get(probe), 10).join().response();
                System.out.printf("probe after wave %d: %d %s in %d ms%n", w + 1, r.statusCode(), Mall.code(r),
                        (System.nanoTime() - t0) / 1_000_000);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                if ("CIRCUIT_OPEN".equals(Mall.code(r))) {
                    break;
                }
            }
            assertThat(Mall.code(r)).as("the circuit opened within %d waves of %d failed checkouts", waves, wave)
                    .isEqualTo("CIRCUIT_OPEN");
            assertThat(Stack.readJson(r.body()).path("participant").asText()).isEqualTo("mall-points");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(circuitState(freezes)).isEqualTo("OPEN");
            assertThat(Stack.get(Mall.service("MALL_ORDER_PORT") + "/actuator/prometheus").body())
                    .containsPattern("(?m)^sentinel_circuit_state\\{[^}]*resource=\"" + Pattern.quote(freezes)
                            + "\"[^}]*} 1\\.0$");
        } finally {
            Processes.signal("mall-points", "CONT");
        }
        // back: the circuit half-opens after its window, the probe passes and it closes
        long user = users.get(probe);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(
                () -> checkoutAsync(user, skus.get(probe), 10).join().response().statusCode() == 201);
        assertThat(circuitState(freezes)).isEqualTo("CLOSED");

        SeataConsole console = new SeataConsole();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(console.globalSessionsBegunSince(startedAt)).as("unfinished global transactions").isEmpty();
            for (long u : users.subList(0, probe)) {
                assertThat(Mall.ordersOf(u)).as("no order left by a failed checkout of user " + u).isZero();
            }
        });
    }

    private static String circuitState(String resource) {
        JsonNode all = Stack.readJson(check(Stack.get(Mall.service("MALL_ORDER_PORT") + "/actuator/circuits"), 200)
                .body()).path("circuits");
        for (JsonNode c : all) {
            if (resource.equals(c.path("resource").asText())) {
                return c.path("state").asText();
            }
        }
        throw new AssertionError("no circuit for " + resource + " in " + all);
    }
}
