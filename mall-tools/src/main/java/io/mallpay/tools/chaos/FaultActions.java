package io.mallpay.tools.chaos;

import java.io.IOException;
import java.time.Instant;

/**
 * The faults {@code ./mall chaos} can apply to the running stack, and their undoing. Every call
 * returns when the action is done ({@link #start} only when the component is healthy again) and
 * throws when it could not be done.
 */
public interface FaultActions {

    /** SIGKILL of the component ({@code ./mall kill NAME}). */
    void kill(String component) throws IOException, InterruptedException;

    /** Starts the component and waits until it is healthy ({@code ./mall start NAME}). */
    void start(String component) throws IOException, InterruptedException;

    /** SIGSTOP of the component's pid. */
    void freeze(String component) throws IOException, InterruptedException;

    /** SIGCONT of the pid {@link #freeze} stopped. */
    void thaw(String component) throws IOException, InterruptedException;

    /** Sets the bank sandbox's global callback mode (NORMAL, TWICE, LATE, NEVER, OUT_OF_ORDER). */
    void bankCallbackMode(String mode) throws IOException, InterruptedException;

    /** Clears the global callback mode (back to NORMAL). */
    void clearBankCallbackMode() throws IOException, InterruptedException;

    /**
     * Arms a named fault point of a service with FAIL until {@link #clearPoint} (its
     * {@code /actuator/faults}, local stack only): each call through the point answers 503.
     */
    void failPoint(String component, String point) throws IOException, InterruptedException;

    /** How many global transactions the TC holds right now (a probe, not a fault). */
    int liveGlobalTransactions() throws IOException, InterruptedException;

    /**
     * How many of the global transactions the TC holds right now were begun before {@code instant}
     * (a probe: what a run left, not what background jobs began since).
     */
    int liveGlobalTransactionsBegunBefore(Instant instant) throws IOException, InterruptedException;

    /**
     * How many payments created at or after {@code since} are still PENDING in pay-payment's
     * database once they have had their chance to settle (after the drain, every payment of a run
     * should end PAID, FAILED or CLOSED; the stack's implementation waits for that, bounded).
     */
    int pendingPaymentsSince(Instant since) throws IOException, InterruptedException;

    /**
     * Each component's ESTABLISHED TCP connections to the TC's port right now (name → count; a
     * probe, see {@link TcConnections}); empty when not measurable here.
     */
    java.util.Map<String, Integer> tcConnections() throws IOException;

    /**
     * Starts a storefront overload beside the replay: checkouts at {@code Overload.FACTOR} times
     * mall-order's configured checkout capacity until {@link #endOverload} (issue 10).
     */
    void overload() throws IOException, InterruptedException;

    /** Stops the load {@link #overload} started and cancels the orders it created. */
    void endOverload() throws IOException, InterruptedException;

    /** Disarms the point {@link #failPoint} armed. */
    void clearPoint(String component, String point) throws IOException, InterruptedException;
}
