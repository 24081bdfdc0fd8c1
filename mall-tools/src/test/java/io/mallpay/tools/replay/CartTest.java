package io.mallpay.tools.replay;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mallpay.tools.replay.RetailLines.invoices;
import static io.mallpay.tools.replay.RetailLines.line;
import static org.assertj.core.api.Assertions.assertThat;

class CartTest {

    private static Cart dirty() throws Exception {
        return Cart.of(invoices(
                line("536365", "85123A", 6, "08:26:00", "2.55", "17850"),
                line("536365", "POST", 1, "08:26:00", "18.00", "17850"),
                line("536365", "85123A", 4, "08:26:00", "2.55", "17850"),
                line("536365", "22139", -2, "08:26:00", "4.95", "17850"),
                line("536365", "NOSUCH", 1, "08:26:00", "0.00", "17850"),
                line("536365", "gift_0001_20", 1, "08:26:00", "17.02", "17850")).get(0));
    }

    @Test
    void nonProductLinesStayHomeAndDuplicatesAreSentForCheckoutToMerge() throws Exception {
        Cart cart = dirty();

        assertThat(cart.nonProductLines()).isEqualTo(2);
        assertThat(cart.duplicateLines()).isEqualTo(1);
        assertThat(cart.lines()).extracting(Cart.Line::sku).containsExactly("85123A", "85123A", "22139", "NOSUCH");
        assertThat(cart.estimateCents()).as("positive lines at the file's prices").isEqualTo(2550);
    }

    @Test
    void badQuantityNamesTheLinesOutsideOneToTenThousand() throws Exception {
        Cart cart = dirty();
        List<Cart.Line> bad = cart.offending("BAD_QUANTITY", "quantity of 22139 must be 1..10000, was -2");

        assertThat(bad).extracting(Cart.Line::sku).containsExactly("22139");
        assertThat(cart.without(bad).lines()).extracting(Cart.Line::sku).containsExactly("85123A", "85123A", "NOSUCH");
    }

    @Test
    void badQuantityOfAMergedTotalDropsEveryLineOfThatSku() throws Exception {
        Cart cart = Cart.of(invoices(
                line("1", "A", 6000, "08:26:00", "0.10", "1"),
                line("1", "A", 5000, "08:26:00", "0.10", "1"),
                line("1", "B", 1, "08:26:00", "0.10", "1")).get(0));

        assertThat(cart.offending("BAD_QUANTITY", "total quantity of A must be at most 10000"))
                .extracting(Cart.Line::quantity).containsExactly(6000, 5000);
    }

    @Test
    void unknownSkuNamesTheSkusOfTheDetail() throws Exception {
        Cart cart = dirty();

        assertThat(cart.offending("UNKNOWN_SKU", "unknown sku(s): NOSUCH, 22139"))
                .extracting(Cart.Line::sku).containsExactly("22139", "NOSUCH");
        assertThat(cart.offending("UNKNOWN_SKU", "something else")).isEmpty();
        assertThat(cart.offending("OUT_OF_STOCK", "sku 85123A: 0 available, 10 requested")).as("whole cart").isEmpty();
    }

    @Test
    void droppingEveryLineEmptiesTheCart() throws Exception {
        Cart cart = Cart.of(invoices(line("1", "A", -1, "08:26:00", "0.10", "1")).get(0));

        assertThat(cart.without(cart.offending("BAD_QUANTITY", null)).isEmpty()).isTrue();
    }
}
