package io.mallpay.tools.check;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What every check needs: the databases, the current time and the optional {@code since} bound,
 * both as UTC wall-clock times to compare with the databases' DATETIME columns (written in UTC).
 * The row-level checks (DESIGN.md "Invariants" 6-9) only judge rows created at or after
 * {@code since}; the global ones ignore it.
 */
record CheckContext(Sql sql, LocalDateTime now, LocalDateTime since) {

    /**
     * How long past its deadline a CREATED order may still be waiting for mall-order's timeout job
     * (it scans every 2 s) before it counts as missed: such an order is a WARN, not a FAIL.
     */
    static final Duration DEADLINE_GRACE = Duration.ofSeconds(30);

    static CheckContext of(Sql sql, Instant now, Instant since) {
        return new CheckContext(sql, utc(now), since == null ? null : utc(since));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Whether a row created at {@code createdAt} is within the row-level checks' window. */
    boolean inWindow(LocalDateTime createdAt) {
        return since == null || (createdAt != null && !createdAt.isBefore(since));
    }

    /** Whether an unpaid order with this deadline may still be paid (or its cancel is just due). */
    Deadline deadline(LocalDateTime payDeadline) {
        if (payDeadline.isAfter(now)) {
            return Deadline.LIVE;
        }
        return payDeadline.plus(DEADLINE_GRACE).isAfter(now) ? Deadline.JUST_EXPIRED : Deadline.EXPIRED;
    }

    /** Where an unpaid order stands against its payment deadline. */
    enum Deadline { LIVE, JUST_EXPIRED, EXPIRED }
}
