package io.mallpay.order.checkout;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutServiceTest {

    @Test
    void requestHashIgnoresLineOrderButNotContent() {
        Map<String, Integer> ab = new LinkedHashMap<>();
        ab.put("A", 1);
        ab.put("B", 2);
        Map<String, Integer> ba = new LinkedHashMap<>();
        ba.put("B", 2);
        ba.put("A", 1);

        assertThat(CheckoutService.hash(7, ab, 0, null)).isEqualTo(CheckoutService.hash(7, ba, 0, null));
        assertThat(CheckoutService.hash(7, ab, 0, null)).isNotEqualTo(CheckoutService.hash(7, ab, 1, null));
        assertThat(CheckoutService.hash(7, ab, 0, null)).isNotEqualTo(CheckoutService.hash(8, ab, 0, null));
        assertThat(CheckoutService.hash(7, ab, 0, null)).isNotEqualTo(CheckoutService.hash(7, ab, 0, 5L));
        assertThat(CheckoutService.hash(7, ab, 0, null)).hasSize(64);
    }
}
