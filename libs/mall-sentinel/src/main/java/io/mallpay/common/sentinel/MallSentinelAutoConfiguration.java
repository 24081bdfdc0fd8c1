package io.mallpay.common.sentinel;

import com.alibaba.csp.sentinel.SphU;
import com.alibaba.nacos.api.PropertyKeyConst;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.util.Properties;

/**
 * What every process with Sentinel gets (issue 10, item 6): the circuit states, the
 * {@code circuits} actuator endpoint, the Sentinel gauges and the global switch read from Nacos
 * ({@link SentinelSwitch}). Absent where {@code spring.cloud.sentinel.enabled=false}.
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

    /**
     * The global switch from Nacos, where {@code mall.sentinel.switch-data-id} is set (the Nacos
     * configs of the services and the gateway; not in unit tests, which run without Nacos).
     */
    @Bean
    @ConditionalOnProperty(name = "mall.sentinel.switch-data-id")
    SentinelSwitch sentinelSwitch(Environment env) {
        Properties nacos = new Properties();
        nacos.setProperty(PropertyKeyConst.SERVER_ADDR, env.getRequiredProperty("spring.cloud.nacos.server-addr"));
        nacos.setProperty(PropertyKeyConst.USERNAME, env.getProperty("spring.cloud.nacos.username", ""));
        nacos.setProperty(PropertyKeyConst.PASSWORD, env.getProperty("spring.cloud.nacos.password", ""));
        return new SentinelSwitch(nacos, env.getProperty("mall.sentinel.switch-group", "SENTINEL_GROUP"),
                env.getRequiredProperty("mall.sentinel.switch-data-id"));
    }

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    SentinelMeters sentinelMeters(MeterRegistry registry, CircuitStates states) {
        return new SentinelMeters(registry, states);
    }
}
