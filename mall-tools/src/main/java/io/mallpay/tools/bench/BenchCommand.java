package io.mallpay.tools.bench;

import io.mallpay.tools.StackClient;
import io.mallpay.tools.check.CheckCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * {@code ./mall bench [SCENARIO...]}: the project's benchmark against the running stack. With the
 * baseline (the default) the four mall services are first restarted with Seata off and every
 * scenario is measured so, then they are restarted normally and measured again: both modes run
 * on freshly started JVMs after the same warm-up, and the stack ends as it was. With
 * {@code --sentinel-pairs N}, N pairs of runs per scenario and level follow with Sentinel switched
 * off and on live ({@link SentinelToggle}), and the Sentinel on / off table. The restore (Seata
 * back on, Sentinel back on) also runs on failure and, through a shutdown hook, on Ctrl-C. Prints progress and the tables; writes
 * {@code <report dir>/<timestamp>.json} and {@code .html}.
 *
 * <p>Exit 0 when every run was measured and the stack was put back; 1 otherwise.
 */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static int run(BenchOptions options, PrintStream out) {
        Map<String, String> env;
        StackClient stack;
        try {
            env = CheckCommand.readEnv(options.stackEnv());
            stack = new StackClient(options.stackEnv());
        } catch (IOException e) {
            out.println("bench failed: cannot read " + options.stackEnv() + ": " + e.getMessage());
            return 1;
        }
        Path runDir = Path.of(env.getOrDefault("RUN_DIR", options.stackEnv().toAbsolutePath().getParent().toString()));
        Instant started = Instant.now();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
        String runId = Long.toString(started.toEpochMilli(), 36);
        StackProcesses processes = new StackProcesses(runDir);
        long ticks = StackProcesses.clockTicks();
        BenchReport report = new BenchReport();
        Map<String, Object> meta = report.meta();
        meta.put("startedAt", started.toString());
        meta.put("runDir", runDir.toString());
        meta.put("scenarios", options.scenarios());
        meta.put("concurrency", options.concurrency());
        meta.put("seconds", options.seconds());
        meta.put("warmupSeconds", options.warmup());
        meta.put("baseline", options.baseline());
        meta.put("cores", Runtime.getRuntime().availableProcessors());
        meta.put("clockTicksPerSecond", ticks);
        meta.put("idleRssMb", ProcSample.read(processes.pids()).rssMb());
        BenchClient client = new BenchClient(stack);
        ModeRunner runner = new ModeRunner(options, client, ModeRunner.api(stack), processes,
                new InventoryDbChecker(env), ticks, runId, out);
        SeataSwitch seata = options.baseline() ? new SeataSwitch(options.mallScript(), runDir,
                SeataSwitch.actuator(env), out) : null;
        if (seata != null && !seata.notRunning().isEmpty()) {
            out.println("bench failed: not running: " + String.join(", ", seata.notRunning()) + " (./mall up)");
            return 1;
        }
        SentinelToggle sentinel = options.sentinelPairs() > 0 ? new SentinelToggle(env) : null;
        Thread hook = new Thread(() -> {
            restoreQuietly(seata, report, out);
            sentinelOnQuietly(sentinel, report, out);
        }, "bench-restore");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean restored = true;
        try {
            if (seata != null) {
                seata.restore();
            }
            meta.put("fixtures", Fixtures.prepare(client));
            out.println("bench: fixtures ready " + meta.get("fixtures"));
            for (String mode : ModeRunner.modes(options.baseline())) {
                if (mode.equals(LevelResult.BASELINE)) {
                    seata.baseline();
                } else if (seata != null) {
                    seata.restore();
                }
                runner.measureAll(mode, report);
            }
            if (sentinel != null) {
                if (seata != null) {
                    seata.restore();
                }
                List<String> off = sentinel.states().entrySet().stream().filter(e -> !e.getValue())
                        .map(Map.Entry::getKey).toList();
                if (!off.isEmpty()) {
                    throw new IllegalStateException("Sentinel is already off in " + off
                            + " (sentinel-switch.json in Nacos): the pairs compare it on and off");
                }
                out.printf("bench: %d pair(s) per level with Sentinel on and off%n", options.sentinelPairs());
                runner.measureSentinelPairs(sentinel, report);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.problem("interrupted");
        } catch (Exception e) {
            report.problem(e.toString());
            out.println("bench: " + e);
        } finally {
            restored = restoreQuietly(seata, report, out) & sentinelOnQuietly(sentinel, report, out);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs
            }
        }
        meta.put("finishedAt", Instant.now().toString());
        report.printTable(out);
        try {
            List<Path> files = report.write(options.reportDir(), stamp);
            out.println("bench: report written to " + files.get(0) + " and " + files.get(1));
        } catch (IOException e) {
            out.println("bench: cannot write the report to " + options.reportDir() + ": " + e.getMessage());
            return 1;
        }
        return report.problems().isEmpty() && restored ? 0 : 1;
    }

    /** Switches Sentinel back on everywhere; true when it is (or was never touched). Never throws. */
    private static boolean sentinelOnQuietly(SentinelToggle sentinel, BenchReport report, PrintStream out) {
        if (sentinel == null) {
            return true;
        }
        try {
            sentinel.set(true);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            out.println("bench: could not switch Sentinel back on: " + e.getMessage());
        }
        report.problem("Sentinel may still be off: ./mall config push (nacos-config/sentinel/sentinel-switch.json)");
        return false;
    }

    /** Puts the Seata-off services back; true when nothing was left to put back. Never throws. */
    private static boolean restoreQuietly(SeataSwitch seata, BenchReport report, PrintStream out) {
        if (seata == null) {
            return true;
        }
        try {
            seata.restore();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            out.println("bench: could not put the services back with Seata on: " + e.getMessage());
        }
        report.problem("the services were not put back with Seata on: run ./mall stop and ./mall start for "
                + String.join(", ", SeataSwitch.SERVICES));
        return false;
    }
}
