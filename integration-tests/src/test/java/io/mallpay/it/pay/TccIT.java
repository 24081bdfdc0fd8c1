package io.mallpay.it.pay;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Db;
import io.mallpay.it.support.Mall;
import io.mallpay.it.support.MallCli;
import io.mallpay.it.support.Pay;
import io.mallpay.it.support.Processes;
import io.mallpay.it.support.SeataConsole;
import io.mallpay.it.support.Stack;
import io.mallpay.it.support.Tm;
import org.apache.seata.tm.api.GlobalTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.mallpay.it.support.Mall.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Seata TCC with the fence, on the real TC and the real participants (pay-fund, mall-points):
 * empty rollback, suspension, a confirm and a cancel the TC delivers twice because the participant
 * died after doing it, and a participant killed in the middle of its try. Processes are stopped
 * with fault points (mall-common FaultInjection: HALT = Runtime.halt, like SIGKILL) at the exact
 * step, then restarted with {@code ./mall start}.
 */
class TccIT {

    private static final int COMMITTED = 2;
    private static final int ROLLBACKED = 3;
    private static final int SUSPENDED = 4;
    private static final Duration RECOVERY = Duration.ofSeconds(180);

    private final SeataConsole console = new SeataConsole();

    @AfterEach
    void everyoneRunning() {
        for (String c : new String[] {"pay-fund", "mall-points", "pay-payment"}) {
            MallCli.Result r = MallCli.run(Map.of(), 240, "start", c);
            assertThat(r.exitCode()).as(r.output()).isZero();
        }
    }

    /** Restarts {@code component} once its process {@code haltedPid} (stopped by a HALT fault point) is gone. */
    private static void restart(String component, long haltedPid) {
        Processes.restartAfterDeath(component, haltedPid);
    }

    private static long fence(String database, String xid, String action) {
        return Db.queryLong(database, "SELECT status FROM tcc_fence_log WHERE xid = ? AND action_name = ?", xid, action);
    }

    private static long fenceRows(String database, String xid) {
        return Db.queryLong(database, "SELECT COUNT(*) FROM tcc_fence_log WHERE xid = ?", xid);
    }

    private boolean sessionLive(String xid) {
        return console.globalSessions().stream().anyMatch(s -> xid.equals(s.path("xid").asText()));
    }

    private static HttpResponse<String> tryCall(String path, String body, String xid) {
        return Stack.postJson(Pay.fund() + path, body, Map.of("TX_XID", xid), Duration.ofSeconds(60));
    }

    @Test
    void aCancelWithNoTryIsAnEmptyRollback() throws Exception {
        long user = Mall.uniqueUser();
        Pay.topUp(user, 100);
        String paymentId = "IT-" + UUID.randomUUID();
        GlobalTransaction tx = Tm.begin("it-empty-rollback", 60_000);
        var refused = tryCall("/internal/fund/debits",
                "{\"paymentId\":\"" + paymentId + "\",\"userId\":" + user + ",\"amountCents\":500}", tx.getXid());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(code(refused)).isEqualTo("INSUFFICIENT_FUNDS");
        // the branch was registered before its try failed: the rollback sends it a cancel with nothing to undo
        tx.rollback();
        assertThat(fence("pay_fund", tx.getXid(), "fund-debit")).isEqualTo(SUSPENDED);
        JsonNode wallet = Pay.wallet(user);
        assertThat(wallet.get("availableCents").asLong()).isEqualTo(100);
        assertThat(wallet.get("outgoingCents").asLong()).isZero();
        assertThat(Db.queryLong("pay_fund", "SELECT COUNT(*) FROM fund_ledger WHERE reference = ?", paymentId)).isZero();
    }

    @Test
    void aTryArrivingAfterItsCancelIsRefused() throws Exception {
        String merchant = "M-IT-" + UUID.randomUUID().toString().substring(0, 8);
        String paymentId = "IT-" + UUID.randomUUID();
        GlobalTransaction tx = Tm.begin("it-suspension", 60_000);
        String xid = tx.getXid();
        // hold the try between its branch registration and its work, as a slow network or a GC pause would
        Pay.arm("PAY_FUND_PORT", "seata.after-branch-register.fund-credit", "DELAY", 8_000, 1);
        CompletableFuture<HttpResponse<String>> late = CompletableFuture.supplyAsync(() -> tryCall("/internal/fund/credits",
                "{\"paymentId\":\"" + paymentId + "\",\"merchantId\":\"" + merchant + "\",\"amountCents\":777}", xid));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                console.globalSessions().stream().anyMatch(s -> xid.equals(s.path("xid").asText())
                        && s.path("branchSessionVOs").size() == 1));
        tx.rollback();
        assertThat(fence("pay_fund", xid, "fund-credit")).isEqualTo(SUSPENDED);

        HttpResponse<String> r = late.get(60, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("TCC_SUSPENDED");
        // (Seata then deletes the SUSPENDED fence row in the background: it has done its job)
        assertThat(Db.queryLong("pay_fund", "SELECT COUNT(*) FROM fund_account WHERE owner_id = ?", merchant)).isZero();
        assertThat(Db.queryLong("pay_fund", "SELECT COUNT(*) FROM fund_ledger WHERE reference = ?", paymentId)).isZero();
    }

    @Test
    void aConfirmDeliveredAgainAfterTheParticipantDiedChangesNothing() {
        Pay.Order o = Pay.order(1_000, 1);
        long fundPid = Processes.pid("pay-fund");
        Pay.arm("PAY_FUND_PORT", "fund.credit.confirm.after-commit", "HALT", 0, 1);
        String paymentId = Pay.payByCard(o, Pay.card(10_000));
        Pay.awaitPayment(paymentId, "PAID", Duration.ofSeconds(60));
        String xid = Db.queryString("pay_payment", "SELECT completion_xid FROM payment WHERE payment_id = ?", paymentId);

        // pay-fund confirmed (committed locally) and died before answering: the TC keeps the session to retry
        await().atMost(Duration.ofSeconds(30)).until(() -> fenceRows("pay_fund", xid) == 1
                && fence("pay_fund", xid, "fund-credit") == COMMITTED);
        assertThat(sessionLive(xid)).isTrue();
        assertThat(Pay.merchantLedger(paymentId, "delta_available")).isEqualTo(980);

        restart("pay-fund", fundPid);
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).until(() -> !sessionLive(xid));
        assertThat(fence("pay_fund", xid, "fund-credit")).isEqualTo(COMMITTED);
        assertThat(Db.queryLong("pay_fund", "SELECT COUNT(*) FROM fund_ledger WHERE reference = ? AND entry_type = 'CREDIT_CONFIRM'",
                paymentId)).isEqualTo(1);
        assertThat(Pay.merchantLedger(paymentId, "delta_available")).isEqualTo(980);
        assertThat(Pay.merchantLedger(paymentId, "delta_incoming")).isZero();
        // the reward points branch, held behind the retried confirm, is confirmed too
        await().atMost(Duration.ofSeconds(30)).until(() -> fence("mall_points", xid, "points-reward") == COMMITTED);
        Pay.awaitOrderPaid(o.orderId(), Duration.ofSeconds(60));
        Pay.awaitVoucher(paymentId, Duration.ofSeconds(60));
    }

    @Test
    void aCancelDeliveredAgainAfterTheParticipantDiedChangesNothing() {
        Pay.Order o = Pay.order(1_000, 1);
        Pay.arm("PAY_PAYMENT_PORT", "pay.completion.before-global-commit", "FAIL", 0, 1);
        long fundPid = Processes.pid("pay-fund");
        Pay.arm("PAY_FUND_PORT", "fund.credit.cancel.after-commit", "HALT", 0, 1);
        String card = Pay.card(10_000);
        Pay.bankMode(card, "NEVER", 0);
        String paymentId = Pay.payByCard(o, card);
        // act as the bank: one genuine callback; the first completion fails at its last step and rolls back
        // (the TM's rollback waits for the TC, which waits for the dead participant's answer: slow)
        var cb = Pay.callback(Pay.callbackBody(paymentId, "SUCCEEDED", 1_000, Pay.MERCHANT), Pay.bankSecret(),
                Long.toString(System.currentTimeMillis()), UUID.randomUUID().toString(), Duration.ofSeconds(180));
        assertThat(cb.statusCode()).as(cb.body()).isEqualTo(503);
        String xid = Db.queryString("pay_fund", "SELECT xid FROM fund_ledger WHERE reference = ? AND entry_type = 'CREDIT_CANCEL'",
                paymentId);
        assertThat(fence("pay_fund", xid, "fund-credit")).isEqualTo(ROLLBACKED);
        assertThat(sessionLive(xid)).isTrue();

        restart("pay-fund", fundPid);
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).until(() -> !sessionLive(xid));
        assertThat(Db.queryLong("pay_fund", "SELECT COUNT(*) FROM fund_ledger WHERE xid = ? AND entry_type = 'CREDIT_CANCEL'",
                xid)).isEqualTo(1);
        assertThat(fence("pay_fund", xid, "fund-credit")).isEqualTo(ROLLBACKED);
        assertThat(Db.queryLong("pay_fund", "SELECT COUNT(*) FROM fund_ledger WHERE xid = ? AND entry_type = 'CREDIT_CONFIRM'",
                xid)).isZero();
        // the bank said SUCCEEDED: the pending-payment job completes the payment with a new global transaction
        Pay.awaitPayment(paymentId, "PAID", Duration.ofSeconds(90));
        // (the new transaction's phase 2 may itself be retried by the TC: pay-fund has just restarted)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(Pay.merchantLedger(paymentId, "delta_available")).isEqualTo(980);
            assertThat(Pay.merchantLedger(paymentId, "delta_incoming")).isZero();
        });
        Pay.awaitVoucher(paymentId, Duration.ofSeconds(60));
        assertThat(Pay.vouchersOf(paymentId)).isEqualTo(1);
        Pay.awaitOrderPaid(o.orderId(), Duration.ofSeconds(60));
    }

    @Test
    void aFundAccountProcessKilledInItsTryEndsRolledBackThenThePaymentCompletesOnce() {
        killedInTry("PAY_FUND_PORT", "pay-fund", "seata.after-branch-register.fund-credit");
    }

    @Test
    void aPointsProcessKilledInItsTryEndsRolledBackThenThePaymentCompletesOnce() {
        killedInTry("MALL_POINTS_PORT", "mall-points", "points.reward.try");
    }

    private void killedInTry(String portKey, String component, String point) {
        Pay.Order o = Pay.order(1_000, 1);
        String card = Pay.card(10_000);
        Pay.bankMode(card, "NEVER", 0);
        String paymentId = Pay.payByCard(o, card);
        long pid = Processes.pid(component);
        Pay.arm(portKey, point, "HALT", 0, 1);
        var cb = Pay.callback(Pay.callbackBody(paymentId, "SUCCEEDED", 1_000, Pay.MERCHANT), Pay.bankSecret(),
                Long.toString(System.currentTimeMillis()), UUID.randomUUID().toString());
        assertThat(cb.statusCode()).as(cb.body()).isEqualTo(503);
        // the payment is not PAID while the participant is down: its global transaction cannot finish rolling back
        assertThat(Pay.payment(paymentId).get("status").asText()).isEqualTo("PENDING");
        assertThat(Pay.vouchersOf(paymentId)).isZero();

        restart(component, pid);
        Pay.awaitPayment(paymentId, "PAID", RECOVERY);
        Pay.awaitVoucher(paymentId, Duration.ofSeconds(60));
        Pay.awaitOrderPaid(o.orderId(), Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(Pay.merchantLedger(paymentId, "delta_available")).isEqualTo(980);
            assertThat(Pay.merchantLedger(paymentId, "delta_incoming")).isZero();
            assertThat(Db.queryLong("mall_points", "SELECT COUNT(*) FROM points_ledger WHERE user_id = ? AND reason = 'PAYMENT_REWARD'",
                    o.user())).isEqualTo(1);
        });
        assertThat(Pay.vouchersOf(paymentId)).isEqualTo(1);
        assertThat(Db.queryLong("pay_fund", "SELECT COUNT(*) FROM fund_ledger WHERE reference = ? AND entry_type = 'CREDIT_CONFIRM'",
                paymentId)).isEqualTo(1);
    }
}
