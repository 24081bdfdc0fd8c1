package io.mallpay.bank;

import io.mallpay.bank.callback.CallbackDelivery;
import io.mallpay.bank.callback.CallbackScheduler;
import io.mallpay.bank.callback.CallbackSender;
import io.mallpay.bank.callback.DeliveryListener;
import io.mallpay.bank.callback.ExecutorCallbackScheduler;
import io.mallpay.bank.callback.JdkHttpCallbackSender;
import io.mallpay.bank.signature.BankSignature;
import io.mallpay.bank.signature.BankSigner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires the sandbox's threads and signing. Charges are decided on a bounded pool (never on the
 * request thread); callbacks, their delays and their retries run on a small scheduled pool.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(BankProperties.class)
public class BankConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BankSigner bankSigner(BankProperties properties, Clock clock) {
        return new BankSigner(new BankSignature(properties.callbackSecret()), clock);
    }

    /** Bounded: when the queue is full the charge stays ACCEPTED and the sweep decides it later. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolExecutor chargeDecisionExecutor(BankProperties properties) {
        return new ThreadPoolExecutor(properties.decisionThreads(), properties.decisionThreads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.decisionQueueCapacity()), named("bank-decide-"),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** Owns its own scheduled pool, which is deliberately not a bean: Boot's scheduler runs {@code @Scheduled}. */
    @Bean(destroyMethod = "close")
    ExecutorCallbackScheduler callbackScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4, named("bank-callback-"));
        executor.setRemoveOnCancelPolicy(true);
        return new ExecutorCallbackScheduler(executor);
    }

    @Bean
    CallbackSender callbackSender(BankProperties properties) {
        return new JdkHttpCallbackSender(Duration.ofMillis(properties.callbackTimeoutMillis()));
    }

    @Bean
    CallbackDelivery callbackDelivery(CallbackSender sender, BankSigner signer, CallbackScheduler scheduler,
            DeliveryListener listener, BankProperties properties) {
        return new CallbackDelivery(sender, signer, scheduler, listener,
                properties.callbackAttempts(), properties.callbackBackoffMillis());
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
