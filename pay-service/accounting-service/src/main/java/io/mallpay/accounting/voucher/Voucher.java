package io.mallpay.accounting.voucher;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The double-entry voucher of one paid payment ({@code voucher}), with its {@link VoucherLine}s
 * (held here, stored in {@code voucher_line}). Amounts are pence; {@code commissionRate} has scale
 * 4; {@code paidAt}/{@code createdAt} are UTC. At most one per {@code paymentId}.
 */
@TableName("voucher")
public class Voucher {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String paymentId;
    private long orderId;
    private String merchantId;
    private String method;
    private long amountCents;
    private long commissionCents;
    private BigDecimal commissionRate;
    private String messageId;
    private LocalDateTime paidAt;
    private LocalDateTime createdAt;
    @TableField(exist = false)
    private List<VoucherLine> lines = new ArrayList<>();

    public Voucher() {
    }

    /** Sum of the lines on {@code side}, in pence. */
    public long total(Direction side) {
        long sum = 0;
        for (VoucherLine l : lines) {
            if (l.getDirection() == side) {
                sum = Math.addExact(sum, l.getAmountCents());
            }
        }
        return sum;
    }

    /**
     * Throws {@link IllegalStateException} unless debits equal credits, both equal the paid
     * amount, and every line is positive: the last check before anything is written, so an
     * unbalanced voucher is a bug that never reaches the books.
     */
    public void requireBalanced() {
        long debit = total(Direction.DEBIT);
        long credit = total(Direction.CREDIT);
        boolean positive = !lines.isEmpty() && lines.stream().allMatch(l -> l.getAmountCents() > 0);
        if (!positive || debit != credit || debit != amountCents) {
            throw new IllegalStateException("voucher of payment " + paymentId + " (message " + messageId
                    + ") does not balance: debit " + debit + ", credit " + credit + ", amount " + amountCents
                    + ", " + lines.size() + " line(s)");
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
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

    public String getMerchantId() {
        return merchantId;
    }

    public void setMerchantId(String merchantId) {
        this.merchantId = merchantId;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public long getAmountCents() {
        return amountCents;
    }

    public void setAmountCents(long amountCents) {
        this.amountCents = amountCents;
    }

    public long getCommissionCents() {
        return commissionCents;
    }

    public void setCommissionCents(long commissionCents) {
        this.commissionCents = commissionCents;
    }

    public BigDecimal getCommissionRate() {
        return commissionRate;
    }

    public void setCommissionRate(BigDecimal commissionRate) {
        this.commissionRate = commissionRate;
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public LocalDateTime getPaidAt() {
        return paidAt;
    }

    public void setPaidAt(LocalDateTime paidAt) {
        this.paidAt = paidAt;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public List<VoucherLine> getLines() {
        return lines;
    }

    public void setLines(List<VoucherLine> lines) {
        this.lines = lines;
    }
}
