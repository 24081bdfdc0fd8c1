package io.mallpay.common.fault;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTest {

    private final FaultInjection faults = new FaultInjection();

    @Test
    void anUnarmedPointDoesNothing() {
        assertThatCode(() -> faults.hit("x")).doesNotThrowAnyException();
    }

    @Test
    void anArmedFailFiresTheGivenNumberOfTimesThenDisarms() {
        faults.arm("p", FaultInjection.Action.FAIL, 0, 2);
        assertThatThrownBy(() -> faults.hit("p")).isInstanceOf(FaultInjection.InjectedFault.class);
        assertThat(faults.armed().get("p").remaining()).isEqualTo(1);
        assertThatThrownBy(() -> faults.hit("p")).hasMessageContaining("p");
        assertThatCode(() -> faults.hit("p")).doesNotThrowAnyException();
        assertThat(faults.armed()).isEmpty();
    }

    @Test
    void aDelayPausesAndOtherPointsAreUntouched() {
        faults.arm("slow", FaultInjection.Action.DELAY, 150, 1);
        long t0 = System.nanoTime();
        faults.hit("other");
        faults.hit("slow");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(140);
    }

    @Test
    void disarmAllClearsEveryPoint() {
        faults.arm("a", FaultInjection.Action.FAIL, 0, 1);
        faults.arm("b", FaultInjection.Action.FAIL, 0, 1);
        faults.disarm(null);
        assertThat(faults.armed()).isEmpty();
    }
}
