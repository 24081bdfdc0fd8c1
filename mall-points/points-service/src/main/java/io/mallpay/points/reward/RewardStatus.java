package io.mallpay.points.reward;

/**
 * State of a payment's reward ({@code points_reward.status}): {@code TRIED} by the TCC try, then
 * {@code CONFIRMED} (points credited, final) or {@code CANCELLED} (nothing credited). A later global
 * transaction for the same payment may try a {@code CANCELLED} reward again, and a commit always
 * wins: a confirm credits a {@code CANCELLED} reward too, since its own try succeeded.
 */
public enum RewardStatus {
    TRIED,
    CONFIRMED,
    CANCELLED
}
