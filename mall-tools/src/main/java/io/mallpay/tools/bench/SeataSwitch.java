package io.mallpay.tools.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Switches the four mall services between the normal stack and the baseline: {@code <mall> stop}
 * then {@code SEATA_ENABLED=false <mall> start} for each (Spring's relaxed binding makes the
 * environment variable win over {@code seata.enabled: true} of Nacos' shared-seata.yaml: the
 * services then run every business step as a plain local transaction, with no TC), and back.
 * Stops run in parallel; starts too, a second apart (each rewrites stack.env). Whether a service
 * is in baseline is read from its process's environment ({@code /proc/PID/environ}).
 */
final class SeataSwitch {

    static final List<String> SERVICES = List.of("mall-inventory", "mall-points", "mall-coupon", "mall-order");
    private static final long STOP_TIMEOUT_SECONDS = 120;
    private static final long START_TIMEOUT_SECONDS = 420;

    private final Path mallScript;
    private final Path runDir;
    private final PrintStream out;

    private final java.util.function.Predicate<String> healthy;

    /** {@code healthy}: whether a service answers its health check now. */
    SeataSwitch(Path mallScript, Path runDir, java.util.function.Predicate<String> healthy, PrintStream out) {
        this.mallScript = mallScript;
        this.runDir = runDir;
        this.healthy = healthy;
        this.out = out;
    }

    /** Health: {@code GET /actuator/health} answers 200 on the port stack.env gives the service. */
    static java.util.function.Predicate<String> actuator(Map<String, String> env) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(3)).build();
        return service -> {
            String port = env.get(service.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PORT");
            try {
                return port != null && http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + port + "/actuator/health")).timeout(java.time.Duration.ofSeconds(5))
                        .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    /** Restarts the four services with Seata off; throws when one does not come up so. */
    synchronized void baseline() throws IOException, InterruptedException {
        out.println("bench: restarting " + String.join(", ", SERVICES) + " with SEATA_ENABLED=false ...");
        restart(SERVICES, true);
        for (String s : SERVICES) {
            if (!inBaseline(s)) {
                throw new IOException(s + " did not come back with SEATA_ENABLED=false");
            }
        }
    }

    /**
     * Puts the stack back: every service in baseline is stopped, then {@code <mall> start} runs
     * (without SEATA_ENABLED) for every service that is not running and healthy — it starts a
     * stopped one and waits for one still starting (e.g. when a signal ended an earlier start).
     * Idempotent; a no-op on a normal, healthy stack.
     */
    synchronized void restore() throws IOException, InterruptedException {
        List<String> baseline = SERVICES.stream().filter(this::inBaseline).toList();
        if (!baseline.isEmpty()) {
            out.println("bench: stopping " + String.join(", ", baseline) + " (Seata off) ...");
            Map<String, Process> stops = new java.util.LinkedHashMap<>();
            for (String s : baseline) {
                stops.put("stop " + s, command(List.of("stop", s), false));
            }
            await(stops, STOP_TIMEOUT_SECONDS);
        }
        List<String> todo = SERVICES.stream().filter(s -> pid(s) == null || !healthy.test(s)).toList();
        if (todo.isEmpty()) {
            return;
        }
        out.println("bench: starting " + String.join(", ", todo) + " with Seata on (as the stack was) ...");
        Map<String, Process> starts = new java.util.LinkedHashMap<>();
        for (String s : todo) {
            starts.put("start " + s, command(List.of("start", s), false));
            Thread.sleep(1000);
        }
        await(starts, START_TIMEOUT_SECONDS);
        for (String s : SERVICES) {
            if (pid(s) == null || inBaseline(s)) {
                throw new IOException(s + " is not back with Seata on");
            }
        }
    }

    /** The services that are not running now (the bench starts nothing that was not up before it). */
    List<String> notRunning() {
        return SERVICES.stream().filter(s -> pid(s) == null).toList();
    }

    boolean inBaseline(String service) {
        Long pid = pid(service);
        return pid != null && StackProcesses.hasEnv(pid, "SEATA_ENABLED", "false");
    }

    private void restart(List<String> services, boolean baseline) throws IOException, InterruptedException {
        Map<String, Process> stops = new java.util.LinkedHashMap<>();
        for (String s : services) {
            stops.put("stop " + s, command(List.of("stop", s), baseline));
        }
        await(stops, STOP_TIMEOUT_SECONDS);
        Map<String, Process> starts = new java.util.LinkedHashMap<>();
        for (String s : services) {
            starts.put("start " + s, command(List.of("start", s), baseline));
            Thread.sleep(1000);
        }
        await(starts, START_TIMEOUT_SECONDS);
    }

    private Process command(List<String> args, boolean baseline) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(mallScript.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = pb.environment();
        env.remove("SEATA_ENABLED");
        if (baseline) {
            env.put("SEATA_ENABLED", "false");
        }
        return pb.start();
    }

    private static void await(Map<String, Process> processes, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, Process> e : processes.entrySet()) {
            Process p = e.getValue();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroy();
                failed.add("mall " + e.getKey() + " timed out after " + timeoutSeconds + " s");
            } else if (p.exitValue() != 0) {
                failed.add("mall " + e.getKey() + " exited " + p.exitValue());
            }
        }
        if (!failed.isEmpty()) {
            throw new IOException(String.join("; ", failed));
        }
    }

    private Long pid(String service) {
        Path f = runDir.resolve("pids").resolve(service + ".pid");
        try {
            String s = Files.readString(f).trim();
            if (!s.matches("\\d+")) {
                return null;
            }
            Path cmdline = Path.of("/proc", s, "cmdline");
            String cl = new String(Files.readAllBytes(cmdline)).replace('\0', ' ');
            return cl.contains("-Dmall.component=" + service + " ") ? Long.valueOf(s) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
