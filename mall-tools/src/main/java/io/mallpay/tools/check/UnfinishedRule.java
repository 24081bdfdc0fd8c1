package io.mallpay.tools.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * When a global session the Seata TC lists is <em>unfinished</em> (DESIGN.md "Invariants": no
 * global transaction stays unfinished) rather than simply in flight. The TMs begin global
 * transactions all the time (mall-order's {@code OrderTimeoutJob} cancels expired orders every
 * {@code mall.order.timeout-scan-millis}), so a session that is merely listed proves nothing. A
 * session counts when
 * <ul>
 *   <li>it ended badly and is still listed (CommitFailed, RollbackFailed, TimeoutRollbackFailed,
 *       CommitRetryTimeout, RollbackRetryTimeout), or its begin time or timeout is unreadable;</li>
 *   <li>it was begun before {@link #runEnded} (when given: the end of a run that then waited for the
 *       TC to settle, as {@code ./mall chaos} does), i.e. the run began it and it never ended;</li>
 *   <li>or it has outlived its {@link #deadline}: begin time + its own timeout (a session still in
 *       {@code Committing} or {@code Rollbacking}: at least {@link #TC_RETRY_DEAD_THRESHOLD}) +
 *       {@link #GRACE}.</li>
 * </ul>
 * {@code ./mall check --since T} cannot tell which sessions its run began (the timeout job's begin
 * after T too), so there only the deadline judges. Immutable; {@code now} and {@code runEnded} are
 * TC wall-clock instants (same machine), {@code runEnded} may be null.
 */
record UnfinishedRule(Instant now, Instant runEnded) {

    /**
     * {@code seata.server.recovery.{committing,async-committing,rollbacking,timeout}-retry-period}
     * in {@code seata-server-config/application.yml} (all 1000 ms): how often the TC looks for
     * sessions past their timeout and retries phase 2.
     */
    static final Duration TC_RETRY_PERIOD = Duration.ofMillis(1_000);
    /**
     * {@code seata.server.retry-dead-threshold} (130000 ms): the TC's recovery leaves a session in
     * {@code Committing} or {@code Rollbacking} (the phase-2 thread's own state, or one restored
     * after a TC restart) to that thread until the session is this old, then retries it.
     */
    static final Duration TC_RETRY_DEAD_THRESHOLD = Duration.ofMillis(130_000);
    /**
     * How long past its timeout a session may take to disappear: ten TC retry periods, for the
     * timeout scan to mark it TimeoutRollbacking and a few phase-2 attempts (each a call to every
     * branch's RM) on a loaded 2-core machine.
     */
    static final Duration GRACE = TC_RETRY_PERIOD.multipliedBy(10);

    /** Seata GlobalStatus codes: the phase-2 states the recovery only retries once "dead". */
    private static final int COMMITTING = 2;
    private static final int ROLLBACKING = 4;
    /** CommitFailed, RollbackFailed, TimeoutRollbackFailed, CommitRetryTimeout, RollbackRetryTimeout. */
    private static final Set<Integer> ENDED_BADLY = Set.of(10, 12, 14, 16, 17);

    /**
     * Why {@code session} (one row of the console's global session query: {@code status},
     * {@code beginTime} and {@code timeout} in epoch / plain milliseconds, numbers or numeric text)
     * is unfinished, or null when it is in flight.
     */
    String why(JsonNode session) {
        int status = session.path("status").asInt(-1);
        if (ENDED_BADLY.contains(status)) {
            return "ended without finishing and is still listed";
        }
        Long begin = millis(session, "beginTime");
        Long timeout = millis(session, "timeout");
        if (begin == null || timeout == null) {
            return "no readable begin time or timeout";
        }
        if (runEnded != null && begin < runEnded.toEpochMilli()) {
            return "begun before the run ended at " + runEnded + ", still live after the settle wait";
        }
        Instant deadline = deadline(begin, timeout, status);
        if (!now.isBefore(deadline)) {
            return "past its timeout (" + timeout + " ms) + the TC's retry grace (deadline " + deadline + ")";
        }
        return null;
    }

    /** When a session begun at {@code beginMillis} with {@code timeoutMillis} in {@code status} counts as unfinished. */
    static Instant deadline(long beginMillis, long timeoutMillis, int status) {
        long wait = status == COMMITTING || status == ROLLBACKING
                ? Math.max(timeoutMillis, TC_RETRY_DEAD_THRESHOLD.toMillis()) : timeoutMillis;
        return Instant.ofEpochMilli(beginMillis).plusMillis(wait).plus(GRACE);
    }

    /** Whether {@code session} was begun before {@code instant} (true when its begin time is unreadable). */
    static boolean begunBefore(JsonNode session, Instant instant) {
        Long begin = millis(session, "beginTime");
        return begin == null || begin < instant.toEpochMilli();
    }

    private static Long millis(JsonNode session, String field) {
        JsonNode v = session.path(field);
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        try {
            return v.isTextual() ? Long.parseLong(v.asText().trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
