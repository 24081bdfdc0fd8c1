package io.mallpay.it;

import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret on a command line (issue 12, item 5): with the whole stack running, no process on the
 * machine has a value of {@code .run/secrets.env} (passwords, token secrets, the Nacos server
 * identity value, HMAC keys) in its arguments ({@code /proc/PID/cmdline}, what {@code ps -eo args}
 * shows every user); the stack's processes get them through their environment. And fault injection
 * is what this stack was started with: {@code ./mall test} starts it with {@code --faults}.
 */
class NoSecretOnCommandLineIT {

    /** The entries of secrets.env that are secret (user names and the identity key's name are not). */
    private static Map<String, String> secrets() throws IOException {
        Path file = Path.of(Stack.get().env("RUN_DIR")).resolve("secrets.env");
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            if (key.matches(".*(PASSWORD|SECRET|_VALUE).*") && !value.isBlank()) {
                secrets.put(key, value);
            }
        }
        return secrets;
    }

    @Test
    void noProcessHasASecretInItsArguments() throws IOException {
        Map<String, String> secrets = secrets();
        assertThat(secrets).as("secrets.env's secrets")
                .containsKeys("NACOS_PASSWORD", "NACOS_TOKEN_SECRET", "NACOS_IDENTITY_VALUE", "SEATA_SECRET_KEY",
                        "BANK_CALLBACK_SECRET", "MERCHANT_NOTIFY_SECRET");
        List<String> leaks = new ArrayList<>();
        int stackProcesses = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                String args;
                try {
                    args = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                } catch (IOException gone) {
                    continue; // the process ended meanwhile
                }
                if (args.contains("-Dmall.component=")) {
                    stackProcesses++;
                }
                for (var s : secrets.entrySet()) {
                    if (args.contains(s.getValue())) {
                        leaks.add(s.getKey() + " in the arguments of pid " + p.getFileName() + " ("
                                + args.substring(0, Math.min(120, args.length())) + "...)");
                    }
                }
            }
        }
        assertThat(stackProcesses).as("processes of the running stack seen").isGreaterThanOrEqualTo(13);
        assertThat(leaks).isEmpty();
    }

    @Test
    void theNacosServerGetsItsSecretsThroughItsEnvironment() throws IOException {
        String pid = Files.readString(Path.of(Stack.get().env("RUN_DIR"), "pids", "nacos.pid")).trim();
        String environ = new String(Files.readAllBytes(Path.of("/proc", pid, "environ")), StandardCharsets.UTF_8);
        Map<String, String> secrets = secrets();

        assertThat(environ).contains("SPRING_APPLICATION_JSON=")
                .contains(secrets.get("NACOS_TOKEN_SECRET"))
                .contains(secrets.get("NACOS_IDENTITY_VALUE"));
    }

    @Test
    void thisStackWasStartedWithFaultInjection() {
        assertThat(Stack.get().env("MALL_FAULT_INJECTION")).as("./mall test starts the stack with --faults")
                .isEqualTo("true");
    }
}
