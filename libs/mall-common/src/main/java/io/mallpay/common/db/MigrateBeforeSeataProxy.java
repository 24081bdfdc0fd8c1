package io.mallpay.common.db;

import org.apache.seata.rm.datasource.SeataDataSourceProxy;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;

/**
 * Runs the service's Flyway migrations on the raw {@link DataSource} as soon as it is created,
 * before Seata's auto proxy wraps it.
 *
 * <p>Why: Seata's {@code DataSourceProxy} checks at construction that {@code undo_log} exists and
 * fails the start otherwise ({@code "in AT mode, undo_log table not exist"}), while Boot's own
 * Flyway initializer runs only after the DataSource bean (already proxied) exists. Migrating here
 * makes the schema, Seata's tables included, exist before the proxy looks. Boot's
 * {@code FlywayAutoConfiguration} is excluded in {@code nacos-config/shared-datasource.yaml} so the
 * migrations run exactly once; they are configured by the usual {@code spring.flyway.*} keys.
 *
 * <p>A failed migration throws and stops the service: it never starts on a half-migrated schema.
 */
public class MigrateBeforeSeataProxy implements BeanPostProcessor, PriorityOrdered, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(MigrateBeforeSeataProxy.class);

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof SeataDataSourceProxy)) {
            migrate(dataSource, beanName);
        }
        return bean;
    }

    private void migrate(DataSource dataSource, String beanName) {
        FlywayProperties props = Binder.get(environment)
                .bind("spring.flyway", FlywayProperties.class)
                .orElseGet(FlywayProperties::new);
        if (!props.isEnabled()) {
            return;
        }
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(props.getLocations().toArray(String[]::new))
                .baselineOnMigrate(props.isBaselineOnMigrate())
                .validateOnMigrate(props.isValidateOnMigrate())
                .load()
                .migrate();
        log.info("flyway: datasource '{}' at schema version {} ({} migration(s) applied now)",
                beanName, result.targetSchemaVersion != null ? result.targetSchemaVersion : "current",
                result.migrationsExecuted);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
