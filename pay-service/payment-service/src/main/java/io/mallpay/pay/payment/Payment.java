package io.mallpay.pay.payment;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.LocalDateTime;

/** Row of {@code payment}: one payment order for one mall order. Amounts in pence; times UTC. */
@TableName("payment")
public class Payment {

    public static final String PENDING = "PENDING";
    public static final String PAID = "PAID";
    public static final String FAILED = "FAILED";
    public static final String CLOSED = "CLOSED";
    public static final String CARD = "CARD";
    public static final String WALLET = "WALLET";

    @TableId(type = IdType.INPUT)
    private String paymentId;
    private String idempotencyKey;
    private Long orderId;
    private Long liveOrderId;
    private Long userId;
    private String merchantId;
    private String method;
    private String cardNumber;
    private Long amountCents;
    private Long commissionCents;
    private Long rewardPoints;
    private String status;
    private String failureCode;
    private String bankTxnId;
    private Boolean bankSubmitted;
    private String completionXid;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    private LocalDateTime paidAt;

    public String getPaymentId() { return paymentId; }
    public void setPaymentId(String paymentId) { this.paymentId = paymentId; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public Long getLiveOrderId() { return liveOrderId; }
    public void setLiveOrderId(Long liveOrderId) { this.liveOrderId = liveOrderId; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public String getMerchantId() { return merchantId; }
    public void setMerchantId(String merchantId) { this.merchantId = merchantId; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public String getCardNumber() { return cardNumber; }
    public void setCardNumber(String cardNumber) { this.cardNumber = cardNumber; }
    public Long getAmountCents() { return amountCents; }
    public void setAmountCents(Long amountCents) { this.amountCents = amountCents; }
    public Long getCommissionCents() { return commissionCents; }
    public void setCommissionCents(Long commissionCents) { this.commissionCents = commissionCents; }
    public Long getRewardPoints() { return rewardPoints; }
    public void setRewardPoints(Long rewardPoints) { this.rewardPoints = rewardPoints; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getFailureCode() { return failureCode; }
    public void setFailureCode(String failureCode) { this.failureCode = failureCode; }
    public String getBankTxnId() { return bankTxnId; }
    public void setBankTxnId(String bankTxnId) { this.bankTxnId = bankTxnId; }
    public Boolean getBankSubmitted() { return bankSubmitted; }
    public void setBankSubmitted(Boolean bankSubmitted) { this.bankSubmitted = bankSubmitted; }
    public String getCompletionXid() { return completionXid; }
    public void setCompletionXid(String completionXid) { this.completionXid = completionXid; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
    public LocalDateTime getPaidAt() { return paidAt; }
    public void setPaidAt(LocalDateTime paidAt) { this.paidAt = paidAt; }
}
