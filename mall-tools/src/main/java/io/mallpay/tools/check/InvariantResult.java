package io.mallpay.tools.check;

import java.util.List;

/**
 * The verdict on one invariant of DESIGN.md "Invariants": {@code checked} rows of kind
 * {@code unit} were examined, {@code failures} of them broke it and {@code warnings} need an
 * operator; {@code rows} holds up to {@link Findings#MAX_ROWS} offending rows, FAILs first.
 * The status is FAIL if any row failed, else WARN if any warned, else PASS.
 */
public record InvariantResult(String name, String description, Status status, long checked, String unit,
                              long failures, long warnings, List<Violation> rows) {

    public InvariantResult {
        rows = List.copyOf(rows);
    }
}
