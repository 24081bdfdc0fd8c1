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
    void theLimitIsTheCountOfTheCheckoutRuleNotOfAnotherRoute(@TempDir Path dir) throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.json"), """
                [{"resource":"payment-creation","count":150},{"resource":"checkout","count":42,"burst":200}]
                """);

        assertThat(Overload.checkoutLimit(JSON, rules)).isEqualTo(42.0);
    }

    @Test
    void theRepositorysGatewayRulesHaveACheckoutLimit() throws IOException {
        Path rules = Path.of("..", "nacos-config", "sentinel", "mall-gateway-gw-flow-rules.json");

        assertThat(Overload.checkoutLimit(JSON, rules)).isPositive();
    }

    @Test
    void rulesWithoutACheckoutRuleAreRefused(@TempDir Path dir) throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.json"), "[{\"resource\":\"payment-creation\",\"count\":150}]");

        assertThatThrownBy(() -> Overload.checkoutLimit(JSON, rules)).isInstanceOf(IOException.class)
                .hasMessageContaining("checkout");
    }
}
