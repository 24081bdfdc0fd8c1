package io.mallpay.common.fault;

import io.mallpay.common.MallCommonAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault injection is off unless asked for (issue 12, item 4): the arming endpoint exists only with
 * {@code mall.fault.enabled=true}, and the services' shared configuration sets it only from
 * {@code MALL_FAULT_INJECTION}, which only {@code ./mall up --faults} gives them.
 */
class FaultEndpointConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MallCommonAutoConfiguration.class))
            .withPropertyValues("seata.enabled=false");

    @Test
    void withoutThePropertyThereIsNoEndpointButThePointsStayNoOps() {
        runner.run(ctx -> {
            assertThat(ctx).doesNotHaveBean(FaultEndpoint.class);
            assertThat(ctx).hasSingleBean(FaultInjection.class);
        });
    }

    @Test
    void falseMeansNoEndpoint() {
        runner.withPropertyValues("mall.fault.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(FaultEndpoint.class));
    }

    @Test
    void trueGivesTheEndpoint() {
        runner.withPropertyValues("mall.fault.enabled=true")
                .run(ctx -> assertThat(ctx).hasSingleBean(FaultEndpoint.class));
    }

    @Test
    void theSharedServiceConfigurationDefaultsToOff() throws IOException {
        String yaml = Files.readString(Path.of("..", "..", "nacos-config", "shared-service.yaml"));

        assertThat(yaml).contains("enabled: ${MALL_FAULT_INJECTION:false}")
                .doesNotContain("MALL_FAULT_INJECTION:true");
    }
}
