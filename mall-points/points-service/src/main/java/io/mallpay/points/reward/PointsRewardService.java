package io.mallpay.points.reward;

import io.mallpay.common.web.ApiException;
import io.mallpay.points.account.PointsAccountMapper;
import io.mallpay.points.award.PointsAward;
import io.mallpay.points.award.PointsAwardMapper;
import io.mallpay.points.ledger.LedgerEntry;
import io.mallpay.points.ledger.LedgerMapper;
import io.mallpay.points.reward.tcc.PointsRewardAction;
import org.apache.seata.spring.annotation.GlobalLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database side of the TCC action {@link PointsRewardAction}: reward points a payment grants,
 * one {@code points_reward} row per payment id. Points are whole points (one point = one penny of
 * discount). Idempotent per payment id on top of Seata's per-branch fence: the same grant tried
 * twice is recorded once, confirmed twice is credited once.
 *
 * <p>Why the phases look different: the try runs while Seata binds branch type TCC, so its
 * statements are neither undo-logged nor checked against AT global locks; it therefore writes only
 * {@code points_reward}, which no AT branch touches. The confirm is the only phase that writes
 * AT-managed rows ({@code points_account}, {@code points_ledger}, {@code points_award}) and it runs
 * outside any global transaction, hence {@code @GlobalLock} with {@code SELECT … FOR UPDATE}.
 */
@Service
public class PointsRewardService {

    /** The {@code points_award} / ledger reason of payment rewards. */
    public static final String REASON = "PAYMENT_REWARD";

    private static final Logger log = LoggerFactory.getLogger(PointsRewardService.class);

    private final PointsRewardMapper rewards;
    private final PointsAccountMapper accounts;
    private final PointsAwardMapper awards;
    private final LedgerMapper ledger;

    public PointsRewardService(PointsRewardMapper rewards, PointsAccountMapper accounts,
                               PointsAwardMapper awards, LedgerMapper ledger) {
        this.rewards = rewards;
        this.accounts = accounts;
        this.awards = awards;
        this.ledger = ledger;
    }

    /**
     * Try: records that payment {@code paymentId} of global transaction {@code xid} grants
     * {@code points} (≥ 1) to the user for the order, state TRIED. Nothing is credited. The same
     * grant again is a no-op (a CANCELLED one becomes TRIED again under {@code xid}). Throws
     * {@code BAD_POINTS} (400), {@code UNKNOWN_USER} (404), {@code REWARD_MISMATCH} (409) if the
     * payment id already grants another order, user or amount. Joins the fence's transaction.
     */
    @Transactional
    public void tryReward(String xid, String paymentId, long orderId, long userId, long points) {
        if (points < 1) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_POINTS", "a reward must be at least 1 point, got " + points);
        }
        if (accounts.selectById(userId) == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_USER", "no points account for user " + userId);
        }
        PointsReward existing = rewards.selectForUpdate(paymentId);
        if (existing == null) {
            rewards.insert(PointsReward.tried(xid, paymentId, orderId, userId, points));
            return;
        }
        if (!existing.grants(orderId, userId, points)) {
            throw new ApiException(HttpStatus.CONFLICT, "REWARD_MISMATCH", "payment " + paymentId + " already grants "
                    + existing.getPoints() + " points to user " + existing.getUserId() + " for order " + existing.getOrderId());
        }
        if (existing.getStatus() == RewardStatus.CANCELLED) {
            rewards.retry(paymentId, xid);
            log.info("reward of payment {} was cancelled by {}; tried again by {}", paymentId, existing.getXid(), xid);
        } else {
            log.info("reward of payment {} already {} ({}): no-op", paymentId, existing.getStatus(), existing.getXid());
        }
    }

    /**
     * Confirm: credits the payment's reward exactly like an award ({@code points_award} row with
     * reason {@link #REASON}, + points available, one AWARD ledger row) and marks it CONFIRMED.
     * Idempotent: an already CONFIRMED reward credits nothing, and an order credits at most one
     * {@link #REASON} award. Returns whether points were credited now. Throws Seata's
     * {@code LockConflictException} while a global transaction holds the account row (callers
     * retry with {@code GlobalLockRetry}) and {@link IllegalStateException} if the try's row is
     * missing or differs from {@code grant} (a broken invariant: the fence only confirms tried
     * branches).
     *
     * <p>{@code REQUIRES_NEW} on purpose: Seata's fence calls confirm inside its own transaction,
     * whose connection was taken before any global-lock flag was bound, i.e. a plain connection
     * that would skip the AT lock checks. A new transaction takes its connection under
     * {@code @GlobalLock}; if the fence's transaction then fails, the TC retries and this method
     * finds the reward CONFIRMED.
     */
    @GlobalLock
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean confirm(RewardGrant grant) {
        PointsReward r = rewards.selectForUpdate(grant.paymentId());
        if (r == null || !r.grants(grant.orderId(), grant.userId(), grant.points())) {
            throw new IllegalStateException("confirm of " + grant + " but the tried reward is " + describe(r));
        }
        if (r.getStatus() == RewardStatus.CONFIRMED) {
            log.info("reward of payment {} already confirmed: no-op", grant.paymentId());
            return false;
        }
        if (accounts.selectForUpdate(r.getUserId()) == null) {
            throw new IllegalStateException("points account of user " + r.getUserId() + " vanished after the try");
        }
        rewards.transition(grant.paymentId(), r.getStatus(), RewardStatus.CONFIRMED);
        if (awards.selectForUpdate(r.getOrderId(), REASON) != null) {
            log.warn("order {} already got its {} from another payment; payment {} credits nothing",
                    r.getOrderId(), REASON, grant.paymentId());
            return false;
        }
        if (accounts.credit(r.getUserId(), r.getPoints()) != 1) {
            throw new IllegalStateException("points account of user " + r.getUserId() + " was not credited");
        }
        awards.insert(new PointsAward(r.getOrderId(), REASON, r.getUserId(), r.getPoints()));
        ledger.insert(LedgerEntry.award(r.getUserId(), r.getOrderId(), r.getPoints(), REASON));
        log.info("credited reward of payment {}: {} points to user {} for order {}",
                grant.paymentId(), r.getPoints(), r.getUserId(), r.getOrderId());
        return true;
    }

    /**
     * Cancel: a TRIED reward held by global transaction {@code xid} becomes CANCELLED; anything
     * else (no row, already cancelled or confirmed, tried again by a newer global transaction) is
     * left alone. Never touches balances. Returns whether a reward was cancelled now.
     */
    @Transactional
    public boolean cancel(String xid, String paymentId) {
        boolean cancelled = rewards.cancel(paymentId, xid) == 1;
        log.info("reward of payment {} {} by {}", paymentId, cancelled ? "cancelled" : "not TRIED: nothing to cancel", xid);
        return cancelled;
    }

    private static String describe(PointsReward r) {
        return r == null ? "missing" : new RewardGrant(r.getPaymentId(), r.getOrderId(), r.getUserId(), r.getPoints())
                + " " + r.getStatus();
    }
}
