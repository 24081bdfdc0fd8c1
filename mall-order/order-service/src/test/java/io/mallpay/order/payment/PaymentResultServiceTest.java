package io.mallpay.order.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentResultServiceTest {

    @Test
    void consumptionPointsCountWholePoundsOnly() {
        assertThat(PaymentResultService.consumptionPoints(1999, 1)).isEqualTo(19);
        assertThat(PaymentResultService.consumptionPoints(99, 1)).isZero();
        assertThat(PaymentResultService.consumptionPoints(2000, 3)).isEqualTo(60);
    }
}
