package io.mallpay.points.award;

import java.time.LocalDateTime;

/**
 * A credited award ({@code points_award}); its key {@code (orderId, reason)} is what makes the
 * same award credit once. Points are whole points, at least 1.
 */
public class PointsAward {

    private long orderId;
    private String reason;
    private long userId;
    private long points;
    private LocalDateTime createdAt;

    public PointsAward() {
    }

    public PointsAward(long orderId, String reason, long userId, long points) {
        this.orderId = orderId;
        this.reason = reason;
        this.userId = userId;
        this.points = points;
    }

    public long getOrderId() {
        return orderId;
    }

    public void setOrderId(long orderId) {
        this.orderId = orderId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public long getUserId() {
        return userId;
    }

    public void setUserId(long userId) {
        this.userId = userId;
    }

    public long getPoints() {
        return points;
    }

    public void setPoints(long points) {
        this.points = points;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }
}
