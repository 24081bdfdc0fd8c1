package io.mallpay.tools.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SeataSwitch} against a stand-in {@code mall} script whose "services" are {@code sleep}
 * processes carrying {@code -Dmall.component=NAME} in their command line (as stack.sh's launch
 * does) and the caller's environment: baseline and restore restart the four services with and
 * without {@code SEATA_ENABLED=false}, and restore leaves a normal stack alone.
 */
class SeataSwitchTest {

    private static final String FAKE_MALL = """
            #!/usr/bin/env bash
            run="$(dirname "$0")/.run"; mkdir -p "$run/pids"
            echo "$1 $2 SEATA_ENABLED=${SEATA_ENABLED:-}" >> "$run/calls"
            case "$1" in
              start) kill -0 "$(cat "$run/pids/$2.pid" 2>/dev/null)" 2>/dev/null && exit 0
                     (exec -a "java -Dmall.component=$2 -jar x" sleep 600 >/dev/null 2>&1 </dev/null) & echo $! > "$run/pids/$2.pid" ;;
              stop) kill "$(cat "$run/pids/$2.pid")" 2>/dev/null; rm -f "$run/pids/$2.pid" ;;
            esac
            """;

    @TempDir
    Path root;

    @AfterEach
    void stopFakeServices() throws Exception {
        Path pids = root.resolve(".run/pids");
        if (Files.isDirectory(pids)) {
            try (var files = Files.list(pids)) {
                for (Path f : files.toList()) {
                    ProcessHandle.of(Long.parseLong(Files.readString(f).trim())).ifPresent(ProcessHandle::destroy);
                }
            }
        }
    }

    @Test
    void baselineThenRestore() throws Exception {
        Path mall = root.resolve("mall");
        Files.writeString(mall, FAKE_MALL);
        Files.setPosixFilePermissions(mall, PosixFilePermissions.fromString("rwx------"));
        for (String s : SeataSwitch.SERVICES) {
            run(mall, "start", s);
        }
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        java.util.Set<String> unhealthy = java.util.concurrent.ConcurrentHashMap.newKeySet();
        SeataSwitch seata = new SeataSwitch(mall, root.resolve(".run"), s -> !unhealthy.contains(s), out);
        assertThat(seata.notRunning()).isEmpty();
        Files.delete(root.resolve(".run/calls"));

        seata.restore();
        assertThat(root.resolve(".run/calls")).doesNotExist();

        seata.baseline();
        for (String s : SeataSwitch.SERVICES) {
            assertThat(seata.inBaseline(s)).as(s).isTrue();
        }
        assertThat(Files.readAllLines(root.resolve(".run/calls"))).contains("stop mall-order SEATA_ENABLED=false",
                "start mall-order SEATA_ENABLED=false").hasSize(8);

        seata.restore();
        for (String s : SeataSwitch.SERVICES) {
            assertThat(seata.inBaseline(s)).as(s).isFalse();
        }
        List<String> calls = Files.readAllLines(root.resolve(".run/calls"));
        assertThat(calls.subList(8, calls.size())).hasSize(8).contains("start mall-points SEATA_ENABLED=")
                .noneMatch(c -> c.endsWith("=false"));
        assertThat(seata.notRunning()).isEmpty();

        // a service left starting (its start was killed by a signal) is waited for through ./mall start
        unhealthy.add("mall-coupon");
        seata.restore();
        calls = Files.readAllLines(root.resolve(".run/calls"));
        assertThat(calls.subList(16, calls.size())).containsExactly("start mall-coupon SEATA_ENABLED=");
    }

    private static void run(Path mall, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(mall.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
    }
}
