package io.mallpay.bank.callback;

import java.util.PriorityQueue;

/** A {@link CallbackScheduler} on a virtual clock: nothing runs until the test advances time. */
final class ManualScheduler implements CallbackScheduler {

    private record Task(long due, long seq, Runnable run) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    @Override
    public void schedule(long delayMillis, Runnable task) {
        tasks.add(new Task(now + Math.max(0, delayMillis), seq++, task));
    }

    /** Runs everything due now, including what those tasks schedule with no delay. */
    void runDue() {
        advance(0);
    }

    /** Moves the clock forward, running every task that falls due on the way, in order. */
    void advance(long millis) {
        long target = now + millis;
        while (!tasks.isEmpty() && tasks.peek().due <= target) {
            Task task = tasks.poll();
            now = task.due;
            task.run.run();
        }
        now = target;
    }

    long now() {
        return now;
    }

    boolean idle() {
        return tasks.isEmpty();
    }
}
