package io.mallpay.bank.callback;

/**
 * Runs a task after a delay in milliseconds (0 = as soon as possible), on a thread other than the
 * caller's. The seam that lets tests drive delays, retries and hold time-outs with a manual clock.
 */
public interface CallbackScheduler {

    void schedule(long delayMillis, Runnable task);
}
