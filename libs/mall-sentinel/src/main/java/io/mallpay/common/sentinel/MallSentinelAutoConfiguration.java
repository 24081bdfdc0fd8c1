package io.mallpay.common.sentinel;

import com.alibaba.csp.sentinel.SphU;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What every process with Sentinel gets (issue 10, item 6): the circuit states, the
 * {@code circuits} actuator endpoint and the Sentinel gauges. Absent where
 * {@code spring.cloud.sentinel.enabled=false}.
 */
@AutoConfiguration(after = CompositeMeterRegistryAutoConfiguration.class)
@ConditionalOnClass(SphU.class)
@ConditionalOnProperty(name = "spring.cloud.sentinel.enabled", havingValue = "true", matchIfMissing = true)
public class MallSentinelAutoConfiguration {

    @Bean
    CircuitStates circuitStates() {
        return new CircuitStates();
    }

    @Bean
    CircuitsEndpoint circuitsEndpoint(CircuitStates states) {
        return new CircuitsEndpoint(states);
    }

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    SentinelMeters sentinelMeters(MeterRegistry registry, CircuitStates states) {
        return new SentinelMeters(registry, states);
    }
}
