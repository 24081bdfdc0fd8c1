package io.mallpay.tools.chaos;

import io.mallpay.tools.StackClient;
import io.mallpay.tools.bench.Overload;
import io.mallpay.tools.check.CheckCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link FaultActions} on the local stack: {@code <repo>/mall kill|start NAME} through
 * ProcessBuilder, {@code kill -STOP|-CONT} on the pid in {@code <run dir>/pids/NAME.pid} (checked,
 * like stack.sh does, to still carry {@code -Dmall.component=NAME}), the bank sandbox's
 * callback-mode endpoint, the storefront overload of {@link Overload}, and a service's
 * {@code /actuator/faults} on the port stack.env gives it ({@code NAME_PORT}, upper case, dashes as
 * underscores).
 */
final class StackFaultActions implements FaultActions {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final Path mallScript;
    private final Path runDir;
    private final Map<String, String> env;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> frozen = new ConcurrentHashMap<>();
    private final Map<String, String> failing = new ConcurrentHashMap<>();
    private volatile boolean bankModeSet;
    private volatile Overload overload;

    StackFaultActions(Path mallScript, Path runDir, Map<String, String> env, PrintStream out) {
        this.mallScript = mallScript;
        this.runDir = runDir;
        this.env = Map.copyOf(env);
        this.out = out;
    }

    @Override
    public void kill(String component) throws IOException, InterruptedException {
        exec(List.of(mallScript.toString(), "kill", component), COMMAND_TIMEOUT);
    }

    @Override
    public void start(String component) throws IOException, InterruptedException {
        exec(List.of(mallScript.toString(), "start", component), START_TIMEOUT);
    }

    @Override
    public void freeze(String component) throws IOException, InterruptedException {
        String pid = pidOf(component);
        exec(List.of("kill", "-STOP", pid), COMMAND_TIMEOUT);
        frozen.put(component, pid);
        out.println("chaos: " + component + " frozen (SIGSTOP pid " + pid + ")");
    }

    @Override
    public void thaw(String component) throws IOException, InterruptedException {
        String pid = frozen.remove(component);
        if (pid == null) {
            throw new IOException(component + " was not frozen by this run");
        }
        exec(List.of("kill", "-CONT", pid), COMMAND_TIMEOUT);
        out.println("chaos: " + component + " thawed (SIGCONT pid " + pid + ")");
    }

    @Override
    public void bankCallbackMode(String mode) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(callbackModeUri()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")));
        bankModeSet = true;
        out.println("chaos: bank callback mode " + mode);
    }

    @Override
    public void clearBankCallbackMode() throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(callbackModeUri()).DELETE());
        bankModeSet = false;
        out.println("chaos: bank callback mode cleared");
    }

    @Override
    public void failPoint(String component, String point) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(faultsUri(component, null)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"point\":\"" + point + "\",\"action\":\"FAIL\",\"times\":"
                        + Integer.MAX_VALUE + "}")));
        failing.put(component + " " + point, point);
        out.println("chaos: " + component + " fault point " + point + " armed (FAIL)");
    }

    @Override
    public void clearPoint(String component, String point) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(faultsUri(component, point)).DELETE());
        failing.remove(component + " " + point);
        out.println("chaos: " + component + " fault point " + point + " disarmed");
    }

    /** Checkouts at 3× the {@code checkout-total} capacity in {@code <repo>/nacos-config/sentinel/mall-order-param-flow-rules.json}. */
    @Override
    public void overload() throws IOException, InterruptedException {
        if (overload != null) {
            throw new IOException("an overload is already running");
        }
        overload = Overload.start(new StackClient(runDir.resolve("stack.env")),
                mallScript.toAbsolutePath().getParent().resolve("nacos-config/sentinel/mall-order-param-flow-rules.json"),
                out);
    }

    @Override
    public void endOverload() throws IOException, InterruptedException {
        Overload running = overload;
        if (running == null) {
            throw new IOException("no overload is running");
        }
        overload = null;
        running.stop();
    }

    @Override
    public int liveGlobalTransactions() throws IOException, InterruptedException {
        return CheckCommand.liveGlobalTransactions(runDir.resolve("stack.env"));
    }

    @Override
    public int liveGlobalTransactionsBegunBefore(java.time.Instant instant) throws IOException, InterruptedException {
        return CheckCommand.liveGlobalTransactions(runDir.resolve("stack.env"), instant);
    }

    /**
     * Polls every 2 s for at most {@link #PAYMENT_SETTLE}: a payment whose completion was deferred
     * during the fault (its bank result arrived while a participant was frozen, say) is settled by
     * pay-payment's pending-payment job, which asks the bank once the payment is
     * {@code pay.payment.query-after} (30 s) old and then every round; the replay's drain does not
     * wait for it.
     */
    @Override
    public int pendingPaymentsSince(java.time.Instant since) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PAYMENT_SETTLE.toNanos();
        while (true) {
            int pending = CheckCommand.pendingPayments(runDir.resolve("stack.env"), since);
            if (pending == 0 || System.nanoTime() > deadline) {
                return pending;
            }
            Thread.sleep(2_000);
        }
    }

    /** Longest wait for the run's PENDING payments: query-after (30 s) plus a few job rounds and retries. */
    static final java.time.Duration PAYMENT_SETTLE = java.time.Duration.ofMinutes(2);

    @Override
    public Map<String, Integer> tcConnections() throws IOException {
        String port = env.get("SEATA_PORT");
        if (port == null || !port.matches("\\d+")) {
            throw new IOException("stack.env has no SEATA_PORT");
        }
        return TcConnections.count(Path.of("/proc"), runDir, Integer.parseInt(port));
    }

    /** Best effort on the way out (shutdown hook): SIGCONT what is still stopped, clear the bank mode and faults. */
    void undoAll() {
        for (String key : List.copyOf(failing.keySet())) {
            String component = key.substring(0, key.indexOf(' '));
            try {
                clearPoint(component, failing.get(key));
            } catch (IOException | InterruptedException e) {
                out.println("chaos: could not disarm " + key + ": " + e.getMessage());
            }
        }
        for (String component : List.copyOf(frozen.keySet())) {
            try {
                thaw(component);
            } catch (IOException | InterruptedException e) {
                out.println("chaos: could not thaw " + component + ": " + e.getMessage());
            }
        }
        if (overload != null) {
            try {
                endOverload();
            } catch (IOException | InterruptedException e) {
                out.println("chaos: could not stop the overload: " + e.getMessage());
            }
        }
        if (bankModeSet) {
            try {
                clearBankCallbackMode();
            } catch (IOException | InterruptedException e) {
                out.println("chaos: could not clear the bank callback mode: " + e.getMessage());
            }
        }
    }

    private URI callbackModeUri() {
        return URI.create("http://127.0.0.1:" + port("bank-sandbox") + "/bank/sandbox/callback-mode");
    }

    private URI faultsUri(String component, String point) {
        return URI.create("http://127.0.0.1:" + port(component) + "/actuator/faults"
                + (point == null ? "" : "?point=" + java.net.URLEncoder.encode(point, StandardCharsets.UTF_8)));
    }

    /** The component's HTTP port from stack.env. */
    int port(String component) {
        String key = component.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PORT";
        String value = env.get(key);
        if (value == null || !value.matches("\\d+")) {
            throw new IllegalStateException("stack.env has no port " + key + " for " + component);
        }
        return Integer.parseInt(value);
    }

    private void send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 404 && r.request().uri().getPath().equals("/actuator/faults")) {
            throw new IOException(r.request().uri() + " answered 404: fault injection is off on this stack"
                    + " (start it with ./mall up --faults)");
        }
        if (r.statusCode() / 100 != 2) {
            throw new IOException(r.request().method() + " " + r.request().uri() + " answered " + r.statusCode()
                    + ": " + r.body());
        }
    }

    /** The component's pid, only while its command line still names it (pids get reused). */
    String pidOf(String component) throws IOException {
        Path file = runDir.resolve("pids").resolve(component + ".pid");
        if (!Files.isRegularFile(file)) {
            throw new IOException(component + " has no pid file " + file);
        }
        String pid = Files.readString(file).trim();
        Path cmdline = Path.of("/proc", pid, "cmdline");
        if (!pid.matches("\\d+") || !Files.isReadable(cmdline)
                || !new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ')
                .contains("-Dmall.component=" + component + " ")) {
            throw new IOException(component + " is not running (pid file " + file + " says " + pid + ")");
        }
        return pid;
    }

    /** Runs a command, its output going to {@code out}; throws unless it exits 0 in time. */
    private void exec(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        Thread pump = new Thread(() -> {
            try (var in = p.getInputStream()) {
                in.transferTo(new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        out.write(b, off, len);
                    }
                });
            } catch (IOException e) {
                // the process is gone; its exit code tells the rest
            }
        }, "chaos-exec");
        pump.setDaemon(true);
        pump.start();
        if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + timeout.toSeconds() + " s");
        }
        pump.join(2000);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue());
        }
    }
}
