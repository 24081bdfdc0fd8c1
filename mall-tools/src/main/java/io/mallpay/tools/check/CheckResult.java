package io.mallpay.tools.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one run of the invariant checker: when it ran, the {@code since} bound of the
 * row-level checks (null = all rows) and one {@link InvariantResult} per invariant, in the order
 * of DESIGN.md "Invariants". Exit code 0 only when no invariant FAILs (WARNs do not fail a run).
 */
public record CheckResult(Instant checkedAt, Instant since, List<InvariantResult> invariants) {

    public CheckResult {
        invariants = List.copyOf(invariants);
    }

    /** The worst status over all invariants. */
    public Status status() {
        return invariants.stream().map(InvariantResult::status).reduce(Status.PASS, Status::and);
    }

    /** 0 when every invariant holds (PASS or WARN), 1 when any FAILs. */
    public int exitCode() {
        return status() == Status.FAIL ? 1 : 0;
    }

    /** A tree of maps, lists, strings and numbers for Jackson (no Java time types inside). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checkedAt", checkedAt.toString());
        json.put("since", since == null ? null : since.toString());
        json.put("status", status().name());
        List<Map<String, Object>> list = new ArrayList<>();
        for (InvariantResult r : invariants) {
            Map<String, Object> inv = new LinkedHashMap<>();
            inv.put("name", r.name());
            inv.put("description", r.description());
            inv.put("status", r.status().name());
            inv.put("checked", r.checked());
            inv.put("unit", r.unit());
            inv.put("failures", r.failures());
            inv.put("warnings", r.warnings());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Violation v : r.rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("severity", v.severity().name());
                row.put("problem", v.problem());
                row.put("values", v.values());
                rows.add(row);
            }
            inv.put("rows", rows);
            list.add(inv);
        }
        json.put("invariants", list);
        return json;
    }
}
