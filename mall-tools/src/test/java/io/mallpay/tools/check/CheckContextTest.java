package io.mallpay.tools.check;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;

import static io.mallpay.tools.check.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;

class CheckContextTest {

    @Test
    void withoutSinceEveryRowIsInTheWindow() {
        CheckContext ctx = CheckContext.of(null, Instant.parse("2026-01-10T12:00:00Z"), null);

        assertThat(ctx.inWindow(T0.minusYears(5))).isTrue();
        assertThat(ctx.inWindow(null)).isTrue();
    }

    @Test
    void sinceIsInclusiveAndComparedAsUtc() {
        CheckContext ctx = CheckContext.of(null, Instant.parse("2026-01-10T13:00:00Z"),
                Instant.parse("2026-01-10T12:00:00Z"));

        assertThat(ctx.since()).isEqualTo(LocalDateTime.of(2026, 1, 10, 12, 0));
        assertThat(ctx.inWindow(T0)).isTrue();
        assertThat(ctx.inWindow(T0.plusNanos(1_000_000))).isTrue();
        assertThat(ctx.inWindow(T0.minusNanos(1_000_000))).isFalse();
        assertThat(ctx.inWindow(null)).isFalse();
    }

    @Test
    void anOrderIsLiveBeforeItsDeadlineThenGetsAGraceForTheTimeoutJob() {
        CheckContext ctx = Rows.ctx(T0, null);

        assertThat(ctx.deadline(T0.plusSeconds(1))).isEqualTo(CheckContext.Deadline.LIVE);
        assertThat(ctx.deadline(T0)).isEqualTo(CheckContext.Deadline.JUST_EXPIRED);
        assertThat(ctx.deadline(T0.minus(CheckContext.DEADLINE_GRACE).plusSeconds(1)))
                .isEqualTo(CheckContext.Deadline.JUST_EXPIRED);
        assertThat(ctx.deadline(T0.minus(CheckContext.DEADLINE_GRACE))).isEqualTo(CheckContext.Deadline.EXPIRED);
    }
}
