package io.mallpay.tools.check;

import java.util.Map;

/**
 * One offending row of an invariant: its severity (WARN or FAIL), what is wrong, and the ids and
 * values that show it, in a stable order (ids first). Values are strings, numbers or booleans, so
 * the row renders the same in the text report and in JSON.
 */
public record Violation(Status severity, String problem, Map<String, Object> values) {

    public Violation {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
