package io.mallpay.common.sentinel;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.EntryType;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.Tracer;
import com.alibaba.csp.sentinel.slots.block.BlockException;

import java.util.function.Supplier;

/**
 * A storefront write held to two Sentinel hot-parameter rules, checked in this order (issue 10,
 * item 2): first the customer's own budget (resource {@code <name>-per-user}, parameter 0 = the
 * customer id), then the capacity all customers share (resource {@code <name>-total}, parameter 0 =
 * the constant {@value #ALL}, so its rule's {@code burstCount} admits a flash sale's first second).
 * A request the customer's own rule refuses never reaches the shared rule, so one client
 * hammering the endpoint spends only its own budget and cannot take the capacity of all the
 * others. The rules live in {@code nacos-config/sentinel/<service>-param-flow-rules.json}.
 *
 * <p>Both rules are checked before {@code work} runs: a refused call did nothing and throws
 * {@link BlockedException} (429 RATE_LIMITED, Retry-After 1). The gateway's route rules in front
 * are a coarse guard against runaway traffic; they cannot tell customers apart (the customer id
 * is in the request body) and so are set well above this capacity.
 */
public final class PerUserLimit {

    /** The single parameter value of the shared ({@code -total}) resources. */
    public static final String ALL = "all";

    /** mall-order's checkout (POST /api/orders). */
    public static final Limit CHECKOUT = new Limit("checkout-per-user", "checkout-total");
    /** pay-payment's payment creation (POST /api/payments). */
    public static final Limit PAYMENT_CREATION = new Limit("payment-creation-per-user", "payment-creation-total");

    /**
     * The two resources of one endpoint.
     *
     * @param perUser resource whose rule limits each customer separately (parameter 0 = customer id)
     * @param total   resource whose rule limits all customers together (parameter 0 = {@value #ALL})
     */
    public record Limit(String perUser, String total) {
    }

    private PerUserLimit() {
    }

    /**
     * Runs {@code work} once the customer's rule and then the shared rule of {@code limit} admit it.
     *
     * @throws BlockedException when the customer is over their own rule, or all customers together
     *                          are over the shared one; {@code work} did not run
     */
    public static <T> T call(Limit limit, long userId, Supplier<T> work) {
        Entry perUser = enter(limit.perUser(), userId);
        Entry total;
        try {
            total = enter(limit.total(), ALL);
        } catch (BlockedException e) {
            perUser.exit(1, userId);
            throw e;
        }
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            Tracer.traceEntry(e, total);
            Tracer.traceEntry(e, perUser);
            throw e;
        } finally {
            total.exit(1, ALL);
            perUser.exit(1, userId);
        }
    }

    private static Entry enter(String resource, Object parameter) {
        try {
            return SphU.entry(resource, EntryType.IN, 1, parameter);
        } catch (BlockException e) {
            throw new BlockedException(BlockedAnswer.of(e, resource), e);
        }
    }
}
