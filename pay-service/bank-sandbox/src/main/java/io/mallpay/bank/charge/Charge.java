package io.mallpay.bank.charge;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import io.mallpay.bank.sandbox.CallbackMode;

import java.time.Instant;
import java.util.Objects;

/**
 * A card charge submitted by the platform, keyed by the platform's payment id. Amount in pence.
 * {@code callbackMode} is the fault mode in force at submission; {@code callbacksSent} counts the
 * callbacks the platform acknowledged; {@code decidedAt} is set exactly when the charge leaves ACCEPTED.
 */
@TableName("charge")
public class Charge {

    @TableId(type = IdType.INPUT)
    private String chargeId;
    private String bankTxnId;
    private String cardNumber;
    private Long amountCents;
    private String merchantRef;
    private String callbackUrl;
    private ChargeStatus status;
    private CallbackMode callbackMode;
    private Integer callbacksSent;
    private Instant decidedAt;

    /** A new ACCEPTED charge for this request. */
    public static Charge accepted(ChargeRequest request, String bankTxnId, CallbackMode mode) {
        Charge c = new Charge();
        c.chargeId = request.chargeId();
        c.bankTxnId = bankTxnId;
        c.cardNumber = request.cardNumber();
        c.amountCents = request.amountCents();
        c.merchantRef = request.merchantRef();
        c.callbackUrl = request.callbackUrl();
        c.status = ChargeStatus.ACCEPTED;
        c.callbackMode = mode;
        c.callbacksSent = 0;
        return c;
    }

    /** True if {@code request} asks for exactly this charge again (same card, amount, reference, callback). */
    public boolean sameRequestAs(ChargeRequest request) {
        return Objects.equals(cardNumber, request.cardNumber())
                && Objects.equals(amountCents, request.amountCents())
                && Objects.equals(merchantRef, request.merchantRef())
                && Objects.equals(callbackUrl, request.callbackUrl());
    }

    public String getChargeId() {
        return chargeId;
    }

    public void setChargeId(String chargeId) {
        this.chargeId = chargeId;
    }

    public String getBankTxnId() {
        return bankTxnId;
    }

    public void setBankTxnId(String bankTxnId) {
        this.bankTxnId = bankTxnId;
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = cardNumber;
    }

    public Long getAmountCents() {
        return amountCents;
    }

    public void setAmountCents(Long amountCents) {
        this.amountCents = amountCents;
    }

    public String getMerchantRef() {
        return merchantRef;
    }

    public void setMerchantRef(String merchantRef) {
        this.merchantRef = merchantRef;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }

    public ChargeStatus getStatus() {
        return status;
    }

    public void setStatus(ChargeStatus status) {
        this.status = status;
    }

    public CallbackMode getCallbackMode() {
        return callbackMode;
    }

    public void setCallbackMode(CallbackMode callbackMode) {
        this.callbackMode = callbackMode;
    }

    public Integer getCallbacksSent() {
        return callbacksSent;
    }

    public void setCallbacksSent(Integer callbacksSent) {
        this.callbacksSent = callbacksSent;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public void setDecidedAt(Instant decidedAt) {
        this.decidedAt = decidedAt;
    }
}
