package io.mallpay.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OverloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theLimitIsTheCountOfTheSharedCheckoutRuleNotOfThePerCustomerOne(@TempDir Path dir) throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.json"), """
                [{"resource":"checkout-per-user","paramIdx":0,"count":3},
                 {"resource":"checkout-total","paramIdx":0,"count":42,"burstCount":200}]
                """);

        assertThat(Overload.checkoutLimit(JSON, rules)).isEqualTo(42.0);
    }

    @Test
    void theRepositorysOrderRulesHaveACheckoutCapacity() throws IOException {
        Path rules = Path.of("..", "nacos-config", "sentinel", "mall-order-param-flow-rules.json");

        assertThat(Overload.checkoutLimit(JSON, rules)).isPositive();
    }

    @Test
    void rulesWithoutTheSharedCheckoutRuleAreRefused(@TempDir Path dir) throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.json"), "[{\"resource\":\"checkout-per-user\",\"count\":3}]");

        assertThatThrownBy(() -> Overload.checkoutLimit(JSON, rules)).isInstanceOf(IOException.class)
                .hasMessageContaining("checkout-total");
    }
}
