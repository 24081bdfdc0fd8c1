package io.mallpay.it.support;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stack component's process, by the pid {@code ./mall} recorded: freeze and thaw it
 * (SIGSTOP/SIGCONT), see whether it is alive, wait for it to die, restart it after it died.
 */
public final class Processes {

    private Processes() {
    }

    public static long pid(String component) {
        try {
            return Long.parseLong(Files.readString(Stack.get().root().resolve(".run/pids/" + component + ".pid")).trim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void signal(String component, String signal) {
        try {
            Process p = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid(component))).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + component + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code pid} is a live process: it exists and is neither a zombie nor dead (/proc/PID/stat). */
    public static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.UTF_8);
            String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            return !"Z".equals(state) && !"X".equals(state);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the process {@code pid} of {@code component} is gone (a HALT fault point or a
     * SIGKILL took it), failing the test if it is still alive after {@code atMost}.
     */
    public static void awaitDeath(String component, long pid, Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> !alive(pid));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(component + " (pid " + pid + ") is still alive after " + atMost.toSeconds()
                    + " s: the fault that should have stopped it did not fire", e);
        }
    }

    /**
     * Restarts a component whose process {@code deadPid} must die first: waits for that (so the
     * restart never races the dying JVM, whose pid file still names it), runs {@code ./mall start},
     * and checks that a new, live process took its place.
     */
    public static void restartAfterDeath(String component, long deadPid) {
        awaitDeath(component, deadPid, Duration.ofSeconds(60));
        MallCli.Result r = MallCli.run(Map.of(), 240, "start", component);
        assertThat(r.exitCode()).as(r.output()).isZero();
        long now = pid(component);
        assertThat(now).as(component + " restarted as a new process").isNotEqualTo(deadPid);
        assertThat(alive(now)).as(component + " pid " + now + " alive").isTrue();
    }

    /**
     * Waits until a request sits unread in a socket of the process listening on {@code port}
     * (a frozen process: the kernel accepts and buffers, nobody reads). {@code ss} shows it as a
     * non-zero Recv-Q on an established connection whose local port is {@code port}.
     */
    public static void awaitRequestPendingAt(int port, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            Process p = new ProcessBuilder("ss", "-Htn", "state", "established", "( sport = :" + port + " )")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            // columns without the state: Recv-Q Send-Q Local Peer
            return out.lines().map(String::trim).filter(l -> !l.isEmpty())
                    .anyMatch(l -> Long.parseLong(l.split("\\s+")[0]) > 0);
        });
    }
}
