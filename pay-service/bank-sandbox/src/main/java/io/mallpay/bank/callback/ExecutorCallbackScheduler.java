package io.mallpay.bank.callback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@link CallbackScheduler} on a {@link ScheduledExecutorService}. A task that throws is logged
 * (a scheduled executor would otherwise swallow it silently); a task refused because the sandbox
 * is shutting down is logged and dropped. {@link #close} stops the executor, dropping callbacks
 * still waiting (LATE, held, retries): they are lost with the process, as the status query covers.
 */
public class ExecutorCallbackScheduler implements CallbackScheduler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExecutorCallbackScheduler.class);

    private final ScheduledExecutorService executor;

    public ExecutorCallbackScheduler(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public void schedule(long delayMillis, Runnable task) {
        Runnable logged = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("callback task failed", e);
            }
        };
        try {
            executor.schedule(logged, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.warn("callback task dropped: the sandbox is shutting down");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
