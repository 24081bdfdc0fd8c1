package io.mallpay.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.pay.api.notify.NotificationSignature;
import org.awaitility.Awaitility;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mallpay.it.support.Mall.check;

/**
 * The payment platform and the bank as tests see them: a storefront client paying orders, the bank
 * sandbox's cards and fault modes, the fund, accounting and notification views an operator has,
 * plus fixtures (an order to pay, a funded card or wallet). Every test makes its own users, SKUs
 * and cards; the merchant account is shared, so tests assert per-payment ledger rows, not totals.
 */
public final class Pay {

    public static final String MERCHANT = "M-ONLINE-RETAIL";
    private static final Stack STACK = Stack.get();

    private Pay() {
    }

    public static String bank() {
        return Mall.service("BANK_SANDBOX_PORT");
    }

    public static String payment() {
        return Mall.service("PAY_PAYMENT_PORT");
    }

    public static String fund() {
        return Mall.service("PAY_FUND_PORT");
    }

    public static String accounting() {
        return Mall.service("PAY_ACCOUNTING_PORT");
    }

    /** An order waiting for payment: a fresh user and SKU, {@code units} × {@code priceCents}, no points or coupon. */
    public record Order(long user, String sku, long orderId, long payable) {
    }

    public static Order order(long priceCents, int units) {
        long user = Mall.user(100);
        String sku = Mall.sku(priceCents, 50);
        JsonNode o = Stack.readJson(check(Mall.checkout("it-" + UUID.randomUUID(),
                Mall.cart(user, List.of(Map.entry(sku, units)), 0, null)), 201).body());
        return new Order(user, sku, o.get("orderId").asLong(), o.get("payableCents").asLong());
    }

    /** A bank card with the given balance (pence); returns its number. */
    public static String card(long balanceCents) {
        String number = "IT-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        check(Stack.postJson(bank() + "/bank/cards", "{\"cardNumber\":\"" + number + "\",\"holder\":\"it\",\"balanceCents\":"
                + balanceCents + "}", Map.of()), 201);
        return number;
    }

    public static long cardBalance(String card) {
        return Stack.readJson(check(Stack.get(bank() + "/bank/cards/" + card), 200).body()).get("balanceCents").asLong();
    }

    public static void topUp(long user, long cents) {
        check(Stack.postJson(fund() + "/internal/fund/accounts/USER/" + user + "/top-ups",
                "{\"topUpId\":\"it-" + UUID.randomUUID() + "\",\"amountCents\":" + cents + "}", Map.of()), 200);
    }

    public static JsonNode wallet(long user) {
        return Stack.readJson(check(Stack.get(Mall.storefront() + "/api/users/" + user + "/wallet"), 200).body());
    }

    /** {@code POST /api/payments} through the storefront. */
    public static HttpResponse<String> pay(String key, long orderId, String method, String cardNumber) {
        String body = "{\"orderId\":" + orderId + ",\"method\":\"" + method + "\""
                + (cardNumber == null ? "" : ",\"cardNumber\":\"" + cardNumber + "\"") + "}";
        return Stack.postJson(Mall.storefront() + "/api/payments", body, Map.of("Idempotency-Key", key),
                Duration.ofSeconds(60));
    }

    public static String payByCard(Order o, String card) {
        JsonNode p = Stack.readJson(check(pay("it-" + UUID.randomUUID(), o.orderId(), "CARD", card), 201).body());
        return p.get("paymentId").asText();
    }

    public static JsonNode payment(String paymentId) {
        return Stack.readJson(check(Stack.get(Mall.storefront() + "/api/payments/" + paymentId), 200).body());
    }

    public static JsonNode awaitPayment(String paymentId, String status, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(250)).until(() ->
                status.equals(payment(paymentId).get("status").asText()));
        return payment(paymentId);
    }

    /** The order as the mall shows it, once it is PAID everywhere (the mall's global transaction included). */
    public static void awaitOrderPaid(long orderId, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(250)).until(() ->
                "PAID".equals(Mall.order(orderId).get("status").asText()));
    }

    /** Sum of one ledger column of the merchant's fund account for one payment. */
    public static long merchantLedger(String paymentId, String column) {
        return Db.queryLong("pay_fund", "SELECT COALESCE(SUM(l." + column + "), 0) FROM fund_ledger l JOIN fund_account a"
                + " ON a.id = l.account_id WHERE a.owner_type = 'MERCHANT' AND a.owner_id = ? AND l.reference = ?",
                MERCHANT, paymentId);
    }

    /** The voucher of a payment, or {@code null} while there is none. */
    public static JsonNode voucher(String paymentId) {
        HttpResponse<String> r = Stack.get(accounting() + "/api/accounting/vouchers/" + paymentId);
        return r.statusCode() == 404 ? null : Stack.readJson(check(r, 200).body());
    }

    public static JsonNode awaitVoucher(String paymentId, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> voucher(paymentId) != null);
        return voucher(paymentId);
    }

    public static long vouchersOf(String paymentId) {
        return Db.queryLong("pay_accounting", "SELECT COUNT(*) FROM voucher WHERE payment_id = ?", paymentId);
    }

    public static JsonNode trialBalance() {
        return Stack.readJson(check(Stack.get(accounting() + "/api/accounting/trial-balance"), 200).body());
    }

    /** Sets a bank fault mode for one card ({@code NORMAL}, {@code TWICE}, {@code LATE}, {@code NEVER}, {@code OUT_OF_ORDER}). */
    public static void bankMode(String card, String mode, long delayMillis) {
        check(Stack.postJson(bank() + "/bank/sandbox/callback-mode", "{\"mode\":\"" + mode + "\",\"delayMillis\":"
                + delayMillis + ",\"cardNumber\":\"" + card + "\"}", Map.of()), 200);
    }

    /** Posts a callback to the platform signed with {@code secret} (the bank's, or a forger's). */
    public static HttpResponse<String> callback(String body, String secret, String timestamp, String nonce) {
        return callback(body, secret, timestamp, nonce, Duration.ofSeconds(30));
    }

    /** As {@link #callback(String, String, String, String)}, waiting up to {@code timeout} for the answer. */
    public static HttpResponse<String> callback(String body, String secret, String timestamp, String nonce,
                                                Duration timeout) {
        String sig = NotificationSignature.sign(secret, timestamp, nonce, body);
        return Stack.postJson(payment() + "/callbacks/bank", body, Map.of("X-Bank-Timestamp", timestamp,
                "X-Bank-Nonce", nonce, "X-Bank-Signature", sig), timeout);
    }

    public static String bankSecret() {
        return STACK.env("BANK_CALLBACK_SECRET");
    }

    /** A callback body in the bank's format. */
    public static String callbackBody(String paymentId, String status, long amountCents, String merchantRef) {
        return "{\"chargeId\":\"" + paymentId + "\",\"bankTxnId\":\"IT-" + UUID.randomUUID() + "\",\"status\":\""
                + status + "\",\"amountCents\":" + amountCents + ",\"merchantRef\":\"" + merchantRef
                + "\",\"decidedAt\":\"2026-11-21T10:00:00.000Z\"}";
    }

    public static long callbacks(String paymentId, String outcome, String reason) {
        return Db.queryLong("pay_payment", "SELECT COUNT(*) FROM bank_callback WHERE payment_id <=> ? AND outcome = ?"
                + " AND reason <=> ?", paymentId, outcome, reason);
    }

    /** Arms a fault point in a service ({@code /actuator/faults}, mall-common FaultInjection). */
    public static void arm(String portKey, String point, String action, long millis, int times) {
        check(Stack.postJson(Mall.service(portKey) + "/actuator/faults", "{\"point\":\"" + point + "\",\"action\":\""
                + action + "\",\"millis\":" + millis + ",\"times\":" + times + "}", Map.of()), 200);
    }
}
