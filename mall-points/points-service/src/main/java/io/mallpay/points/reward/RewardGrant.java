package io.mallpay.points.reward;

/**
 * What a payment's reward grants, as the TCC try recorded it in its action context: {@code points}
 * whole points (≥ 1) to user {@code userId} for order {@code orderId}, keyed by {@code paymentId}.
 */
public record RewardGrant(String paymentId, long orderId, long userId, long points) {
}
