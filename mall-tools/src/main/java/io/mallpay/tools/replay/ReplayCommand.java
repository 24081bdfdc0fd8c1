package io.mallpay.tools.replay;

import io.mallpay.tools.ImportCommand;
import io.mallpay.tools.StackClient;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./mall replay [--file CSV] [--orders N] [--concurrency C] [--report PATH]}: replays a
 * retail file through the storefront as its customers would. First imports the file's SKUs,
 * customers and coupons ({@link ImportCommand}, idempotent), so any file in the format replays
 * fully; then plans the invoices ({@link ReplayPlan}), runs them on {@code concurrency} workers
 * partitioned by customer ({@link SaleFlow}, {@link InvoiceRunner}), shows progress, drains
 * ({@link Drainer}), calls the invariant hook, and prints the summary ({@link ReplaySummary})
 * and writes it as JSON to {@code report}. Re-running the same file creates nothing new
 * ({@link ReplayKeys}).
 *
 * <p>Exit code 0 when the replay ran (rejections and failed payments are results, not failures);
 * 1 when it could not run (stack unreachable, unreadable file) or the invariant hook answered a
 * Map with {@code "ok" = false} (or threw).
 */
public final class ReplayCommand {

    private ReplayCommand() {
    }

    public static int run(ReplayOptions options, PrintStream out) {
        Instant start = Instant.now();
        try {
            Map<String, Object> summary = replay(options, out, start);
            ReplaySummary.print(summary, out);
            if (options.report() != null) {
                write(options.report(), summary);
                out.println("replay: report written to " + options.report());
            }
            return failed(summary.get("invariants")) ? 1 : 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("replay interrupted");
            return 1;
        } catch (Exception e) {
            out.println("replay failed: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, Object> replay(ReplayOptions o, PrintStream out, Instant start) throws Exception {
        Path file = o.file();
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file.toAbsolutePath().normalize());
        }
        StackClient stack = new StackClient(o.stackEnv());
        out.println("replay: importing " + file + " (SKUs, customers, coupons; idempotent)");
        Map<String, Object> imported = ImportCommand.run(stack, file, o.seed());
        ReplayPlan plan = ReplayPlan.build(InvoiceReader.read(file), o.orders());
        ReplayStats stats = new ReplayStats();
        StorefrontApi api = new StorefrontApi(stack, stats.retries);
        Map<String, Object> restocked = null;
        if (o.restock()) {
            restocked = Restocker.topUp(api, plan);
            out.println("replay: restocked " + restocked.get("restocked") + " of " + restocked.get("skus")
                    + " SKUs in demand (+" + restocked.get("units") + " units)");
        }
        Drainer drainer = new Drainer(api, o.drainTimeout(), Duration.ofSeconds(3), Duration.ofSeconds(1));
        long vouchersBefore = drainer.voucherCount();
        InvoiceRunner runner = new InvoiceRunner(api, ReplayKeys.of(file, o.seed()), o.seed(), stats, o.cardWait());
        out.println("replay: " + plan.steps().size() + " invoices in the window, " + plan.worked()
                + " to run on " + o.concurrency() + " workers");
        Instant replayStart = Instant.now();
        long t0 = System.nanoTime();
        try (Progress progress = new Progress(out, System.console() != null, stats, plan.worked()).start()) {
            runLanes(plan.lanes(o.concurrency()), runner);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Instant replayEnd = Instant.now();
        out.println("replay: draining (at most " + o.drainTimeout().toSeconds() + " s)");
        Map<String, Object> drain = drainer.drain(vouchersBefore, stats.freshPaid.get(), stats.paidOrders, replayStart,
                replayEnd);

        Map<String, Object> s = new LinkedHashMap<>();
        s.put("file", file.toString());
        s.put("seed", o.seed());
        s.put("concurrency", o.concurrency());
        s.put("orders", o.orders() == null ? "all" : o.orders());
        s.put("startedAt", start.toString());
        s.put("replayStartedAt", replayStart.toString());
        s.put("replayEndedAt", replayEnd.toString());
        s.put("rules", ReplaySummary.RULES);
        s.put("import", imported);
        if (restocked != null) {
            s.put("restock", restocked);
        }
        Map<String, Object> invoices = new LinkedHashMap<>();
        invoices.put("inWindow", plan.steps().size());
        invoices.put("worked", plan.worked());
        invoices.putAll(plan.counts());
        s.put("invoices", invoices);
        s.put("outcomes", stats.outcomes.snapshot());
        s.put("rejections", stats.rejections.snapshot());
        s.put("lines", stats.lines.snapshot());
        s.put("payments", stats.payments.snapshot());
        s.put("retries", stats.retries.snapshot());
        s.put("replayed", stats.replayed.snapshot());
        s.put("examples", new java.util.TreeMap<>(stats.examples));
        s.put("throughput", ReplaySummary.throughput(stats.done(), seconds));
        s.put("latencyMs", ReplaySummary.latency(stats));
        s.put("drain", drain);
        s.put("invariants", invariants(o, start));
        return s;
    }

    /** Runs each lane's steps in order on its own worker; returns when every lane is done. */
    static void runLanes(List<List<ReplayPlan.Step>> lanes, InvoiceRunner runner) throws InterruptedException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, lanes.size()), r -> {
            Thread t = new Thread(r, "replay-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (List<ReplayPlan.Step> lane : lanes) {
                work.add(() -> {
                    for (ReplayPlan.Step step : lane) {
                        runner.run(step);
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a replay worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object invariants(ReplayOptions o, Instant start) {
        if (o.invariants() == null) {
            return null;
        }
        try {
            return o.invariants().apply(start);
        } catch (RuntimeException e) {
            return Map.of("ok", false, "error", String.valueOf(e));
        }
    }

    static boolean failed(Object invariants) {
        return invariants instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get("ok"));
    }

    private static void write(Path report, Map<String, Object> summary) throws IOException {
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(report, new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                .writerWithDefaultPrettyPrinter().writeValueAsString(summary));
    }
}
