package io.mallpay.tools;

import io.mallpay.coupon.api.CouponClient.CouponGrant;
import io.mallpay.points.api.PointsClient.UserAccount;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What each imported customer starts with, from a seed so that every import of the same file with
 * the same seed gives the same result (and re-imports are no-ops):
 * <ul>
 *   <li>opening points: 500..5000, uniform per customer (1 point = 1p of discount);</li>
 *   <li>one coupon {@value #COUPON_CODE} (£5 off an order of £30 or more) for about one
 *   customer in five. Grant key {@code seed-<seed>:user-<id>:<code>}.</li>
 * </ul>
 */
public final class SeededGrants {

    public static final String COUPON_CODE = "GBP5_OFF_30";
    public static final long COUPON_DISCOUNT_CENTS = 500;
    public static final long COUPON_MIN_ORDER_CENTS = 3000;

    private SeededGrants() {
    }

    private static SplittableRandom rng(long seed, long userId) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ userId);
    }

    public static long openingPoints(long seed, long userId) {
        return 500 + rng(seed, userId).nextLong(4501);
    }

    public static boolean getsCoupon(long seed, long userId) {
        SplittableRandom r = rng(seed, userId);
        r.nextLong(); // the first draw decides the points
        return r.nextInt(5) == 0;
    }

    public static List<UserAccount> accounts(long seed, Iterable<Long> users) {
        List<UserAccount> out = new ArrayList<>();
        users.forEach(u -> out.add(new UserAccount(u, openingPoints(seed, u))));
        return out;
    }

    public static List<CouponGrant> coupons(long seed, Iterable<Long> users) {
        List<CouponGrant> out = new ArrayList<>();
        users.forEach(u -> {
            if (getsCoupon(seed, u)) {
                out.add(new CouponGrant("seed-" + seed + ":user-" + u + ":" + COUPON_CODE, u, COUPON_CODE,
                        "£5 off orders of £30 or more", COUPON_DISCOUNT_CENTS, COUPON_MIN_ORDER_CENTS));
            }
        });
        return out;
    }
}
