package io.mallpay.tools.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code ./mall chaos} observed, one {@link Result} per scenario: printed as a table and
 * written as JSON. Times are seconds after the scenario's start (before the replay's import).
 */
public final class ChaosReport {

    /**
     * One scenario's run.
     *
     * @param scenario             its name
     * @param injected             what was injected ({@link Scenario#describe()})
     * @param replayStartedAt      when the replay began its invoices (s); null if it never did
     * @param injectedAt           when the fault was applied (s); null if it was not
     * @param doneAtInjection      invoices finished when the fault was applied (from the last progress line)
     * @param globalTxAtInjection  global transactions the TC held just before the fault (in flight); null
     *                             when not measured (a whole-run fault, or the console did not answer)
     * @param recoveredAt          when the component was back (healthy after start, SIGCONT, mode cleared)
     * @param recoverySeconds      how long the recovery action took (a start waits for health)
     * @param replayExit           the replay's exit code (null if it threw)
     * @param outcomes             the replay's outcome counts
     * @param replayed             requests answered from an earlier run's identical request
     * @param replayEndedAt        when the replay (including its drain) returned (s)
     * @param drainAfterRecovery   replayEndedAt - recoveredAt (s); null when recovery came later
     * @param drain                the replay's own drain summary
     * @param settleSeconds        after the drain, how long until the TC held no global transaction
     *                             begun before the replay ended;
     *                             null when that did not happen within {@link TcSettle#TIMEOUT}
     * @param invariantsOk         every invariant PASS or WARN; null when the check did not run
     * @param failedInvariants     names of the FAILed invariants
     * @param failedRows           invariant name → its offending rows (problem, values)
     * @param unfinishedGlobalTx   the GLOBAL_TRANSACTIONS invariant's rows (sessions and locks that count as
     *                             unfinished, each with its reason; sessions in flight are not listed)
     * @param errors               what went wrong in the run itself (an action, the replay, the check, a
     *                             service holding too many TC connections after recovery)
     * @param recovery             how the run recovered: in-flight threshold, throughput windows, pending
     *                             payments, TC connections ({@link Recovery#NONE} when not measured)
     */
    public record Result(String scenario, String injected, Double replayStartedAt, Double injectedAt,
                         Integer doneAtInjection, Integer globalTxAtInjection, Double recoveredAt, Double recoverySeconds, Integer replayExit,
                         Map<String, Object> outcomes, Map<String, Object> replayed, Double replayEndedAt,
                         Double drainAfterRecovery, Map<String, Object> drain, Double settleSeconds,
                         Boolean invariantsOk,
                         List<String> failedInvariants, Map<String, List<Map<String, Object>>> failedRows,
                         List<Map<String, Object>> unfinishedGlobalTx, List<String> errors, Recovery recovery) {

        public Result {
            recovery = recovery == null ? Recovery.NONE : recovery;
        }

        /**
         * The invariants held, nothing in the run failed, the throughput came back (or was not
         * judged: a whole-run fault) and no payment of the run is still PENDING.
         */
        public boolean ok() {
            return Boolean.TRUE.equals(invariantsOk) && errors.isEmpty()
                    && !Boolean.FALSE.equals(recovery.throughputRecovered())
                    && (recovery.pendingPayments() == null || recovery.pendingPayments() == 0);
        }
    }

    /**
     * How a scenario recovered. Rates are invoices done per second ({@link RecoveryJudge}).
     *
     * @param minInFlight         the scenario's in-flight threshold (0 = none)
     * @param inFlightMet         whether the TC held at least that many at the fault; null without a threshold.
     *                            Not met is recorded, not a failure (the fault is injected at the bound anyway)
     * @param rateBefore          first invoice → injection
     * @param rateDuring          injection → recovery
     * @param rateAfter           recovery → replay end or 60 s later
     * @param bestWindowAfter     the best 10-s window rate within 60 s of recovery
     * @param throughputRecovered the verdict (null = not judged); FALSE fails the scenario
     * @param pendingPayments     payments created since the scenario started still PENDING after the drain (and
     *                            the TC settle); any fails the scenario; null when not measured (an error then says why)
     * @param tcConnections       component → ESTABLISHED connections to the TC port after recovery
     */
    public record Recovery(int minInFlight, Boolean inFlightMet, Double rateBefore, Double rateDuring,
                           Double rateAfter, Double bestWindowAfter, Boolean throughputRecovered,
                           Integer pendingPayments, Map<String, Integer> tcConnections) {
        public static final Recovery NONE = new Recovery(0, null, null, null, null, null, null, null, Map.of());

        public Recovery {
            tcConnections = tcConnections == null ? Map.of() : Map.copyOf(tcConnections);
        }
    }

    private final List<Result> results = new ArrayList<>();

    public void add(Result r) {
        results.add(r);
    }

    public List<Result> results() {
        return List.copyOf(results);
    }

    public boolean ok() {
        return !results.isEmpty() && results.stream().allMatch(Result::ok);
    }

    /** The per-scenario table ({@link ChaosTable}), then one line per failed invariant row, error and verdict. */
    public void printTable(PrintStream out) {
        ChaosTable.print(results(), ok(), out);
    }


    static String num(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1f", d);
    }

    static String flat(Map<String, ?> m) {
        if (m == null || m.isEmpty()) {
            return "-";
        }
        return m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** A tree of maps, lists, strings and numbers for Jackson. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", ok());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", r.scenario());
            m.put("injected", r.injected());
            m.put("replayStartedAtSeconds", r.replayStartedAt());
            m.put("injectedAtSeconds", r.injectedAt());
            m.put("invoicesDoneAtInjection", r.doneAtInjection());
            m.put("globalTransactionsInFlightAtInjection", r.globalTxAtInjection());
            m.put("recoveredAtSeconds", r.recoveredAt());
            m.put("recoverySeconds", r.recoverySeconds());
            m.put("replayExit", r.replayExit());
            m.put("outcomes", r.outcomes());
            m.put("replayed", r.replayed());
            m.put("replayEndedAtSeconds", r.replayEndedAt());
            m.put("drainAfterRecoverySeconds", r.drainAfterRecovery());
            m.put("drain", r.drain());
            m.put("tcSettleSecondsAfterDrain", r.settleSeconds());
            m.put("invariantsOk", r.invariantsOk());
            m.put("failedInvariants", r.failedInvariants());
            m.put("failedRows", r.failedRows());
            m.put("unfinishedGlobalTransactions", r.unfinishedGlobalTx());
            m.put("errors", r.errors());
            Recovery c = r.recovery();
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("minInFlight", c.minInFlight());
            rec.put("inFlightThresholdMet", c.inFlightMet());
            rec.put("invoicesPerSecondBefore", c.rateBefore());
            rec.put("invoicesPerSecondDuring", c.rateDuring());
            rec.put("invoicesPerSecondAfter", c.rateAfter());
            rec.put("bestWindowInvoicesPerSecondAfter", c.bestWindowAfter());
            rec.put("throughputRecovered", c.throughputRecovered());
            rec.put("pendingPaymentsAfterDrain", c.pendingPayments());
            rec.put("paymentsSettled", c.pendingPayments() == null ? null : c.pendingPayments() == 0);
            rec.put("tcConnections", new java.util.TreeMap<>(c.tcConnections()));
            m.put("recovery", rec);
            m.put("ok", r.ok());
            list.add(m);
        }
        json.put("scenarios", list);
        return json;
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson()));
    }
}
