package io.mallpay.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mallpay.tools.StackClient;
import io.mallpay.tools.replay.StorefrontApi.Answer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load of {@code ./mall chaos overload} (issue 10): single-line checkouts through the
 * storefront at {@link #FACTOR} times the configured checkout capacity, for as long as the
 * scenario holds, beside whatever else runs (the chaos replay). The capacity is the {@code count}
 * of mall-order's shared {@code checkout-total} rule in
 * {@code nacos-config/sentinel/mall-order-param-flow-rules.json} (the gateway's route rules are a
 * runaway guard well above it).
 *
 * <p>{@link #WORKERS} workers, each pacing itself to {@code FACTOR × limit / WORKERS} checkouts a
 * second (a worker sends its next checkout once the last one answered and its period has passed:
 * a closed loop that cannot exceed the target rate). Each checkout is sent once, never retried, on
 * the benchmark's own SKUs and users ({@link Fixtures}, spread so that no customer comes near the
 * per-customer rule). Answers are counted by status and problem code. When the load stops, every
 * order it created is cancelled, so none holds stock or waits for the payment-timeout job.
 */
public final class Overload {

    /** Offered load as a multiple of the configured checkout limit (issue 10: about 3×). */
    public static final int FACTOR = 3;
    static final int WORKERS = 48;

    private final BenchClient client;
    private final double perSecond;
    private final PrintStream out;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final Queue<Long> orders = new ConcurrentLinkedQueue<>();
    private Thread[] workers;
    private long startedNanos;

    private Overload(BenchClient client, double perSecond, PrintStream out) {
        this.client = client;
        this.perSecond = perSecond;
        this.out = out;
    }

    /**
     * Prepares the benchmark fixtures (idempotent) and starts the load; returns at once.
     *
     * @param stack      the running stack
     * @param orderRules mall-order's hot-parameter rules file (JSON array of ParamFlowRule)
     * @throws IOException when the rules file has no {@code checkout-total} rule or a fixture call fails
     */
    public static Overload start(StackClient stack, Path orderRules, PrintStream out)
            throws IOException, InterruptedException {
        double limit = checkoutLimit(stack.json(), orderRules);
        BenchClient client = new BenchClient(stack);
        Fixtures.prepare(client);
        Overload o = new Overload(client, FACTOR * limit, out);
        o.run();
        out.printf(Locale.ROOT, "chaos: overload: %d workers offering %.0f checkouts/s (%d × the checkout capacity %.0f/s)%n",
                WORKERS, o.perSecond, FACTOR, limit);
        return o;
    }

    /**
     * The {@code count} (checkouts a second, all customers together) of the {@code checkout-total}
     * rule in mall-order's hot-parameter rules.
     *
     * @throws IOException when the file cannot be read or has no {@code checkout-total} rule
     */
    static double checkoutLimit(ObjectMapper json, Path orderRules) throws IOException {
        JsonNode rules = json.readTree(Files.readString(orderRules));
        for (JsonNode r : rules) {
            if ("checkout-total".equals(r.path("resource").asText())) {
                return r.path("count").asDouble();
            }
        }
        throw new IOException(orderRules + " has no rule for resource 'checkout-total'");
    }

    private void run() {
        long periodNanos = (long) (WORKERS * 1e9 / perSecond);
        workers = new Thread[WORKERS];
        startedNanos = System.nanoTime();
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            workers[w] = new Thread(() -> {
                for (long n = 0; !stop.get(); n++) {
                    long t0 = System.nanoTime();
                    try {
                        Answer a = client.checkout("overload-" + startedNanos + "-" + worker + "-" + n,
                                Fixtures.user(worker + WORKERS * (int) (n % (Fixtures.USERS / WORKERS))),
                                CheckoutScenario.skus(worker, WORKERS, n, 1), 0);
                        answers.computeIfAbsent(a.ok() ? a.status() + " CREATED" : a.status() + " " + a.code(),
                                k -> new LongAdder()).increment();
                        if (a.ok()) {
                            orders.add(a.body().path("orderId").asLong());
                        }
                        long rest = periodNanos - (System.nanoTime() - t0);
                        if (rest > 0) {
                            TimeUnit.NANOSECONDS.sleep(rest);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "overload-" + w);
            workers[w].setDaemon(true);
            workers[w].start();
        }
    }

    /**
     * Stops the load, waits for the checkouts in flight, cancels every order it created and prints
     * what it offered and how it was answered.
     *
     * @return answers by {@code "<status> <code>"} ({@code "201 CREATED"} for an admitted checkout)
     */
    public Map<String, Long> stop() throws InterruptedException {
        stop.set(true);
        for (Thread t : workers) {
            t.join(120_000);
        }
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        Map<String, Long> counts = new TreeMap<>();
        answers.forEach((k, v) -> counts.put(k, v.sum()));
        long sent = counts.values().stream().mapToLong(Long::longValue).sum();
        double offered = sent / seconds;
        out.printf(Locale.ROOT, "chaos: overload: %d checkouts in %.1f s (%.0f/s offered of the %.0f/s aimed at): %s%n",
                sent, seconds, offered, perSecond, counts);
        if (offered < perSecond / 2) {
            out.printf(Locale.ROOT, "chaos: overload: the stack answered too slowly for %d clients to offer the aimed"
                    + " rate: the stack serves fewer checkouts than its configured capacity, which then refuses nothing%n", WORKERS);
        }
        cancelOrders();
        return counts;
    }

    private void cancelOrders() throws InterruptedException {
        int total = orders.size();
        long failed = OrderCleanup.cancelAll(client::cancel, orders, 10, TimeUnit.MINUTES);
        out.printf(Locale.ROOT, "chaos: overload: cancelled the %d order(s) it created%s%n", total,
                failed == 0 ? "" : " (" + failed + " failed: the payment-timeout job releases them)");
    }
}
