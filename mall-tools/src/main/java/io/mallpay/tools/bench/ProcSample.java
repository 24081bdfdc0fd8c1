package io.mallpay.tools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One reading of the stack's processes from {@code /proc}: CPU time used so far (utime + stime,
 * in clock ticks, fields 14 and 15 of {@code /proc/PID/stat}) and resident memory ({@code VmRSS}
 * of {@code /proc/PID/status}, in kB), per component name. A process that is gone or unreadable
 * is simply absent from the sample.
 */
public record ProcSample(long nanos, Map<String, Long> cpuTicks, Map<String, Long> rssKb) {

    /** The bench process itself: reported, but not counted in the stack's totals. */
    public static final String CLIENT = "bench";

    /** Reads every named pid now. */
    public static ProcSample read(Map<String, Long> pids) {
        Map<String, Long> ticks = new TreeMap<>();
        Map<String, Long> rss = new TreeMap<>();
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            Path proc = Path.of("/proc", String.valueOf(e.getValue()));
            try {
                ticks.put(e.getKey(), cpuTicks(Files.readString(proc.resolve("stat"), StandardCharsets.UTF_8)));
                Long kb = rssKb(Files.readString(proc.resolve("status"), StandardCharsets.UTF_8));
                if (kb != null) {
                    rss.put(e.getKey(), kb);
                }
            } catch (IOException | RuntimeException ex) {
                // gone or not ours: left out
            }
        }
        return new ProcSample(System.nanoTime(), ticks, rss);
    }

    /**
     * utime + stime of a {@code /proc/PID/stat} line, in clock ticks. The command name (field 2)
     * may hold spaces and parentheses, so fields are counted after its last {@code ')'}.
     *
     * @throws IllegalArgumentException when the line does not have the fields
     */
    static long cpuTicks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + statLine);
        }
        String[] f = statLine.substring(close + 2).trim().split("\\s+");
        // f[0] is field 3 (state): utime is field 14, stime field 15.
        if (f.length < 13) {
            throw new IllegalArgumentException("too few fields in /proc/PID/stat: " + statLine);
        }
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** {@code VmRSS} of a {@code /proc/PID/status} text in kB; null when absent (a zombie). */
    static Long rssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return null;
    }

    /**
     * CPU milliseconds per transaction, per component, between {@code before} and {@code after}:
     * {@code (ticks_after - ticks_before) / ticksPerSecond * 1000 / transactions}. Components
     * missing from either sample (restarted or gone in between) are left out; {@code total} is
     * the sum of the others except {@value #CLIENT} (the load generator is not part of the stack).
     * Empty when {@code transactions} is 0.
     */
    public static Map<String, Double> cpuMsPerTx(ProcSample before, ProcSample after, long transactions,
                                                 long ticksPerSecond) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (transactions <= 0) {
            return out;
        }
        double total = 0;
        for (Map.Entry<String, Long> e : after.cpuTicks().entrySet()) {
            Long was = before.cpuTicks().get(e.getKey());
            if (was == null || e.getValue() < was) {
                continue;
            }
            double ms = (e.getValue() - was) * 1000.0 / ticksPerSecond / transactions;
            out.put(e.getKey(), round(ms));
            if (!e.getKey().equals(CLIENT)) {
                total += ms;
            }
        }
        out.put("total", round(total));
        return out;
    }

    /** Resident memory in MB per component, plus {@code total} (without {@value #CLIENT}). */
    public Map<String, Double> rssMb() {
        Map<String, Double> out = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, Long> e : rssKb.entrySet()) {
            out.put(e.getKey(), round(e.getValue() / 1024.0));
            if (!e.getKey().equals(CLIENT)) {
                total += e.getValue();
            }
        }
        out.put("total", round(total / 1024.0));
        return out;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
