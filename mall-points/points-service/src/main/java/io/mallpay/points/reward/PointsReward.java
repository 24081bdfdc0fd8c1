package io.mallpay.points.reward;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.LocalDateTime;

/**
 * The reward points a payment grants ({@code points_reward}, one row per payment id). Points are
 * whole points, at least 1. {@code xid} is the global transaction that tried it last.
 */
@TableName("points_reward")
public class PointsReward {

    @TableId(type = IdType.INPUT)
    private String paymentId;
    private long orderId;
    private long userId;
    private long points;
    private RewardStatus status;
    private String xid;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    public PointsReward() {
    }

    /** A new reward in state {@link RewardStatus#TRIED}; timestamps come from the database. */
    public static PointsReward tried(String xid, String paymentId, long orderId, long userId, long points) {
        PointsReward r = new PointsReward();
        r.paymentId = paymentId;
        r.orderId = orderId;
        r.userId = userId;
        r.points = points;
        r.status = RewardStatus.TRIED;
        r.xid = xid;
        return r;
    }

    /** True if this row grants exactly these points to this user for this order. */
    public boolean grants(long orderId, long userId, long points) {
        return this.orderId == orderId && this.userId == userId && this.points == points;
    }

    public String getPaymentId() {
        return paymentId;
    }

    public void setPaymentId(String paymentId) {
        this.paymentId = paymentId;
    }

    public long getOrderId() {
        return orderId;
    }

    public void setOrderId(long orderId) {
        this.orderId = orderId;
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

    public RewardStatus getStatus() {
        return status;
    }

    public void setStatus(RewardStatus status) {
        this.status = status;
    }

    public String getXid() {
        return xid;
    }

    public void setXid(String xid) {
        this.xid = xid;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}
