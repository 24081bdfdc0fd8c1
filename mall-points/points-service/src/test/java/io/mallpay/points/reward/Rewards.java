package io.mallpay.points.reward;

import io.mallpay.points.account.PointsAccount;

/** Object Mother: the payment, user and rewards the reward tests start from. */
final class Rewards {

    static final String PAYMENT = "PAY-1";
    static final String XID = "10.0.0.1:8091:4242";
    static final String OTHER_XID = "10.0.0.1:8091:4343";
    static final long ORDER = 1001L;
    static final long USER = 7L;
    static final long POINTS = 25L;
    static final RewardGrant GRANT = new RewardGrant(PAYMENT, ORDER, USER, POINTS);

    private Rewards() {
    }

    static PointsReward reward(RewardStatus status, String xid) {
        PointsReward r = PointsReward.tried(xid, PAYMENT, ORDER, USER, POINTS);
        r.setStatus(status);
        return r;
    }

    static PointsAccount account() {
        return PointsAccount.opened(USER, 100);
    }
}
