package io.mallpay.fund.tcc;

import org.apache.seata.common.Constants;
import org.apache.seata.common.holder.ObjectHolder;
import org.apache.seata.spring.boot.autoconfigure.SeataClientEnvironmentPostProcessor;
import org.apache.seata.spring.boot.autoconfigure.SeataCoreEnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;

/**
 * With Seata's Spring Boot starter on the classpath, Seata reads its client configuration through
 * the Boot environment and its static initialisers (e.g. {@code AbstractResourceManager}'s) fail
 * without one. {@link #prepare()} provides one, as the starter's environment post-processors do at
 * start; it must run before any Seata RM class is loaded, so it is not part of {@link InMemoryTc}
 * (whose superclass's static initialiser would run first).
 */
final class SeataClientEnvironment {

    private SeataClientEnvironment() {
    }

    static synchronized void prepare() {
        if (ObjectHolder.INSTANCE.getObject(Constants.OBJECT_KEY_SPRING_CONFIGURABLE_ENVIRONMENT) != null) {
            return;
        }
        ConfigurableEnvironment environment = new StandardEnvironment();
        new SeataCoreEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        new SeataClientEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        ObjectHolder.INSTANCE.setObject(Constants.OBJECT_KEY_SPRING_CONFIGURABLE_ENVIRONMENT, environment);
    }
}
