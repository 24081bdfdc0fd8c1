package io.mallpay.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mallpay.common.db.MigrateBeforeSeataProxy;
import io.mallpay.common.fault.FaultEndpoint;
import io.mallpay.common.fault.FaultInjection;
import io.mallpay.common.feign.ProblemErrorDecoder;
import io.mallpay.common.seata.SeataChannelGuard;
import io.mallpay.common.seata.SeataHealthIndicator;
import io.mallpay.common.seata.SeataRegistrations;
import io.mallpay.common.web.ProblemErrorReportValve;
import io.mallpay.common.web.ProblemHandler;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Duration;

/** Wires the shared pieces into every service that has mall-common on its classpath. */
@AutoConfiguration
@ConditionalOnWebApplication
@Import(ProblemHandler.class)
public class MallCommonAutoConfiguration {

    /** Static: a BeanPostProcessor must exist before the beans it post-processes. */
    @Bean
    @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
    static MigrateBeforeSeataProxy migrateBeforeSeataProxy() {
        return new MigrateBeforeSeataProxy();
    }

    /** Used by every Feign client (Spring Cloud OpenFeign picks up an ErrorDecoder bean). */
    @Bean
    @ConditionalOnClass(name = "feign.codec.ErrorDecoder")
    ProblemErrorDecoder problemErrorDecoder(ObjectMapper mapper) {
        return new ProblemErrorDecoder(mapper);
    }

    /**
     * Sentinel (issue 10): a request refused by a rule on its URL gets problem+json with
     * Retry-After; business rejections (an {@link io.mallpay.common.web.ApiException} with a 4xx
     * status, e.g. OUT_OF_STOCK answered by a participant) are not errors for the error-ratio
     * circuit breakers: only failures of the participant itself (5xx, time-outs, refused
     * connections) open a circuit.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.alibaba.csp.sentinel.adapter.spring.webmvc_v6x.callback.BlockExceptionHandler")
    static class SentinelConfiguration {

        @Bean
        io.mallpay.common.sentinel.ProblemBlockExceptionHandler problemBlockExceptionHandler(ObjectMapper mapper) {
            return new io.mallpay.common.sentinel.ProblemBlockExceptionHandler(mapper);
        }

        @Bean
        static org.springframework.beans.factory.SmartInitializingSingleton sentinelBusinessRejections() {
            return () -> com.alibaba.csp.sentinel.Tracer.setExceptionPredicate(
                    t -> !(t instanceof io.mallpay.common.web.ApiException a && a.status().is4xxClientError()));
        }
    }

    /** Fault points are always present (a no-op unless armed); see {@link FaultInjection}. */
    @Bean
    FaultInjection faultInjection() {
        return new FaultInjection();
    }

    /**
     * Tomcat's own error reports (requests refused before Spring MVC: encoded slashes, oversized
     * headers) as problem+json: {@link ProblemErrorReportValve} replaces the host's HTML valve.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatProblemConfiguration {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }

    /** The arming endpoint exists only where {@code mall.fault.enabled=true} (the local stack). */
    @Bean
    @ConditionalOnProperty(name = "mall.fault.enabled", havingValue = "true")
    FaultEndpoint faultEndpoint(FaultInjection faults) {
        return new FaultEndpoint(faults);
    }

    /**
     * The Seata client's channel guard and the {@code seata} health component (issue 14); absent
     * where {@code seata.enabled=false}. Orphans must outlive Seata's 30 s register round trip.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.seata.core.rpc.netty.TmNettyRemotingClient")
    @ConditionalOnProperty(name = "seata.enabled", havingValue = "true", matchIfMissing = true)
    static class SeataClientConfiguration {

        @Bean
        SeataChannelGuard seataChannelGuard() {
            return new SeataChannelGuard(Duration.ofSeconds(5), Duration.ofMinutes(2));
        }

        /** Bean name {@code seataHealthIndicator}: the health component is {@code seata}. */
        @Bean
        @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
        SeataHealthIndicator seataHealthIndicator(SeataChannelGuard guard) {
            return new SeataHealthIndicator(new SeataRegistrations(), guard);
        }
    }
}
