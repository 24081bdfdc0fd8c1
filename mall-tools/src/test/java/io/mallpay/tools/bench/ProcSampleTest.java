package io.mallpay.tools.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcSampleTest {

    /** A real line's shape, with a command name holding a space and a parenthesis. */
    static String stat(long utime, long stime) {
        return "7342 (java (x) y) S 5118 7342 7342 0 -1 4194304 78170 89 1 0 " + utime + " " + stime
                + " 0 0 20 0 58 0 84284 3055648768 72658 18446744073709551615\n";
    }

    @Test
    void cpuTicksAreUtimePlusStimeCountedAfterTheCommandName() {
        assertThat(ProcSample.cpuTicks(stat(3845, 386))).isEqualTo(4231);
        assertThatThrownBy(() -> ProcSample.cpuTicks("garbage")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rssIsReadFromVmRss() {
        assertThat(ProcSample.rssKb("Name:\tjava\nVmPeak:\t 999 kB\nVmRSS:\t  290632 kB\nThreads:\t58\n"))
                .isEqualTo(290632L);
        assertThat(ProcSample.rssKb("Name:\tzombie\nState:\tZ\n")).isNull();
    }

    @Test
    void cpuPerTransactionFromTwoSamples() {
        ProcSample before = new ProcSample(0, Map.of("mall-order", 1000L, "mariadbd", 500L, "gone", 10L,
                "bench", 0L), Map.of());
        ProcSample after = new ProcSample(10, Map.of("mall-order", 1700L, "mariadbd", 600L, "restarted", 5L,
                "bench", 300L), Map.of("mall-order", 300 * 1024L, "mariadbd", 100 * 1024L, "bench", 50 * 1024L));
        // 700 ticks at 100/s = 7 s over 1000 transactions = 7 ms each; 100 ticks = 1 ms each
        Map<String, Double> cpu = ProcSample.cpuMsPerTx(before, after, 1000, 100);
        assertThat(cpu).containsEntry("mall-order", 7.0).containsEntry("mariadbd", 1.0).containsEntry("bench", 3.0)
                .containsEntry("total", 8.0)
                .doesNotContainKeys("gone", "restarted");
        assertThat(ProcSample.cpuMsPerTx(before, after, 0, 100)).isEmpty();
        assertThat(after.rssMb()).containsEntry("mall-order", 300.0).containsEntry("bench", 50.0)
                .containsEntry("total", 400.0);
    }

    @Test
    void readsThisProcess() {
        long self = ProcessHandle.current().pid();
        ProcSample s = ProcSample.read(Map.of("self", self, "nobody", Long.MAX_VALUE));
        assertThat(s.cpuTicks()).containsKey("self").doesNotContainKey("nobody");
        assertThat(s.rssKb().get("self")).isPositive();
    }
}
