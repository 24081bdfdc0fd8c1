package io.mallpay.points.account;

import io.mallpay.common.web.ApiException;
import io.mallpay.points.api.PointsClient.UserAccount;
import io.mallpay.points.api.PointsClient.UserImportResponse;
import io.mallpay.points.award.PointsAward;
import io.mallpay.points.award.PointsAwardMapper;
import io.mallpay.points.freeze.FreezeStatus;
import io.mallpay.points.freeze.PointsFreeze;
import io.mallpay.points.freeze.PointsFreezeMapper;
import io.mallpay.points.ledger.LedgerEntry;
import io.mallpay.points.ledger.LedgerMapper;
import io.mallpay.points.reward.PointsRewardMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every change to users' points. Points are whole points; in the mall one point is one penny of
 * discount. Each change updates the account with a conditional UPDATE (balances never go negative)
 * and writes one ledger row in the same local transaction, so balances always equal the ledger sum.
 *
 * <p>No {@code @GlobalTransactional} here on purpose: freeze, spend, unfreeze and award are Seata
 * AT branches of the caller's global transaction. When a request carries an XID, the Seata
 * DataSource proxy registers this local transaction as a branch and the TC can undo it.
 *
 * <p>Rejections are {@link ApiException}s: {@code BAD_POINTS} (400), {@code UNKNOWN_USER} (404),
 * {@code NOT_ENOUGH_POINTS} (409), {@code FREEZE_RELEASED} / {@code FREEZE_SPENT} (409).
 */
@Service
public class PointsService {

    private static final Logger log = LoggerFactory.getLogger(PointsService.class);
    /** Keeps each {@code IN (...)} of the import's existence check to a sane size. */
    private static final int IMPORT_LOOKUP_CHUNK = 1000;

    private final PointsAccountMapper accounts;
    private final PointsFreezeMapper freezes;
    private final PointsAwardMapper awards;
    private final LedgerMapper ledger;
    private final PointsRewardMapper rewards;

    public PointsService(PointsAccountMapper accounts, PointsFreezeMapper freezes,
                         PointsAwardMapper awards, LedgerMapper ledger, PointsRewardMapper rewards) {
        this.accounts = accounts;
        this.freezes = freezes;
        this.awards = awards;
        this.ledger = ledger;
        this.rewards = rewards;
    }

    /**
     * Moves {@code points} of the user from available to frozen for the order. Idempotent per
     * order: if the order already has a freeze (in any state) nothing changes. {@code points = 0}
     * does nothing. Throws {@code BAD_POINTS} if negative, {@code UNKNOWN_USER},
     * {@code NOT_ENOUGH_POINTS} if fewer than {@code points} are available.
     */
    @Transactional
    public void freeze(long orderId, long userId, long points) {
        requireNonNegative(points);
        if (points == 0) {
            return;
        }
        PointsFreeze existing = freezes.selectForUpdate(orderId);
        if (existing != null) {
            log.info("order {} already froze {} points of user {} ({}): no-op",
                    orderId, existing.getPoints(), existing.getUserId(), existing.getStatus());
            return;
        }
        if (accounts.freeze(userId, points) == 0) {
            throw freezeRefused(userId, points);
        }
        freezes.insert(PointsFreeze.frozen(orderId, userId, points));
        ledger.insert(LedgerEntry.freeze(userId, orderId, points));
        log.info("froze {} points of user {} for order {}", points, userId, orderId);
    }

    /**
     * The order was paid: its frozen points are consumed. Idempotent: an already spent freeze, or
     * an order that froze nothing, is a no-op. Throws {@code FREEZE_RELEASED} if the order's
     * points were already returned (a cancelled order cannot be paid).
     */
    @Transactional
    public void spend(long orderId) {
        PointsFreeze f = freezes.selectForUpdate(orderId);
        if (f == null || f.getStatus() == FreezeStatus.SPENT) {
            return;
        }
        if (f.getStatus() == FreezeStatus.RELEASED) {
            throw new ApiException(HttpStatus.CONFLICT, "FREEZE_RELEASED",
                    "the points of order " + orderId + " were already released; they cannot be spent");
        }
        freezes.transition(orderId, FreezeStatus.FROZEN, FreezeStatus.SPENT);
        requireChanged(accounts.spendFrozen(f.getUserId(), f.getPoints()), f);
        ledger.insert(LedgerEntry.spend(f.getUserId(), orderId, f.getPoints()));
        log.info("spent {} frozen points of user {} for order {}", f.getPoints(), f.getUserId(), orderId);
    }

    /**
     * The order was cancelled: its frozen points return to available. Idempotent: an already
     * released freeze, or an order that froze nothing, is a no-op. Throws {@code FREEZE_SPENT} if
     * the points were already spent (a paid order is not cancelled this way).
     */
    @Transactional
    public void unfreeze(long orderId) {
        PointsFreeze f = freezes.selectForUpdate(orderId);
        if (f == null || f.getStatus() == FreezeStatus.RELEASED) {
            return;
        }
        if (f.getStatus() == FreezeStatus.SPENT) {
            throw new ApiException(HttpStatus.CONFLICT, "FREEZE_SPENT",
                    "the points of order " + orderId + " were already spent; they cannot be released");
        }
        freezes.transition(orderId, FreezeStatus.FROZEN, FreezeStatus.RELEASED);
        requireChanged(accounts.unfreeze(f.getUserId(), f.getPoints()), f);
        ledger.insert(LedgerEntry.unfreeze(f.getUserId(), orderId, f.getPoints()));
        log.info("released {} frozen points of user {} for order {}", f.getPoints(), f.getUserId(), orderId);
    }

    /**
     * Credits {@code points} (at least 1) to the user's available balance. Idempotent on
     * {@code (orderId, reason)}: a repeated award credits nothing. Throws {@code BAD_POINTS} if
     * {@code points < 1}, {@code UNKNOWN_USER}.
     */
    @Transactional
    public void award(long orderId, long userId, long points, String reason) {
        if (points < 1) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_POINTS", "an award must be at least 1 point, got " + points);
        }
        if (awards.countForUpdate(orderId, reason) > 0) {
            log.info("award {} of order {} already credited: no-op", reason, orderId);
            return;
        }
        if (accounts.credit(userId, points) == 0) {
            throw unknownUser(userId);
        }
        awards.insert(new PointsAward(orderId, reason, userId, points));
        ledger.insert(LedgerEntry.award(userId, orderId, points, reason));
        log.info("awarded {} points ({}) to user {} for order {}", points, reason, userId, orderId);
    }

    /**
     * Opens an account with its opening balance, plus its OPENING ledger row, for every user that
     * has none. Existing accounts are left untouched and counted as unchanged; a user listed twice
     * counts once (the first entry wins). Throws {@code BAD_POINTS} for a negative opening balance.
     * Not meant to race with itself: two concurrent imports of the same new user fail one of them
     * on the primary key, and a retry then reports the user unchanged.
     */
    @Transactional
    public UserImportResponse importUsers(List<UserAccount> users) {
        Map<Long, Long> openings = new LinkedHashMap<>();
        for (UserAccount u : users) {
            requireNonNegative(u.openingPoints());
            openings.putIfAbsent(u.userId(), u.openingPoints());
        }
        Set<Long> existing = existingUserIds(List.copyOf(openings.keySet()));
        int inserted = 0;
        for (Map.Entry<Long, Long> e : openings.entrySet()) {
            if (!existing.contains(e.getKey())) {
                accounts.insert(PointsAccount.opened(e.getKey(), e.getValue()));
                ledger.insert(LedgerEntry.opening(e.getKey(), e.getValue()));
                inserted++;
            }
        }
        log.info("imported users: {} opened, {} unchanged", inserted, openings.size() - inserted);
        return new UserImportResponse(inserted, openings.size() - inserted);
    }

    /**
     * The user's balance, with the reward points tried but not yet confirmed; throws
     * {@code UNKNOWN_USER} if the user has no account.
     */
    @Transactional(readOnly = true)
    public PointsBalanceResponse balance(long userId) {
        PointsAccount a = requireUser(userId);
        return new PointsBalanceResponse(userId, a.getAvailable(), a.getFrozen(), rewards.pendingPoints(userId));
    }

    /**
     * The user's account (one primary-key read); throws {@code UNKNOWN_USER} (404) if the mall does
     * not know the user. Read-only.
     */
    public PointsAccount requireUser(long userId) {
        PointsAccount a = accounts.selectById(userId);
        if (a == null) {
            throw unknownUser(userId);
        }
        return a;
    }

    private Set<Long> existingUserIds(List<Long> userIds) {
        Set<Long> existing = new HashSet<>();
        for (int from = 0; from < userIds.size(); from += IMPORT_LOOKUP_CHUNK) {
            List<Long> chunk = userIds.subList(from, Math.min(from + IMPORT_LOOKUP_CHUNK, userIds.size()));
            accounts.selectBatchIds(chunk).forEach(a -> existing.add(a.getUserId()));
        }
        return existing;
    }

    /** The conditional UPDATE changed nothing: tell an unknown user from a short balance. */
    private ApiException freezeRefused(long userId, long points) {
        PointsAccount a = accounts.selectById(userId);
        if (a == null) {
            return unknownUser(userId);
        }
        return new ApiException(HttpStatus.CONFLICT, "NOT_ENOUGH_POINTS",
                "user " + userId + " has " + a.getAvailable() + " points available, " + points + " requested");
    }

    private static ApiException unknownUser(long userId) {
        return new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_USER", "no points account for user " + userId);
    }

    private static void requireNonNegative(long points) {
        if (points < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_POINTS", "points must not be negative, got " + points);
        }
    }

    /**
     * A FROZEN freeze whose points are not frozen on the account means the ledger invariant is
     * already broken; failing (and rolling back) beats silently spending points that are not there.
     */
    private static void requireChanged(int rows, PointsFreeze f) {
        if (rows == 0) {
            throw new IllegalStateException("account of user " + f.getUserId() + " does not hold the "
                    + f.getPoints() + " frozen points of order " + f.getOrderId());
        }
    }
}
