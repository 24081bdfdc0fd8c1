package io.mallpay.it.pay;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Db;
import io.mallpay.it.support.MallCli;
import io.mallpay.it.support.Pay;
import io.mallpay.it.support.Processes;
import io.mallpay.it.support.Stack;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import static io.mallpay.it.support.Mall.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The reliable accounting message (DESIGN.md flow 4) on the real broker: accounting down while
 * payments complete loses and duplicates nothing; a producer killed between its half message and
 * the commit is settled by the broker's check-back from the payment table; a poison message goes
 * to the dead-letter queue, where an operator lists and re-drives it.
 */
class AccountingReliableMessageIT {

    private static final Stack STACK = Stack.get();

    @AfterEach
    void everyoneRunning() {
        for (String c : new String[] {"pay-accounting", "pay-payment"}) {
            MallCli.Result r = MallCli.run(Map.of(), 240, "start", c);
            assertThat(r.exitCode()).as(r.output()).isZero();
        }
    }

    @Test
    void accountingDownWhileFiftyPaymentsCompleteLosesAndDuplicatesNothing() throws Exception {
        MallCli.Result stop = MallCli.run(Map.of(), 120, "stop", "pay-accounting");
        assertThat(stop.exitCode()).as(stop.output()).isZero();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add(CompletableFuture.supplyAsync(() -> {
                Pay.Order o = Pay.order(100 + (long) (Math.random() * 5_000), 1);
                return Pay.payByCard(o, Pay.card(10_000));
            }, pool));
        }
        List<String> payments = new ArrayList<>();
        for (CompletableFuture<String> f : all) {
            payments.add(f.get());
        }
        pool.shutdown();
        for (String p : payments) {
            Pay.awaitPayment(p, "PAID", Duration.ofSeconds(120));
        }
        assertThat(payments.stream().mapToLong(Pay::vouchersOf).sum()).isZero();

        long t0 = System.nanoTime();
        MallCli.Result start = MallCli.run(Map.of(), 240, "start", "pay-accounting");
        assertThat(start.exitCode()).as(start.output()).isZero();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                payments.stream().allMatch(p -> Pay.vouchersOf(p) == 1));
        long drainMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("accounting back after %d payments: all vouchers present %d ms after ./mall start returned%n",
                payments.size(), drainMillis - start.millis());
        for (String p : payments) {
            assertThat(Pay.vouchersOf(p)).as("vouchers of %s", p).isEqualTo(1);
        }
        JsonNode tb = Pay.trialBalance();
        assertThat(tb.get("balanced").asBoolean()).isTrue();
        assertThat(tb.get("totalDebitCents").asLong()).isEqualTo(tb.get("totalCreditCents").asLong());
        assertThat(tb.get("unbalancedVouchers")).isEmpty();
    }

    @Test
    void aProducerKilledBetweenHalfMessageAndCommitIsSettledByTheCheckBack() throws Exception {
        Pay.Order o = Pay.order(4_321, 1);
        String card = Pay.card(10_000);
        Pay.bankMode(card, "NEVER", 0);
        String paymentId = Pay.payByCard(o, card);
        long producerPid = Processes.pid("pay-payment");
        // the next completion commits its global transaction, then pay-payment dies before committing the message
        Pay.arm("PAY_PAYMENT_PORT", "pay.accounting.before-end-transaction", "HALT", 0, 1);
        Throwable cut = catchThrowable(() -> Pay.callback(Pay.callbackBody(paymentId, "SUCCEEDED", 4_321, Pay.MERCHANT),
                Pay.bankSecret(), Long.toString(System.currentTimeMillis()), UUID.randomUUID().toString()));
        assertThat(cut).as("the callback got no answer: the process answering it halted").isNotNull();
        Processes.awaitDeath("pay-payment", producerPid, Duration.ofSeconds(30));
        assertThat(Db.queryString("pay_payment", "SELECT status FROM payment WHERE payment_id = ?", paymentId)).isEqualTo("PAID");
        assertThat(Pay.vouchersOf(paymentId)).isZero();

        Path log = STACK.root().resolve(".run/logs/pay-payment.log");
        long logBefore = Files.size(log);
        Processes.restartAfterDeath("pay-payment", producerPid);
        // the broker asks the restarted producer group (every 10 s); the check-back reads PAID and commits
        long t0 = System.nanoTime();
        Pay.awaitVoucher(paymentId, Duration.ofSeconds(60));
        System.out.printf("voucher of %s present %d ms after pay-payment was back%n", paymentId,
                (System.nanoTime() - t0) / 1_000_000);
        assertThat(Pay.vouchersOf(paymentId)).isEqualTo(1);
        // the commit came from the restarted process's check-back of this very message
        assertThat(logSince(log, logBefore)).containsPattern("check-back of accounting message \\S+ for payment "
                + Pattern.quote(paymentId) + " \\(age \\d+ ms\\): COMMIT_MESSAGE");
        Pay.awaitOrderPaid(o.orderId(), Duration.ofSeconds(60));
    }

    /** What the component's log received after byte {@code offset} (its output is appended across restarts). */
    private static String logSince(Path log, long offset) throws java.io.IOException {
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(offset);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterQueueAndCanBeReDriven() throws Exception {
        String paymentId = "IT-POISON-" + UUID.randomUUID().toString().substring(0, 8);
        // merchantNet + commission != amount: can never be booked as a balanced voucher
        String poison = "{\"paymentId\":\"" + paymentId + "\",\"orderId\":1,\"userId\":1,\"merchantId\":\"M-IT\","
                + "\"method\":\"CARD\",\"amountCents\":1000,\"commissionCents\":20,\"merchantNetCents\":900,"
                + "\"commissionRate\":\"0.0200\",\"paidAt\":\"2026-11-21T10:00:00Z\"}";
        DefaultMQProducer producer = new DefaultMQProducer("it-poison-" + UUID.randomUUID());
        producer.setNamesrvAddr(STACK.env("ROCKETMQ_NAMESRV"));
        producer.start();
        String msgId;
        try {
            SendResult sent = producer.send(new Message("PAYMENT_ACCOUNTING", "PAID", paymentId,
                    poison.getBytes(StandardCharsets.UTF_8)));
            msgId = sent.getMsgId();
        } finally {
            producer.shutdown();
        }
        String deadLetters = Pay.accounting() + "/api/accounting/dead-letters";
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (JsonNode d : Stack.readJson(check(Stack.get(deadLetters), 200).body())) {
                if (paymentId.equals(d.path("key").asText())) {
                    found[0] = d;
                    return true;
                }
            }
            return false;
        });
        assertThat(Pay.vouchersOf(paymentId)).isZero();
        assertThat(found[0].path("body").asText()).contains(paymentId);

        String fixed = poison.replace("\"merchantNetCents\":900", "\"merchantNetCents\":980");
        var redrive = Stack.postJson(deadLetters + "/" + found[0].get("messageId").asText() + "/redrive",
                Stack.JSON.writeValueAsString(Map.of("body", fixed)), Map.of());
        check(redrive, 200);
        JsonNode v = Pay.awaitVoucher(paymentId, Duration.ofSeconds(60));
        assertThat(v.get("amountCents").asLong()).isEqualTo(1_000);
        assertThat(Pay.vouchersOf(paymentId)).isEqualTo(1);
        var again = Stack.postJson(deadLetters + "/" + found[0].get("messageId").asText() + "/redrive", "{}", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(msgId).isNotBlank();
    }
}
