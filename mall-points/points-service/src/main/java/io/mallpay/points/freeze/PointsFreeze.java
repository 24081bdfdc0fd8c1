package io.mallpay.points.freeze;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.LocalDateTime;

/**
 * The points an order froze at checkout ({@code points_freeze}, one row per order). Its
 * {@link FreezeStatus} is what makes freeze, spend and unfreeze idempotent per order.
 */
@TableName("points_freeze")
public class PointsFreeze {

    @TableId(type = IdType.INPUT)
    private Long orderId;
    private long userId;
    /** Whole points, always positive: a zero freeze writes no row. */
    private long points;
    private FreezeStatus status;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    public PointsFreeze() {
    }

    /** A new freeze in state {@link FreezeStatus#FROZEN}; timestamps come from the database. */
    public static PointsFreeze frozen(long orderId, long userId, long points) {
        PointsFreeze f = new PointsFreeze();
        f.orderId = orderId;
        f.userId = userId;
        f.points = points;
        f.status = FreezeStatus.FROZEN;
        return f;
    }

    public Long getOrderId() {
        return orderId;
    }

    public void setOrderId(Long orderId) {
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

    public FreezeStatus getStatus() {
        return status;
    }

    public void setStatus(FreezeStatus status) {
        this.status = status;
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
