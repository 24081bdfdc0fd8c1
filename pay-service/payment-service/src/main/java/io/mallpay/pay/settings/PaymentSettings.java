package io.mallpay.pay.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The payment platform's rules and endpoints ({@code pay.payment.*} in
 * {@code nacos-config/pay-payment.yaml}). A mutable JavaBean so a Nacos push re-binds it in place:
 * limits, the commission rate, the bank query timings and the notification schedule apply live.
 */
@ConfigurationProperties(prefix = "pay.payment")
public class PaymentSettings {

    /** The merchant selling on the mall (orders of mall-order are this merchant's). */
    private String merchantId = "M-ONLINE-RETAIL";
    /** Platform commission on each payment, e.g. 0.0200 = 2 %; rounded half-up to whole pence. */
    private BigDecimal commissionRate = new BigDecimal("0.0200");
    /** Reward points granted per whole pound paid (TCC on mall-points); 0 grants none. */
    private long rewardPointsPerPound = 1;
    /** Largest single payment, pence. */
    private long maxAmountCents = 1_000_000;
    /** Largest sum of a user's live (PENDING or PAID) payments per UTC day, pence. */
    private long dailyLimitCents = 5_000_000;
    /** Base URL of the bank (the sandbox), server to server. */
    private String bankBaseUrl = "http://127.0.0.1:8088";
    /** The URL the bank POSTs its signed results to: this service's callback endpoint. */
    private String callbackUrl = "http://127.0.0.1:8085/callbacks/bank";
    /** HMAC key shared with the bank (BANK_CALLBACK_SECRET). */
    private String bankSecret = "";
    /** How far a callback's timestamp may be from now. */
    private Duration callbackWindow = Duration.ofMinutes(5);
    /** A CARD payment still PENDING this long after creation is queried at the bank. */
    private Duration queryAfter = Duration.ofSeconds(30);
    /** A CARD payment the bank never received, still PENDING after this, is CLOSED. */
    private Duration closeAfter = Duration.ofMinutes(25);
    /** HMAC key the platform signs merchant notifications with (the mall's MERCHANT_NOTIFY_SECRET). */
    private String notifySecret = "";
    /**
     * Waits after each failed notification attempt: attempt 1 is immediate, attempt k+1 follows
     * failure k by the k-th entry; when the list runs out the notification is FAILED. The default
     * makes ten attempts over about 25 hours (after the widening schedule of seed 004 and of the
     * common acquirers' notify APIs).
     */
    private List<Duration> notifySchedule = new ArrayList<>(List.of(Duration.ofSeconds(15), Duration.ofSeconds(30),
            Duration.ofMinutes(3), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(15)));
    /** A claimed notification is not picked again for this long (its send is in flight). */
    private Duration notifyLease = Duration.ofSeconds(60);

    public String getMerchantId() { return merchantId; }
    public void setMerchantId(String merchantId) { this.merchantId = merchantId; }
    public BigDecimal getCommissionRate() { return commissionRate; }
    public void setCommissionRate(BigDecimal commissionRate) { this.commissionRate = commissionRate; }
    public long getRewardPointsPerPound() { return rewardPointsPerPound; }
    public void setRewardPointsPerPound(long rewardPointsPerPound) { this.rewardPointsPerPound = rewardPointsPerPound; }
    public long getMaxAmountCents() { return maxAmountCents; }
    public void setMaxAmountCents(long maxAmountCents) { this.maxAmountCents = maxAmountCents; }
    public long getDailyLimitCents() { return dailyLimitCents; }
    public void setDailyLimitCents(long dailyLimitCents) { this.dailyLimitCents = dailyLimitCents; }
    public String getBankBaseUrl() { return bankBaseUrl; }
    public void setBankBaseUrl(String bankBaseUrl) { this.bankBaseUrl = bankBaseUrl; }
    public String getCallbackUrl() { return callbackUrl; }
    public void setCallbackUrl(String callbackUrl) { this.callbackUrl = callbackUrl; }
    public String getBankSecret() { return bankSecret; }
    public void setBankSecret(String bankSecret) { this.bankSecret = bankSecret; }
    public Duration getCallbackWindow() { return callbackWindow; }
    public void setCallbackWindow(Duration callbackWindow) { this.callbackWindow = callbackWindow; }
    public Duration getQueryAfter() { return queryAfter; }
    public void setQueryAfter(Duration queryAfter) { this.queryAfter = queryAfter; }
    public Duration getCloseAfter() { return closeAfter; }
    public void setCloseAfter(Duration closeAfter) { this.closeAfter = closeAfter; }
    public String getNotifySecret() { return notifySecret; }
    public void setNotifySecret(String notifySecret) { this.notifySecret = notifySecret; }
    public List<Duration> getNotifySchedule() { return notifySchedule; }
    public void setNotifySchedule(List<Duration> notifySchedule) { this.notifySchedule = notifySchedule; }
    public Duration getNotifyLease() { return notifyLease; }
    public void setNotifyLease(Duration notifyLease) { this.notifyLease = notifyLease; }
}
