package io.mallpay.common.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start a service whose Nacos configuration did not arrive.
 *
 * <p>Why: when Nacos is unreachable, Spring Cloud Alibaba's config loader logs
 * "config[dataId=…] is empty" and lets the application start with no configuration at all (seen
 * with SCA 2023.0.3.4): a service would then come up on default ports against no database. Every
 * file in {@code nacos-config/} therefore declares {@code mall.config.loaded.<data-id>: true}, and
 * this check, running after the config imports, demands that marker for every
 * {@code nacos:<data-id>.yaml} entry of {@code spring.config.import}.
 *
 * <p>Throws {@link IllegalStateException} naming the missing data ids and the Nacos address; the
 * process exits, which {@code ./mall up} reports with the log tail.
 */
public class NacosConfigPresenceCheck implements EnvironmentPostProcessor, Ordered {

    static final String MARKER_PREFIX = "mall.config.loaded.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> imports = Binder.get(environment)
                .bind("spring.config.import", Bindable.listOf(String.class))
                .orElse(List.of());
        List<String> missing = new ArrayList<>();
        for (String entry : imports) {
            String dataId = nacosDataId(entry);
            if (dataId != null && !"true".equals(environment.getProperty(MARKER_PREFIX + baseName(dataId)))) {
                missing.add(dataId);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("configuration not received from Nacos at "
                    + environment.getProperty("spring.cloud.nacos.server-addr", "?") + ": " + missing
                    + " (is Nacos up, and were nacos-config/*.yaml imported? `./mall config push`)");
        }
    }

    /** {@code "nacos:mall-order.yaml?refreshEnabled=true"} → {@code "mall-order.yaml"}; null otherwise. */
    static String nacosDataId(String importEntry) {
        String e = importEntry.trim();
        if (e.startsWith("optional:") || !e.startsWith("nacos:")) {
            return null;
        }
        String id = e.substring("nacos:".length());
        int q = id.indexOf('?');
        return q >= 0 ? id.substring(0, q) : id;
    }

    private static String baseName(String dataId) {
        int dot = dataId.lastIndexOf('.');
        return dot > 0 ? dataId.substring(0, dot) : dataId;
    }

    @Override
    public int getOrder() {
        // After ConfigDataEnvironmentPostProcessor (HIGHEST_PRECEDENCE + 10) has run the imports.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
