package io.mallpay.common.sentinel;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.EntryType;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.Tracer;
import com.alibaba.csp.sentinel.slots.block.BlockException;

import java.util.function.Supplier;

/**
 * A Sentinel resource whose hot-parameter rule limits each customer separately (issue 10, item 2):
 * the customer id is the resource's parameter 0, so a {@code param-flow} rule in
 * {@code nacos-config/sentinel/<service>-param-flow-rules.json} with {@code paramIdx: 0} gives
 * every customer their own budget, and one client cannot take the capacity of all the others.
 *
 * <p>The rule is checked before {@code work} runs: a refused call did nothing and throws
 * {@link BlockedException} (429 RATE_LIMITED, Retry-After 1).
 */
public final class PerUserLimit {

    /** mall-order's checkout, per customer (POST /api/orders). */
    public static final String CHECKOUT = "checkout-per-user";
    /** pay-payment's payment creation, per customer (POST /api/payments). */
    public static final String PAYMENT_CREATION = "payment-creation-per-user";

    private PerUserLimit() {
    }

    /**
     * Runs {@code work} inside the resource {@code resource} with {@code userId} as its parameter.
     *
     * @throws BlockedException when the customer is over the resource's hot-parameter rule
     */
    public static <T> T call(String resource, long userId, Supplier<T> work) {
        Entry entry;
        try {
            entry = SphU.entry(resource, EntryType.IN, 1, userId);
        } catch (BlockException e) {
            throw new BlockedException(BlockedAnswer.of(e, resource), e);
        }
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            Tracer.traceEntry(e, entry);
            throw e;
        } finally {
            entry.exit(1, userId);
        }
    }
}
