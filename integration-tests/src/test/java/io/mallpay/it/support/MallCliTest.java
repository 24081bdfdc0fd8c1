package io.mallpay.it.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The time-out of {@link MallCli} fires whatever the command does with its output: a hung
 * {@code ./mall} fails its test with a message instead of hanging the run until CI's limit.
 * Runs without the stack (plain commands in place of {@code ./mall}).
 */
class MallCliTest {

    @TempDir
    Path dir;

    @Test
    void aCommandStillRunningAfterItsTimeOutIsKilledAndFailsWithWhatItPrinted() throws Exception {
        Path pidFile = dir.resolve("sleep.pid");
        List<String> cmd = List.of("bash", "-c", "echo started; sleep 300 & echo $! > " + pidFile + "; wait");

        assertThatThrownBy(() -> MallCli.exec(cmd, dir, Map.of(), 2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("still running after 2s")
                .hasMessageContaining("started");

        long sleeper = Long.parseLong(Files.readString(pidFile).trim());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !Processes.alive(sleeper));
    }

    @Test
    void aCommandThatEndsInTimeGivesItsExitCodeAndCombinedOutput() {
        MallCli.Result r = MallCli.exec(List.of("bash", "-c", "echo out; echo err >&2; exit 3"), dir, Map.of(), 30);

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.output()).contains("out").contains("err");
    }
}
