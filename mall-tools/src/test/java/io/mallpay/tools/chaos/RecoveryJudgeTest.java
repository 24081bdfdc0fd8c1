package io.mallpay.tools.chaos;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Throughput windows and the half-rate verdict on fixed samples (seconds as nanoTime offsets). */
class RecoveryJudgeTest {

    private static final long S = 1_000_000_000L;

    /** First invoice at 0; fault at 10 s with 60 done (6/s); recovered at 20 s with 62 done. */
    private static List<ReplayProgress.Sample> beforeAndDuring() {
        List<ReplayProgress.Sample> samples = new ArrayList<>();
        for (int t = 1; t <= 10; t++) {
            samples.add(new ReplayProgress.Sample(t * S, t * 6));
        }
        samples.add(new ReplayProgress.Sample(15 * S, 61));
        samples.add(new ReplayProgress.Sample(20 * S, 62));
        return samples;
    }

    @Test
    void throughputBackToHalfWithinAMinuteIsRecovered() {
        List<ReplayProgress.Sample> samples = beforeAndDuring();
        // slow for 30 s after the recovery, then 40 invoices in 10 s (4/s ≥ 3/s)
        samples.add(new ReplayProgress.Sample(50 * S, 64));
        samples.add(new ReplayProgress.Sample(55 * S, 84));
        samples.add(new ReplayProgress.Sample(60 * S, 104));
        samples.add(new ReplayProgress.Sample(200 * S, 150));

        RecoveryJudge.Rates r = RecoveryJudge.judge(samples, 0, 10 * S, 20 * S, 300 * S, 200);

        assertThat(r.before()).isEqualTo(6.0);
        assertThat(r.during()).isEqualTo(0.2);
        assertThat(r.after()).isEqualTo(0.7); // (104 - 62) / 60 s
        assertThat(r.bestWindowAfter()).isEqualTo(4.0);
        assertThat(r.recovered()).isTrue();
    }

    @Test
    void throughputBelowHalfForAMinuteIsNotRecovered() {
        List<ReplayProgress.Sample> samples = beforeAndDuring();
        // 2.9/s at best: just under half of 6/s
        for (int t = 30; t <= 80; t += 10) {
            samples.add(new ReplayProgress.Sample(t * S, 62 + (t - 20) / 10 * 29));
        }

        RecoveryJudge.Rates r = RecoveryJudge.judge(samples, 0, 10 * S, 20 * S, 500 * S, 0);

        assertThat(r.bestWindowAfter()).isEqualTo(2.9);
        assertThat(r.recovered()).isFalse();
    }

    @Test
    void aReplayThatFinishesWithinAMinuteOfTheRecoveryCountsAsRecovered() {
        List<ReplayProgress.Sample> samples = beforeAndDuring();
        samples.add(new ReplayProgress.Sample(25 * S, 64));

        // ended 50 s after the recovery
        assertThat(RecoveryJudge.judge(samples, 0, 10 * S, 20 * S, 70 * S, 0).recovered()).isTrue();
        // or ran all its invoices within the minute though its drain took longer
        assertThat(RecoveryJudge.judge(samples, 0, 10 * S, 20 * S, 500 * S, 64).recovered()).isTrue();
        assertThat(RecoveryJudge.judge(samples, 0, 10 * S, 20 * S, 500 * S, 65).recovered()).isFalse();
    }

    @Test
    void withoutARecoveryNothingIsJudged() {
        RecoveryJudge.Rates r = RecoveryJudge.judge(beforeAndDuring(), 0, 10 * S, null, 30 * S, 0);

        assertThat(r.before()).isEqualTo(6.0);
        assertThat(r.after()).isNull();
        assertThat(r.recovered()).isNull();
        assertThat(RecoveryJudge.doneAt(beforeAndDuring(), S / 2)).isZero();
        assertThat(RecoveryJudge.rate(beforeAndDuring(), 5 * S, 5 * S)).isNull();
    }
}
