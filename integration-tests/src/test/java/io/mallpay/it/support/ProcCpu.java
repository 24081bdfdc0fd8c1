package io.mallpay.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time a Linux process (and each of its threads) has used, read from {@code /proc}: user +
 * system time in clock ticks ({@code utime}, {@code stime} of {@code /proc/PID/stat}). Only
 * reads; the process is not signalled. Throws {@link java.io.UncheckedIOException} when the
 * process is gone and {@link IllegalStateException} when a stat line cannot be parsed.
 */
public final class ProcCpu {

    private ProcCpu() {
    }

    /** utime + stime of the whole process (all its threads, live and exited), in clock ticks. */
    public static long ticks(long pid) {
        return ticksOf(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    /**
     * utime + stime of every live thread, in clock ticks, summed per thread name ({@code comm},
     * which the kernel cuts to 15 characters, e.g. {@code TransactionalOp}).
     */
    public static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> byName = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    byName.merge(name, parse(stat), Long::sum);
                } catch (NoSuchFileException exited) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the threads of pid " + pid, e);
        }
        return byName;
    }

    /** Clock ticks per second ({@code getconf CLK_TCK}; 100 on every Linux this project runs on). */
    public static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long ticksOf(Path stat) {
        try {
            return parse(Files.readString(stat, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stat, e);
        }
    }

    /** Fields after the ")" that closes the command name: state is the 1st, utime the 12th, stime the 13th. */
    private static long parse(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        if (f.length < 13) {
            throw new IllegalStateException("unexpected /proc stat line: " + stat);
        }
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
