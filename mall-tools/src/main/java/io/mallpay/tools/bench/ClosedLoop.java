package io.mallpay.tools.bench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop load: {@code concurrency} workers, each sending its next request as soon as the
 * previous one answered, until {@code duration} has passed (or an operation asks to stop, e.g.
 * a SKU sold out). Only successful operations count as transactions and give a latency; failures
 * are counted by their problem {@code code}. The elapsed time runs until the last worker's last
 * request answered, so requests in flight at the deadline are counted against the time they took.
 */
public final class ClosedLoop {

    /** One request of worker {@code worker} (0-based), its {@code n}-th (0-based). */
    public interface Operation {
        Outcome call(int worker, long n) throws InterruptedException;
    }

    /**
     * A request's outcome: {@code code} is null on success; {@code stop} ends the whole run. A
     * stop without a code means "nothing left to do" and counts neither as a transaction nor as an error.
     */
    public record Outcome(String code, boolean stop) {
        public static final Outcome OK = new Outcome(null, false);

        public static Outcome failed(String code) {
            return new Outcome(code, false);
        }

        public boolean ok() {
            return code == null;
        }
    }

    /** Called about once a second while the load runs, with the figures so far. */
    public interface Tick {
        void tick(double seconds, long transactions, long errors);
    }

    /** What a run measured: durations of the successful operations in microseconds. */
    public record Measured(double seconds, long[] micros, Map<String, Long> errors, boolean stopped) {
        public long transactions() {
            return micros.length;
        }
    }

    private ClosedLoop() {
    }

    /**
     * Runs the load and returns when every worker finished. A worker whose operation throws counts
     * {@code CLIENT_ERROR} and goes on; an interrupt ends the run early.
     */
    public static Measured run(int concurrency, Duration duration, Operation op, Tick onTick)
            throws InterruptedException {
        Samples samples = new Samples();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(concurrency);
        AtomicLong deadline = new AtomicLong();
        Thread[] workers = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            workers[w] = new Thread(() -> {
                try {
                    go.await();
                    for (long n = 0; !stop.get() && System.nanoTime() < deadline.get(); n++) {
                        long t0 = System.nanoTime();
                        Outcome o;
                        try {
                            o = op.call(worker, n);
                        } catch (RuntimeException e) {
                            o = Outcome.failed("CLIENT_ERROR");
                        }
                        if (o.ok() && !o.stop()) {
                            samples.add((System.nanoTime() - t0) / 1000);
                        } else if (!o.ok()) {
                            errors.computeIfAbsent(o.code(), k -> new LongAdder()).increment();
                        }
                        if (o.stop()) {
                            stop.set(true);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "bench-worker-" + w);
            workers[w].setDaemon(true);
            workers[w].start();
        }
        long t0 = System.nanoTime();
        deadline.set(t0 + duration.toNanos());
        go.countDown();
        try {
            while (!done.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                if (onTick != null) {
                    long failed = errors.values().stream().mapToLong(LongAdder::sum).sum();
                    onTick.tick((System.nanoTime() - t0) / 1e9, samples.size(), failed);
                }
            }
        } catch (InterruptedException e) {
            stop.set(true);
            for (Thread t : workers) {
                t.interrupt();
            }
            throw e;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
        return new Measured(seconds, samples.toArray(), errorCounts, stop.get());
    }

    /** Latency samples appended by many workers. */
    private static final class Samples {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long micros) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = micros;
        }

        synchronized int size() {
            return size;
        }

        synchronized long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
