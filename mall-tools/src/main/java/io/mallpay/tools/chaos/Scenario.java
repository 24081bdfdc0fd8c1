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
 * @param name        the name on the command line ({@code kill-fund}, ...)
 * @param kind        what the fault is
 * @param target      the component ({@code ./mall} name), or {@code bank-sandbox}
 * @param injectAfter delay between the first invoice and the fault (ignored for whole-run faults)
 * @param hold        how long the fault stays before recovery; null = the whole run
 */
public record Scenario(String name, Kind kind, String target, Duration injectAfter, Duration hold) {

    /** What a scenario does to its target. */
    public enum Kind {
        /** {@code ./mall kill NAME} (SIGKILL), later {@code ./mall start NAME}. */
        KILL,
        /** SIGSTOP of the component's pid, later SIGCONT. */
        FREEZE,
        /** The bank sandbox answers every callback twice for the whole run. */
        BANK_TWICE
    }

    /** Delay between the replay's first invoice and the fault. */
    public static final Duration INJECT_AFTER = Duration.ofSeconds(20);

    /** Every scenario of this slice, in the order {@code all} runs them. */
    public static final List<Scenario> ALL = List.of(
            new Scenario("kill-fund", Kind.KILL, "pay-fund", INJECT_AFTER, Duration.ofSeconds(10)),
            new Scenario("kill-points", Kind.KILL, "mall-points", INJECT_AFTER, Duration.ofSeconds(10)),
            new Scenario("kill-accounting", Kind.KILL, "pay-accounting", INJECT_AFTER, Duration.ofSeconds(30)),
            new Scenario("kill-payment", Kind.KILL, "pay-payment", INJECT_AFTER, Duration.ofSeconds(10)),
            new Scenario("kill-order", Kind.KILL, "mall-order", INJECT_AFTER, Duration.ofSeconds(10)),
            // Longer than the Feign read timeout (15 s): callers time out against a live socket.
            new Scenario("freeze-points", Kind.FREEZE, "mall-points", INJECT_AFTER, Duration.ofSeconds(40)),
            new Scenario("bank-twice", Kind.BANK_TWICE, "bank-sandbox", Duration.ZERO, null));

    public Scenario {
        if (name == null || kind == null || target == null || injectAfter == null) {
            throw new IllegalArgumentException("a scenario needs a name, a kind, a target and a delay");
        }
        if (kind != Kind.BANK_TWICE && hold == null) {
            throw new IllegalArgumentException(name + ": only BANK_TWICE lasts the whole run");
        }
    }

    public static Optional<Scenario> named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst();
    }

    /** Position in {@link #ALL} (its seed offset), -1 when not one of them. */
    public int ordinal() {
        return ALL.indexOf(this);
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
        };
    }

    void inject(FaultActions actions) throws IOException, InterruptedException {
        switch (kind) {
            case KILL -> actions.kill(target);
            case FREEZE -> actions.freeze(target);
            case BANK_TWICE -> actions.bankCallbackMode("TWICE");
        }
    }

    void recover(FaultActions actions) throws IOException, InterruptedException {
        switch (kind) {
            case KILL -> actions.start(target);
            case FREEZE -> actions.thaw(target);
            case BANK_TWICE -> actions.clearBankCallbackMode();
        }
    }
}
