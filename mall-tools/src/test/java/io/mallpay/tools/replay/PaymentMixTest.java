package io.mallpay.tools.replay;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PaymentMixTest {

    @Test
    void theDrawDependsOnlyOnSeedAndInvoice() {
        for (int i = 0; i < 1000; i++) {
            String no = Integer.toString(536365 + i);
            assertThat(PaymentMix.choose(42, no)).isEqualTo(PaymentMix.choose(42, no));
        }
        long differ = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> Integer.toString(536365 + i))
                .filter(no -> PaymentMix.choose(42, no) != PaymentMix.choose(7, no)).count();
        assertThat(differ).as("another seed draws another mix").isGreaterThan(200);
    }

    @Test
    void proportionsFollowTheOlistMix() {
        int n = 200_000;
        Map<PaymentMix, Integer> c = new EnumMap<>(PaymentMix.class);
        for (int i = 0; i < n; i++) {
            c.merge(PaymentMix.choose(42, Integer.toString(500000 + i)), 1, Integer::sum);
        }
        double rest = 1 - 0.029;
        assertThat(c.get(PaymentMix.MULTI) / (double) n).isCloseTo(0.029, within(0.003));
        assertThat(c.get(PaymentMix.CREDIT_CARD) / (double) n).isCloseTo(0.739 * rest, within(0.006));
        assertThat(c.get(PaymentMix.BOLETO) / (double) n).isCloseTo(0.190 * rest, within(0.005));
        assertThat(c.get(PaymentMix.VOUCHER) / (double) n).isCloseTo(0.056 * rest, within(0.003));
        assertThat(c.get(PaymentMix.DEBIT_CARD) / (double) n).isCloseTo(0.015 * rest, within(0.002));
    }

    @Test
    void methodsAndCoupons() {
        assertThat(PaymentMix.BOLETO.method()).isEqualTo("WALLET");
        assertThat(PaymentMix.DEBIT_CARD.method()).isEqualTo("CARD");
        assertThat(PaymentMix.VOUCHER.usesCoupon()).isTrue();
        assertThat(PaymentMix.MULTI.usesCoupon()).isTrue();
        assertThat(PaymentMix.MULTI.method()).isEqualTo("CARD");
        assertThat(PaymentMix.CREDIT_CARD.usesCoupon()).isFalse();
    }
}
