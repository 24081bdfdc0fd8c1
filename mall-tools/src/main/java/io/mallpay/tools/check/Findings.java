package io.mallpay.tools.check;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the offending rows of one invariant while a check runs and turns them into an
 * {@link InvariantResult}. Counts every row but keeps only the first {@link #MAX_ROWS} FAILs and
 * WARNs each, so a badly broken database still gives a short report; FAILs are listed first.
 */
final class Findings {

    static final int MAX_ROWS = 20;

    private final String name;
    private final String description;
    private final String unit;
    private final List<Violation> fails = new ArrayList<>();
    private final List<Violation> warns = new ArrayList<>();
    private long checked;
    private long failures;
    private long warnings;

    Findings(String name, String description, String unit) {
        this.name = name;
        this.description = description;
        this.unit = unit;
    }

    /** One more row examined. */
    void checked() {
        checked++;
    }

    void checked(long rows) {
        checked += rows;
    }

    /** A row that breaks the invariant; {@code keyValues} alternates names and values, ids first. */
    void fail(String problem, Object... keyValues) {
        failures++;
        if (fails.size() < MAX_ROWS) {
            fails.add(new Violation(Status.FAIL, problem, values(keyValues)));
        }
    }

    /** A row the design allows but an operator must act on. */
    void warn(String problem, Object... keyValues) {
        warnings++;
        if (warns.size() < MAX_ROWS) {
            warns.add(new Violation(Status.WARN, problem, values(keyValues)));
        }
    }

    InvariantResult result() {
        Status status = failures > 0 ? Status.FAIL : warnings > 0 ? Status.WARN : Status.PASS;
        List<Violation> rows = new ArrayList<>(fails);
        warns.stream().limit(MAX_ROWS - rows.size()).forEach(rows::add);
        return new InvariantResult(name, description, status, checked, unit, failures, warnings, rows);
    }

    /** The result of a check that could not run at all (database or console unreachable). */
    static InvariantResult broken(String name, String description, Exception cause) {
        Findings f = new Findings(name, description, "rows");
        f.fail("check could not run", "error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
        return f.result();
    }

    private static Map<String, Object> values(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], plain(keyValues[i + 1]));
        }
        return map;
    }

    /** Keeps JSON free of Java types Jackson would need a module for. */
    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Integer
                || value instanceof Boolean || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC).toString();
        }
        return value.toString();
    }
}
