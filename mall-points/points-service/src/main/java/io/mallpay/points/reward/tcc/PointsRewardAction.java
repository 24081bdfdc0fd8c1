package io.mallpay.points.reward.tcc;

import io.mallpay.common.tx.GlobalLockRetry;
import io.mallpay.points.reward.PointsRewardService;
import io.mallpay.points.reward.RewardGrant;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;
import io.mallpay.common.fault.FaultInjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Seata TCC action {@value #NAME}: reward points the payment platform's global transaction
 * grants a user when a payment completes (DESIGN.md flow 3). Try records the grant, confirm credits
 * it, cancel drops it; the database work is in {@link PointsRewardService}.
 *
 * <p>{@code useTCCFence = true}: Seata's {@code tcc_fence_log} runs each phase at most once per
 * branch, lets a cancel with no try succeed without doing anything (empty rollback) and refuses a
 * try that arrives after its cancel (suspension: {@code CommonFenceException} with code
 * {@code DuplicateKeyException}). The reward row adds idempotency per payment id on top.
 *
 * <p>This class carries no Spring advice of its own (no {@code @Transactional}): Seata reads the
 * TCC annotations from the bean it is handed and later calls confirm/cancel by reflection on that
 * bean, which need not be a Spring proxy. The transactional and global-lock work therefore lives in
 * the separate {@link PointsRewardService} bean, whose proxy always applies.
 */
@LocalTCC
@Component
public class PointsRewardAction {

    /** The TCC resource id, as shown in the Seata console. */
    public static final String NAME = "points-reward";

    /** Phase 2 is asynchronous and the TC retries a failed confirm, so give up early. */
    private static final int CONFIRM_TRIES = 5;
    private static final long CONFIRM_PAUSE_MILLIS = 200;

    private static final Logger log = LoggerFactory.getLogger(PointsRewardAction.class);

    private final PointsRewardService rewards;
    private final FaultInjection faults;

    public PointsRewardAction(PointsRewardService rewards, FaultInjection faults) {
        this.rewards = rewards;
        this.faults = faults;
    }

    /**
     * Try: records that the payment grants {@code points} (whole points, ≥ 1) to the user for the
     * order. Callers pass {@code null} for the context: Seata fills it in and stores the annotated
     * arguments for phase 2. Must run in a global transaction. Throws the
     * {@link PointsRewardService#tryReward} codes ({@code UNKNOWN_USER} 404, {@code REWARD_MISMATCH}
     * 409, {@code BAD_POINTS} 400) and, from the fence, {@code CommonFenceException} on suspension.
     */
    @TwoPhaseBusinessAction(name = NAME, commitMethod = "confirm", rollbackMethod = "cancel", useTCCFence = true)
    public void tryReward(BusinessActionContext context,
                          @BusinessActionContextParameter(paramName = "paymentId") String paymentId,
                          @BusinessActionContextParameter(paramName = "orderId") long orderId,
                          @BusinessActionContextParameter(paramName = "userId") long userId,
                          @BusinessActionContextParameter(paramName = "points") long points) {
        if (context == null) {
            throw new IllegalStateException("points-reward try outside a global transaction");
        }
        log.info("points-reward try: xid {} branch {} payment {} grants {} points to user {} for order {}",
                context.getXid(), context.getBranchId(), paymentId, points, userId, orderId);
        rewards.tryReward(context.getXid(), paymentId, orderId, userId, points);
        // fault point: the try's work is written but not committed (its fence transaction is open)
        faults.hit("points.reward.try");
    }

    /**
     * Confirm (called by the TC, outside any global transaction): credits the reward once per
     * payment. Waits for AT global locks on the account ({@code GlobalLockRetry}); if they stay
     * busy it throws {@code GLOBAL_LOCK_BUSY}, the fence rolls back and the TC retries later.
     * Returns true when the reward is credited (now or before).
     */
    public boolean confirm(BusinessActionContext context) {
        RewardGrant grant = grant(context);
        log.info("points-reward confirm: xid {} branch {} payment {}", context.getXid(), context.getBranchId(), grant.paymentId());
        GlobalLockRetry.run(() -> rewards.confirm(grant), CONFIRM_TRIES, CONFIRM_PAUSE_MILLIS);
        return true;
    }

    /**
     * Cancel (called by the TC): drops the reward this global transaction tried, if any; never
     * touches balances. Idempotent; returns true.
     */
    public boolean cancel(BusinessActionContext context) {
        String paymentId = string(context, "paymentId");
        log.info("points-reward cancel: xid {} branch {} payment {}", context.getXid(), context.getBranchId(), paymentId);
        rewards.cancel(context.getXid(), paymentId);
        return true;
    }

    /** The try's arguments as stored by Seata; its JSON round trip turns longs into Integer or Long. */
    static RewardGrant grant(BusinessActionContext context) {
        return new RewardGrant(string(context, "paymentId"),
                number(context, "orderId"), number(context, "userId"), number(context, "points"));
    }

    private static String string(BusinessActionContext context, String key) {
        Object value = context.getActionContext(key);
        if (value == null) {
            throw new IllegalStateException("action context of branch " + context.getBranchId() + " has no " + key);
        }
        return value.toString();
    }

    private static long number(BusinessActionContext context, String key) {
        if (!(context.getActionContext(key) instanceof Number n)) {
            throw new IllegalStateException("action context of branch " + context.getBranchId() + " has no number " + key);
        }
        return n.longValue();
    }
}
