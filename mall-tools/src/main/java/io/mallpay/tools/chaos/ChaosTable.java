package io.mallpay.tools.chaos;

import io.mallpay.tools.chaos.ChaosReport.Recovery;
import io.mallpay.tools.chaos.ChaosReport.Result;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text form of a {@link ChaosReport}: one aligned row per scenario (times in seconds, rates in
 * invoices per second), then a line per failed invariant row, error, note and failed recovery
 * verdict, then the overall line.
 */
final class ChaosTable {

    private ChaosTable() {
    }

    static final String[] HEADER = {"SCENARIO", "INJECTED", "AT s", "DONE@INJ", "GTX@INJ", "RECOVERED s", "RECOVERY s",
            "DRAIN s", "SETTLE s", "RATE BEFORE/DURING/AFTER /s", "THROUGHPUT", "PENDING PAY", "INVARIANTS",
            "UNFINISHED GTX", "OUTCOMES"};

    /** The per-scenario table, then one line per failed invariant row, per error and per failed verdict. */
    static void print(List<Result> results, boolean ok, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Result r : results) {
            rows.add(new String[]{r.scenario(), r.injected(), ChaosReport.num(r.injectedAt()),
                    r.doneAtInjection() == null ? "-" : String.valueOf(r.doneAtInjection()),
                    inFlight(r), ChaosReport.num(r.recoveredAt()), ChaosReport.num(r.recoverySeconds()), ChaosReport.num(r.drainAfterRecovery()),
                    ChaosReport.num(r.settleSeconds()), rates(r.recovery()), verdict(r.recovery().throughputRecovered(), "back", "NOT BACK"),
                    r.recovery().pendingPayments() == null ? "-" : r.recovery().pendingPayments() == 0 ? "0"
                            : r.recovery().pendingPayments() + " FAIL", invariants(r),
                    String.valueOf(r.unfinishedGlobalTx().size()), ChaosReport.flat(r.outcomes())});
        }
        int[] width = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        out.println("== chaos ==");
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format(Locale.ROOT, "%-" + width[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        for (Result r : results) {
            r.failedRows().forEach((name, list) -> list.forEach(v -> out.println("  " + r.scenario() + " " + name
                    + ": " + v.get("problem") + " " + v.get("values"))));
            r.errors().forEach(e -> out.println("  " + r.scenario() + " error: " + e));
            if (Boolean.FALSE.equals(r.recovery().inFlightMet())) {
                out.println("  " + r.scenario() + " note: fewer than " + r.recovery().minInFlight()
                        + " global transactions were in flight at the fault (injected at the bound)");
            }
            if (Boolean.FALSE.equals(r.recovery().throughputRecovered())) {
                out.println("  " + r.scenario() + " FAIL: throughput did not return to half its pre-fault rate within "
                        + RecoveryJudge.AFTER_SECONDS + " s of recovery (best " + RecoveryJudge.WINDOW_SECONDS
                        + "-s window " + rate(r.recovery().bestWindowAfter()) + "/s, before "
                        + rate(r.recovery().rateBefore()) + "/s)");
            }
            if (r.recovery().pendingPayments() != null && r.recovery().pendingPayments() > 0) {
                out.println("  " + r.scenario() + " FAIL: " + r.recovery().pendingPayments()
                        + " payment(s) of the run still PENDING after the drain");
            }
            if (r.replayed() != null && !r.replayed().isEmpty()) {
                out.println("  " + r.scenario() + " note: answered from an earlier run with the same keys ("
                        + ChaosReport.flat(r.replayed()) + "): that work was not redone under the fault; another --seed replays"
                        + " afresh");
            }
        }
        out.println("chaos: " + (ok ? "every scenario ran, its invariants hold and it recovered"
                : "NOT every scenario ran, held its invariants and recovered (see FAIL and error lines)"));
    }

    /** "16", or "9<15" when the scenario's in-flight threshold was not met. */
    static String inFlight(Result r) {
        String n = r.globalTxAtInjection() == null ? "-" : String.valueOf(r.globalTxAtInjection());
        return Boolean.FALSE.equals(r.recovery().inFlightMet()) ? n + "<" + r.recovery().minInFlight() : n;
    }

    static String rates(Recovery c) {
        return c.rateBefore() == null && c.rateDuring() == null && c.rateAfter() == null ? "-"
                : rate(c.rateBefore()) + "/" + rate(c.rateDuring()) + "/" + rate(c.rateAfter());
    }

    private static String rate(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.2f", d);
    }

    private static String verdict(Boolean b, String yes, String no) {
        return b == null ? "-" : b ? yes : no;
    }

    private static String invariants(Result r) {
        if (r.invariantsOk() == null) {
            return "not checked";
        }
        return r.invariantsOk() ? "ok" : "FAIL " + String.join(",", r.failedInvariants());
    }
}
