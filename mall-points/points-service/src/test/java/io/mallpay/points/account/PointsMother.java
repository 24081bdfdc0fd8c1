package io.mallpay.points.account;

import io.mallpay.points.freeze.FreezeStatus;
import io.mallpay.points.freeze.PointsFreeze;

/** Object Mother: the accounts and freezes the tests start from. */
final class PointsMother {

    static final long USER = 7L;
    static final long ORDER = 1001L;

    private PointsMother() {
    }

    static PointsAccount account(long userId, long available, long frozen) {
        PointsAccount a = PointsAccount.opened(userId, available);
        a.setFrozen(frozen);
        return a;
    }

    static PointsFreeze freeze(long orderId, long userId, long points, FreezeStatus status) {
        PointsFreeze f = PointsFreeze.frozen(orderId, userId, points);
        f.setStatus(status);
        return f;
    }
}
