package io.mallpay.tools.check;

import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The human-readable report of a {@link CheckResult}: a header, one line per invariant (status,
 * name, rows checked, failures and warnings, what it proves), then the offending rows of every
 * invariant that did not pass, then a one-line verdict.
 */
final class ReportPrinter {

    private ReportPrinter() {
    }

    static void print(CheckResult result, PrintStream out) {
        out.println("Invariant check (DESIGN.md \"Invariants\") at " + result.checkedAt() + "; row-level checks over "
                + (result.since() == null ? "all rows" : "rows created since " + result.since()));
        for (InvariantResult r : result.invariants()) {
            out.printf("%-4s  %-25s %s%n", r.status(), r.name(), summary(r));
        }
        for (InvariantResult r : result.invariants()) {
            if (r.status() == Status.PASS) {
                continue;
            }
            out.println();
            out.printf("%s %s: %s (listing %d of %d)%n", r.status(), r.name(), r.description(), r.rows().size(),
                    r.failures() + r.warnings());
            for (Violation v : r.rows()) {
                out.println("  " + row(v));
            }
        }
        out.println();
        long failed = result.invariants().stream().filter(r -> r.status() == Status.FAIL).count();
        long warned = result.invariants().stream().filter(r -> r.status() == Status.WARN).count();
        out.printf("RESULT: %s (%d of %d invariants failed, %d warned)%n", result.status() == Status.FAIL ? "FAIL"
                : "PASS", failed, result.invariants().size(), warned);
    }

    /** "3475 SKUs checked, 2 failed, 1 warning — what it proves". */
    static String summary(InvariantResult r) {
        StringBuilder s = new StringBuilder().append(r.checked()).append(' ').append(r.unit()).append(" checked");
        if (r.failures() > 0) {
            s.append(", ").append(r.failures()).append(" failed");
        }
        if (r.warnings() > 0) {
            s.append(", ").append(r.warnings()).append(r.warnings() == 1 ? " warning" : " warnings");
        }
        return s.append(" — ").append(r.description()).toString();
    }

    /** "FAIL  problem: key=value, key=value". */
    static String row(Violation v) {
        return v.severity() + "  " + v.problem() + ": " + v.values().entrySet().stream()
                .map(ReportPrinter::pair).collect(Collectors.joining(", "));
    }

    private static String pair(Map.Entry<String, Object> e) {
        return e.getKey() + "=" + e.getValue();
    }
}
