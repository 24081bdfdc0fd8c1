package io.mallpay.order.payment;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.LocalDateTime;

/** Row of {@code payment_notification}: every payment result received, with its outcome. */
@TableName("payment_notification")
public class PaymentNotification {

    public static final String APPLIED = "APPLIED";
    public static final String REJECTED_ORDER_CANCELLED = "REJECTED_ORDER_CANCELLED";
    public static final String REJECTED_AMOUNT_MISMATCH = "REJECTED_AMOUNT_MISMATCH";
    public static final String REJECTED_ALREADY_PAID = "REJECTED_ALREADY_PAID";

    @TableId(type = IdType.INPUT)
    private String paymentId;
    private Long orderId;
    private Long amountCents;
    private String outcome;
    private LocalDateTime receivedAt;

    public PaymentNotification() {
    }

    public PaymentNotification(String paymentId, long orderId, long amountCents, String outcome, LocalDateTime receivedAt) {
        this.paymentId = paymentId;
        this.orderId = orderId;
        this.amountCents = amountCents;
        this.outcome = outcome;
        this.receivedAt = receivedAt;
    }

    public String getPaymentId() { return paymentId; }
    public void setPaymentId(String paymentId) { this.paymentId = paymentId; }
    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public Long getAmountCents() { return amountCents; }
    public void setAmountCents(Long amountCents) { this.amountCents = amountCents; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public LocalDateTime getReceivedAt() { return receivedAt; }
    public void setReceivedAt(LocalDateTime receivedAt) { this.receivedAt = receivedAt; }
}
