package io.mallpay.accounting;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code pay.accounting.*} names the Nacos file uses, and the defaults when it does not. */
class AccountingPropertiesTest {

    @Test
    void defaults() {
        AccountingProperties p = new AccountingProperties();

        assertThat(p.getNamesrv()).isEqualTo(AccountingProperties.defaultNamesrv()).isNotBlank();
        assertThat(p.getConsumer()).extracting(AccountingProperties.Consumer::isEnabled,
                        AccountingProperties.Consumer::getConsumeThreadMin, AccountingProperties.Consumer::getConsumeThreadMax,
                        AccountingProperties.Consumer::getMaxReconsumeTimes)
                .containsExactly(true, 4, 8, 16);
        assertThat(p.getDeadLetters().getReaderGroup()).isEqualTo("pay-accounting-dlq-reader");
    }

    @Test
    void bindsKebabCaseNames() {
        Map<String, String> yaml = Map.of(
                "pay.accounting.namesrv", "10.1.1.1:9876",
                "pay.accounting.consumer.enabled", "false",
                "pay.accounting.consumer.consume-thread-min", "2",
                "pay.accounting.consumer.consume-thread-max", "6",
                "pay.accounting.consumer.max-reconsume-times", "3",
                "pay.accounting.dead-letters.scan-timeout-millis", "5000",
                "pay.accounting.dead-letters.max-messages", "50");

        AccountingProperties p = new Binder(new MapConfigurationPropertySource(yaml))
                .bind("pay.accounting", AccountingProperties.class).get();

        assertThat(p.getNamesrv()).isEqualTo("10.1.1.1:9876");
        assertThat(p.getConsumer()).extracting(AccountingProperties.Consumer::isEnabled,
                        AccountingProperties.Consumer::getConsumeThreadMin, AccountingProperties.Consumer::getConsumeThreadMax,
                        AccountingProperties.Consumer::getMaxReconsumeTimes)
                .containsExactly(false, 2, 6, 3);
        assertThat(p.getDeadLetters().getScanTimeoutMillis()).isEqualTo(5000);
        assertThat(p.getDeadLetters().getMaxMessages()).isEqualTo(50);
    }
}
