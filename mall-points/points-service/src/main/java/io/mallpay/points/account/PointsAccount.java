package io.mallpay.points.account;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.LocalDateTime;

/**
 * A user's points account ({@code points_account}). Balances are whole points (one point = one
 * penny of discount), never negative: {@code available} can be frozen by a checkout,
 * {@code frozen} is held for unpaid orders until they are paid (spent) or cancelled (released).
 */
@TableName("points_account")
public class PointsAccount {

    @TableId(type = IdType.INPUT)
    private Long userId;
    private long available;
    private long frozen;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    public PointsAccount() {
    }

    /** A new account holding its opening balance; timestamps come from the database. */
    public static PointsAccount opened(long userId, long openingPoints) {
        PointsAccount a = new PointsAccount();
        a.userId = userId;
        a.available = openingPoints;
        a.frozen = 0;
        return a;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public long getAvailable() {
        return available;
    }

    public void setAvailable(long available) {
        this.available = available;
    }

    public long getFrozen() {
        return frozen;
    }

    public void setFrozen(long frozen) {
        this.frozen = frozen;
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
