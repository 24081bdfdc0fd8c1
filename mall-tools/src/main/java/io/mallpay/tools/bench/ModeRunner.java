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
                report.add(once(scenario, mode, c, Duration.ofSeconds(options.seconds()), ""));
                LevelResult r = report.results().get(report.results().size() - 1);
                out.printf(Locale.ROOT, "bench: %s %s C=%d: %.1f tx/s, p50 %s ms, p99 %s ms, %d errors%s, "
                                + "CPU %s ms/tx%n", name, mode, c, r.throughput(), BenchReport.num(r.latency().p50()),
                        BenchReport.num(r.latency().p99()), r.errorCount(), r.errors().isEmpty() ? "" : " " + r.errors(),
                        BenchReport.num(r.cpuMsPerTx().get("total")));
            }
        }
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
        String key = "bench-" + runId + "-" + scenario.name() + "-" + mode.charAt(0) + c + tag;
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
