package io.mallpay.common.seata;

import io.mallpay.common.MallCommonAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SeataAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MallCommonAutoConfiguration.class));

    @Test
    void aServiceWithSeataGetsTheGuardAndTheSeataHealthComponent() {
        runner.run(ctx -> {
            assertThat(ctx).hasSingleBean(SeataChannelGuard.class);
            assertThat(ctx).hasBean("seataHealthIndicator");
        });
    }

    @Test
    void aServiceWithSeataDisabledGetsNeither() {
        runner.withPropertyValues("seata.enabled=false").run(ctx -> {
            assertThat(ctx).doesNotHaveBean(SeataChannelGuard.class);
            assertThat(ctx).doesNotHaveBean(SeataHealthIndicator.class);
        });
    }
}
