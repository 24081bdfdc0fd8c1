package io.mallpay.tools.bench;

import io.mallpay.tools.replay.StorefrontApi;
import io.mallpay.tools.replay.Tally;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Measures every scenario of the options in one mode ({@code seata} or {@code baseline}) on the
 * stack as it is: per scenario a discarded warm-up at the highest level, then one run per level,
 * each bracketed by /proc samples of the stack's processes. After every run (warm-up included)
 * the orders it left CREATED are cancelled, unmeasured, so that they neither hold stock nor wait
 * for the payment-timeout job to cancel them under a later run.
 */
final class ModeRunner {

    private final BenchOptions options;
    private final BenchClient client;
    private final StorefrontApi api;
    private final StackProcesses processes;
    private final BenchScenario.HotSkuChecker checker;
    private final long clockTicks;
    private final String runId;
    private final PrintStream out;
    /** Runs started so far, warm-ups included (the idempotency keys' sequence). */
    private int sequence;

    ModeRunner(BenchOptions options, BenchClient client, StorefrontApi api, StackProcesses processes,
               BenchScenario.HotSkuChecker checker, long clockTicks, String runId, PrintStream out) {
        this.options = options;
        this.client = client;
        this.api = api;
        this.processes = processes;
        this.checker = checker;
        this.clockTicks = clockTicks;
        this.runId = runId;
        this.out = out;
    }

    void measureAll(String mode, BenchReport report) throws Exception {
        int top = options.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
        for (String name : options.scenarios()) {
            BenchScenario scenario = BenchScenario.of(name);
            if (options.warmup() > 0) {
                out.printf(Locale.ROOT, "bench: %s %s: warm-up %d s at C=%d (discarded)%n", name, mode,
                        options.warmup(), top);
                once(scenario, mode, top, Duration.ofSeconds(options.warmup()), "w");
            }
            for (int c : options.concurrency()) {
                measured(report, once(scenario, mode, c, Duration.ofSeconds(options.seconds()), ""));
            }
        }
    }

    /**
     * What Sentinel costs: per scenario and level, {@code --sentinel-pairs} pairs of runs with
     * Sentinel's global switch on and off in the same warm JVMs, the order alternating (on-off,
     * off-on, ...) so that a drift during the pairs (JIT, growing tables) weighs on both sides
     * alike. Runs after the normal runs, which are its warm-up. Leaves Sentinel on.
     */
    void measureSentinelPairs(SentinelToggle toggle, BenchReport report) throws Exception {
        for (String name : options.scenarios()) {
            BenchScenario scenario = BenchScenario.of(name);
            for (int c : options.concurrency()) {
                for (int i = 0; i < options.sentinelPairs(); i++) {
                    for (boolean on : pairOrder(i)) {
                        toggle.set(on);
                        String mode = on ? LevelResult.SENTINEL_ON : LevelResult.SENTINEL_OFF;
                        measured(report, once(scenario, mode, c, Duration.ofSeconds(options.seconds()), ""));
                    }
                }
            }
        }
        toggle.set(true);
    }

    /** Pair {@code i}'s order: Sentinel on first for even {@code i}, off first for odd. */
    static boolean[] pairOrder(int i) {
        return i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true};
    }

    private void measured(BenchReport report, LevelResult r) {
        report.add(r);
        out.printf(Locale.ROOT, "bench: %s %s C=%d: %.1f tx/s, p50 %s ms, p99 %s ms, %d errors%s, "
                        + "CPU %s ms/tx%n", r.scenario(), r.mode(), r.concurrency(), r.throughput(),
                BenchReport.num(r.latency().p50()), BenchReport.num(r.latency().p99()), r.errorCount(),
                r.errors().isEmpty() ? "" : " " + r.errors(), BenchReport.num(r.cpuMsPerTx().get("total")));
    }

    /**
     * The idempotency-key prefix of one run: unique per run of this bench (its {@code sequence}),
     * so a level measured twice (e.g. {@code --concurrency 16,32,16}, or the Sentinel pairs) sends
     * new checkouts instead of replaying the first run's keys, which the storefront would answer
     * from its idempotency records at once.
     */
    static String runKey(String runId, int sequence, String scenario, String mode, int c, String tag) {
        return "bench-" + runId + "-" + sequence + "-" + scenario + "-" + mode + c + tag;
    }

    private LevelResult once(BenchScenario scenario, String mode, int c, Duration duration, String tag)
            throws Exception {
        Queue<Long> orders = new ConcurrentLinkedQueue<>();
        Map<String, Long> pids = processes.pids();
        ProcSample[] samples = new ProcSample[2];
        BenchScenario.Sampler sampler = new BenchScenario.Sampler() {
            @Override
            public void before() {
                samples[0] = ProcSample.read(pids);
            }

            @Override
            public void after() {
                samples[1] = ProcSample.read(pids);
            }
        };
        String key = runKey(runId, ++sequence, scenario.name(), mode, c, tag);
        long[] lastPrint = {0};
        ClosedLoop.Tick tick = (s, tx, err) -> {
            if ((long) s / 5 > lastPrint[0]) {
                lastPrint[0] = (long) s / 5;
                out.printf(Locale.ROOT, "bench:   %s %s C=%d%s %.0f/%d s: %d tx, %d errors%n", scenario.name(), mode, c,
                        tag.isEmpty() ? "" : " warm-up", s, duration.toSeconds(), tx, err);
            }
        };
        BenchScenario.Result result;
        try {
            result = scenario.run(new BenchScenario.Run(client, key, mode, c, duration, orders, tick, checker, sampler));
        } finally {
            cancel(orders);
        }
        ClosedLoop.Measured m = result.measured();
        Map<String, Object> extra = new LinkedHashMap<>(result.extra());
        if (m.stopped() && !scenario.name().equals("hot-sku")) {
            extra.put("endedEarly", true);
        }
        return new LevelResult(scenario.name(), mode, c, Math.round(m.seconds() * 100) / 100.0, m.transactions(),
                LatencyStats.throughput(m.transactions(), m.seconds()), LatencyStats.ofMicros(m.micros()), m.errors(),
                samples[0] == null ? Map.of() : ProcSample.cpuMsPerTx(samples[0], samples[1], m.transactions(), clockTicks),
                samples[1] == null ? Map.of() : samples[1].rssMb(), extra);
    }

    /** Cancels the orders a run left CREATED (retried on 503 etc.); prints how many and how long. */
    private void cancel(Queue<Long> orders) throws InterruptedException {
        if (orders.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        int total = orders.size();
        long failed = OrderCleanup.cancelAll(api::cancel, orders, 30, TimeUnit.MINUTES);
        out.printf(Locale.ROOT, "bench:   cancelled the %d order(s) the run left CREATED in %.1f s%s%n", total,
                (System.nanoTime() - t0) / 1e9, failed == 0 ? "" : " (" + failed + " failed: the "
                        + "payment-timeout job releases them)");
    }

    static StorefrontApi api(io.mallpay.tools.StackClient stack) {
        return new StorefrontApi(stack, new Tally());
    }

    static List<String> modes(boolean baseline) {
        return baseline ? List.of(LevelResult.BASELINE, LevelResult.SEATA) : List.of(LevelResult.SEATA);
    }
}
