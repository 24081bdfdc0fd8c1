package io.mallpay.tools.replay;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counts by key, read as a sorted snapshot. */
public final class Tally {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void add(String key) {
        add(key, 1);
    }

    public void add(String key, long n) {
        if (n != 0) {
            counts.computeIfAbsent(key, k -> new LongAdder()).add(n);
        }
    }

    public long get(String key) {
        LongAdder a = counts.get(key);
        return a == null ? 0 : a.sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
