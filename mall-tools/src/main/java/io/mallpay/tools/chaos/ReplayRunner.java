package io.mallpay.tools.chaos;

import java.util.Map;

/** Runs one replay for a scenario, telling the listener when invoices start and how many are done. */
public interface ReplayRunner {

    /** Progress of the running replay (called from the replay's thread). */
    interface Listener {
        /**
         * The replay has imported and planned and now runs its invoices.
         *
         * @param total how many invoices it will run; 0 when unknown
         */
        void started(int total);

        /** {@code done} invoices are finished so far. */
        void progress(int done);
    }

    /** The replay's exit code and its summary ({@code ./mall replay}'s JSON report; null when none). */
    record Result(int exitCode, Map<String, Object> summary) {
    }

    Result run(Scenario scenario, Listener listener) throws Exception;
}
