package io.mallpay.tools.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModeRunnerTest {

    @Test
    void aLevelMeasuredTwiceGetsNewIdempotencyKeys() {
        String first = ModeRunner.runKey("abc", 2, "checkout", "seata", 16, "");
        String again = ModeRunner.runKey("abc", 4, "checkout", "seata", 16, "");
        assertThat(first).isNotEqualTo(again).startsWith("bench-abc-2-");
        assertThat(ModeRunner.runKey("abc", 3, "checkout", "sentinel-off", 16, "w")).hasSizeLessThan(80);
    }

    @Test
    void pairsAlternateWhichSideRunsFirst() {
        assertThat(ModeRunner.pairOrder(0)).containsExactly(true, false);
        assertThat(ModeRunner.pairOrder(1)).containsExactly(false, true);
        assertThat(ModeRunner.pairOrder(2)).containsExactly(true, false);
    }
}
