package io.mallpay.fund.topup;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.LocalDateTime;

/**
 * An applied wallet top-up ({@code fund_top_up}): its primary key, the caller's top-up id, is what
 * makes a repeated top-up add money once. Amount in pence, &gt; 0.
 */
@TableName("fund_top_up")
public class TopUp {

    @TableId(type = IdType.INPUT)
    private String topUpId;
    private long accountId;
    private long amountCents;
    private LocalDateTime createdAt;

    public TopUp() {
    }

    public TopUp(String topUpId, long accountId, long amountCents) {
        this.topUpId = topUpId;
        this.accountId = accountId;
        this.amountCents = amountCents;
    }

    public String getTopUpId() {
        return topUpId;
    }

    public void setTopUpId(String topUpId) {
        this.topUpId = topUpId;
    }

    public long getAccountId() {
        return accountId;
    }

    public void setAccountId(long accountId) {
        this.accountId = accountId;
    }

    public long getAmountCents() {
        return amountCents;
    }

    public void setAmountCents(long amountCents) {
        this.amountCents = amountCents;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }
}
