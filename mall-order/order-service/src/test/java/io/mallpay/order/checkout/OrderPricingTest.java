package io.mallpay.order.checkout;

import io.mallpay.common.web.ApiException;
import io.mallpay.inventory.api.InventoryClient.SkuView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderPricingTest {

    private static CheckoutRequest.Line line(String sku, int qty) {
        return new CheckoutRequest.Line(sku, qty);
    }

    @Test
    void duplicateSkusMergeInFirstSeenOrder() {
        Map<String, Integer> merged = OrderPricing.mergeLines(List.of(line("B", 2), line("A", 1), line("B", 3)));
        assertThat(merged).containsExactly(Map.entry("B", 5), Map.entry("A", 1));
    }

    @Test
    void zeroNegativeOrHugeQuantitiesAreBadQuantity() {
        for (int q : new int[] {0, -6, OrderPricing.MAX_QUANTITY + 1}) {
            assertThatThrownBy(() -> OrderPricing.mergeLines(List.of(line("A", q))))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("BAD_QUANTITY"));
        }
        assertThatThrownBy(() -> OrderPricing.mergeLines(List.of(line("A", 6000), line("A", 6000))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("BAD_QUANTITY"));
    }

    @Test
    void pricesComeFromTheCatalogueAndUnknownSkusAreNamed() {
        Map<String, SkuView> catalogue = Map.of("A", new SkuView("A", "Lantern", 339, 10));
        var priced = OrderPricing.price(Map.of("A", 6), catalogue);
        assertThat(OrderPricing.total(priced)).isEqualTo(2034);

        assertThatThrownBy(() -> OrderPricing.price(Map.of("A", 1, "ZZ", 1), catalogue))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("UNKNOWN_SKU");
                    assertThat(e.getMessage()).contains("ZZ").doesNotContain("A,");
                });
    }

    @Test
    void payableSubtractsCouponThenPointsAndNeverGoesNegative() {
        assertThat(OrderPricing.payable(2000, 500, 300)).isEqualTo(1200);
        assertThat(OrderPricing.payable(400, 500, 0)).isZero();
        assertThat(OrderPricing.payable(2000, 500, 1500)).isZero();
        assertThatThrownBy(() -> OrderPricing.payable(2000, 500, 1501))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("BAD_POINTS"));
    }
}
