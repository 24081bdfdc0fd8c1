package io.mallpay.it;

import io.mallpay.it.support.Mall;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loopback only (INFRA.md): with the whole stack running and a checkout just made, every
 * established TCP connection of the stack's processes (the pids ./mall recorded, and mariadbd) is
 * between loopback addresses — none goes to the machine's network address (which the TC still
 * writes into its XIDs, as plain text).
 */
class LoopbackOnlyIT {

    @Test
    void everyEstablishedConnectionIsLoopback() throws Exception {
        // One real checkout first, so that every client has opened its connections.
        Mall.check(Mall.checkout("it-loopback-" + System.nanoTime(),
                Mall.cart(Mall.user(0), List.of(Map.entry(Mall.sku(100, 5), 1)), 0, null)), 201);
        Path run = Stack.get().root().resolve(".run");
        List<String> pids = new ArrayList<>();
        try (var files = Files.list(run.resolve("pids"))) {
            for (Path f : files.toList()) {
                pids.add(Files.readString(f).trim());
            }
        }
        pids.add(Files.readString(run.resolve("data/mariadb/mariadbd.pid")).trim());
        Process ss = new ProcessBuilder("ss", "-Htnp", "state", "established").redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ss.waitFor()).isZero();
        List<String> lines = Arrays.stream(out.split("\n"))
                .filter(l -> pids.stream().anyMatch(p -> l.contains("pid=" + p + ",")))
                .toList();
        assertThat(lines).as("the stack's connections").hasSizeGreaterThan(20);
        List<String> foreign = lines.stream().filter(l -> {
            String[] cols = l.trim().split("\\s+");
            String local = cols[2];
            String peer = cols[3];
            return !(isLoopback(local) && isLoopback(peer));
        }).toList();
        assertThat(foreign).as("connections leaving loopback").isEmpty();
    }

    private static boolean isLoopback(String endpoint) {
        return endpoint.startsWith("127.") || endpoint.startsWith("[::1]") || endpoint.startsWith("[::ffff:127.");
    }
}
