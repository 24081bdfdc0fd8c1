package io.mallpay.tools.chaos;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One fault of {@code ./mall chaos}: what is done to which component, how long after the replay
 * started running invoices, and for how long before it is undone. A {@link Kind#BANK_TWICE}
 * scenario is set before the replay starts and cleared after it has drained ({@code hold} null).
 *
 * <p>Hold times: a SIGKILL is held 10 s (30 s for accounting, so that payments complete while it
 * is down); a SIGSTOP 75 s, longer than the Feign read timeout (15 s, shared-service.yaml) and the
 * global transaction timeout (60 s, shared-seata.yaml) together; the bank drops callbacks for 30 s
 * (the platform queries a payment after 30 s without one, pay-payment.yaml {@code query-after});
 * the notification receiver refuses for 60 s, the first three attempts of the default schedule
 * (at once, +15 s, +30 s; pay-payment.yaml {@code notify-schedule}); the storefront is overloaded
 * for 30 s (issue 10).
 *
 * @param name        the name on the command line ({@code kill-fund}, ...)
 * @param kind        what the fault is
 * @param target      the component ({@code ./mall} name)
 * @param injectAfter delay between the first invoice and the fault (ignored for whole-run faults)
 * @param hold        how long the fault stays before recovery; null = the whole run
 * @param minInFlight global transactions the TC must hold when the fault is injected (waited for
 *                    by {@link InFlightGate}, up to its bound); 0 = no threshold
 */
public record Scenario(String name, Kind kind, String target, Duration injectAfter, Duration hold, int minInFlight) {

    /** What a scenario does to its target. */
    public enum Kind {
        /** {@code ./mall kill NAME} (SIGKILL), later {@code ./mall start NAME}. */
        KILL,
        /** SIGSTOP of the component's pid, later SIGCONT. */
        FREEZE,
        /** The bank sandbox answers every callback twice for the whole run. */
        BANK_TWICE,
        /** The bank sandbox sends no callback for charges made while the fault holds (mode NEVER). */
        BANK_DROP,
        /**
         * The merchant-notification receiver (mall-order's payment-result endpoint) answers 503
         * while the storefront keeps working: its fault point armed with FAIL.
         */
        NOTIFY_DOWN,
        /**
         * Checkouts through the storefront at 3× mall-order's configured checkout capacity beside the
         * replay (issue 10): the excess is refused with 429 RATE_LIMITED, the replay's own checkouts
         * honour Retry-After, and the load's admitted orders are cancelled when it stops.
         */
        OVERLOAD
    }

    /** mall-order's fault point before a payment result is read (PaymentResultController). */
    public static final String RECEIVER_POINT = "order.payment-result.receive";

    /**
     * Delay between the replay's first invoice and the fault: work is flowing by then (a replay on
     * 8 workers runs 4-6 invoices/s here). On a faster machine the fault comes earlier, once a
     * quarter of the replay's invoices are done ({@link ReplayProgress#awaitTrigger}).
     */
    public static final Duration INJECT_AFTER = Duration.ofSeconds(10);

    private static final Duration KILL_HOLD = Duration.ofSeconds(10);
    private static final Duration FREEZE_HOLD = Duration.ofSeconds(75);
    /** Global transactions in flight kill-seata waits for (issue 14: 22 in flight broke a client that 8-12 did not). */
    static final int SEATA_MIN_IN_FLIGHT = 15;

    /**
     * Every scenario, in the order {@code all} runs them: the TC is killed three times in a row
     * with at least {@link #SEATA_MIN_IN_FLIGHT} global transactions in flight. Seed offsets
     * ({@link #ordinal()}) follow {@link #SEED_ORDER}, so scenarios keep theirs from earlier versions.
     */
    public static final List<Scenario> ALL = List.of(
            new Scenario("kill-fund", Kind.KILL, "pay-fund", INJECT_AFTER, KILL_HOLD),
            new Scenario("kill-points", Kind.KILL, "mall-points", INJECT_AFTER, KILL_HOLD),
            new Scenario("kill-accounting", Kind.KILL, "pay-accounting", INJECT_AFTER, Duration.ofSeconds(30)),
            new Scenario("kill-payment", Kind.KILL, "pay-payment", INJECT_AFTER, KILL_HOLD),
            new Scenario("kill-order", Kind.KILL, "mall-order", INJECT_AFTER, KILL_HOLD),
            new Scenario("freeze-points", Kind.FREEZE, "mall-points", INJECT_AFTER, FREEZE_HOLD),
            new Scenario("bank-twice", Kind.BANK_TWICE, "bank-sandbox", Duration.ZERO, null),
            new Scenario("kill-inventory", Kind.KILL, "mall-inventory", INJECT_AFTER, KILL_HOLD),
            new Scenario("kill-coupon", Kind.KILL, "mall-coupon", INJECT_AFTER, KILL_HOLD),
            new Scenario("kill-bank", Kind.KILL, "bank-sandbox", INJECT_AFTER, KILL_HOLD),
            new Scenario("kill-seata", Kind.KILL, "seata", INJECT_AFTER, KILL_HOLD, SEATA_MIN_IN_FLIGHT),
            new Scenario("kill-seata-2", Kind.KILL, "seata", INJECT_AFTER, KILL_HOLD, SEATA_MIN_IN_FLIGHT),
            new Scenario("kill-seata-3", Kind.KILL, "seata", INJECT_AFTER, KILL_HOLD, SEATA_MIN_IN_FLIGHT),
            new Scenario("kill-rocketmq", Kind.KILL, "rocketmq", INJECT_AFTER, KILL_HOLD),
            new Scenario("freeze-fund", Kind.FREEZE, "pay-fund", INJECT_AFTER, FREEZE_HOLD),
            new Scenario("bank-drop", Kind.BANK_DROP, "bank-sandbox", INJECT_AFTER, Duration.ofSeconds(30)),
            new Scenario("notify-down", Kind.NOTIFY_DOWN, "mall-order", INJECT_AFTER, Duration.ofSeconds(60)),
            new Scenario("overload", Kind.OVERLOAD, "mall-gateway", INJECT_AFTER, Duration.ofSeconds(30)));

    /** Scenario names by seed offset: the earlier versions' order, new ones appended. */
    private static final List<String> SEED_ORDER = List.of("kill-fund", "kill-points", "kill-accounting",
            "kill-payment", "kill-order", "freeze-points", "bank-twice", "kill-inventory", "kill-coupon", "kill-bank",
            "kill-seata", "kill-rocketmq", "freeze-fund", "bank-drop", "notify-down", "kill-seata-2", "kill-seata-3", "overload");

    /**
     * The reduced set CI runs ({@code ./mall chaos ci}): a TCC participant killed, the TC killed, a
     * hung AT participant, accounting down while payments complete, callbacks dropped, the
     * notification receiver down. kill-seata waits for its global transactions in flight. The TC is not killed first: on a freshly started stack the first
     * replay's invoices are still opening cards 10 s in, with no global transaction in flight.
     */
    public static final List<String> CI = List.of("kill-fund", "kill-seata", "freeze-points", "kill-accounting",
            "bank-drop", "notify-down");

    /** A scenario without an in-flight threshold. */
    public Scenario(String name, Kind kind, String target, Duration injectAfter, Duration hold) {
        this(name, kind, target, injectAfter, hold, 0);
    }

    public Scenario {
        if (name == null || kind == null || target == null || injectAfter == null) {
            throw new IllegalArgumentException("a scenario needs a name, a kind, a target and a delay");
        }
        if (kind != Kind.BANK_TWICE && hold == null) {
            throw new IllegalArgumentException(name + ": only BANK_TWICE lasts the whole run");
        }
        if (minInFlight < 0) {
            throw new IllegalArgumentException(name + ": minInFlight must be ≥ 0");
        }
    }

    public static Optional<Scenario> named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst();
    }

    /** Its seed offset (position in {@link #SEED_ORDER}), -1 when not one of {@link #ALL}. */
    public int ordinal() {
        return ALL.contains(this) ? SEED_ORDER.indexOf(name) : -1;
    }

    /** True when the fault is set before the replay and cleared after its drain. */
    public boolean wholeRun() {
        return hold == null;
    }

    /** What is injected, for the report. */
    public String describe() {
        return switch (kind) {
            case KILL -> "SIGKILL " + target;
            case FREEZE -> "SIGSTOP " + target;
            case BANK_TWICE -> "bank callback-mode TWICE";
            case BANK_DROP -> "bank callback-mode NEVER (callbacks dropped)";
            case NOTIFY_DOWN -> "notification receiver answers 503 (" + RECEIVER_POINT + " FAIL)";
            case OVERLOAD -> "checkouts at 3x the checkout capacity";
        };
    }

    void inject(FaultActions actions) throws IOException, InterruptedException {
        switch (kind) {
            case KILL -> actions.kill(target);
            case FREEZE -> actions.freeze(target);
            case BANK_TWICE -> actions.bankCallbackMode("TWICE");
            case BANK_DROP -> actions.bankCallbackMode("NEVER");
            case NOTIFY_DOWN -> actions.failPoint(target, RECEIVER_POINT);
            case OVERLOAD -> actions.overload();
        }
    }

    void recover(FaultActions actions) throws IOException, InterruptedException {
        switch (kind) {
            case KILL -> actions.start(target);
            case FREEZE -> actions.thaw(target);
            case BANK_TWICE, BANK_DROP -> actions.clearBankCallbackMode();
            case NOTIFY_DOWN -> actions.clearPoint(target, RECEIVER_POINT);
            case OVERLOAD -> actions.endOverload();
        }
    }
}
