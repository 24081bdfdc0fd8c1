package io.mallpay.it.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.mallpay.it.support.Db;
import io.mallpay.it.support.Mall;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bank sandbox process on the real stack (its own MariaDB database): a charge is accepted at
 * once, decided asynchronously, and its result arrives only as a callback signed with the shared
 * secret — verified here independently with the JDK's HMAC-SHA256. A short balance is declined and
 * debits nothing; TWICE sends the same result twice with fresh nonces.
 */
class BankSandboxIT {

    record Received(String body, String timestamp, String nonce, String signature) {
    }

    private static HttpServer receiver;
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final String SECRET = Stack.get().env("BANK_CALLBACK_SECRET");

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/callback", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            RECEIVED.add(new Received(new String(body, StandardCharsets.UTF_8),
                    ex.getRequestHeaders().getFirst("X-Bank-Timestamp"), ex.getRequestHeaders().getFirst("X-Bank-Nonce"),
                    ex.getRequestHeaders().getFirst("X-Bank-Signature")));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @AfterEach
    void resetModes() {
        var r = java.net.http.HttpClient.newHttpClient();
        try {
            r.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(bank() + "/bank/sandbox/callback-mode"))
                    .timeout(Duration.ofSeconds(10)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bank() {
        return Mall.service("BANK_SANDBOX_PORT");
    }

    private static String callbackUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback";
    }

    private static String card(long balance) {
        String number = "4000" + (System.nanoTime() % 1_000_000_000_000L);
        Mall.check(Stack.postJson(bank() + "/bank/cards",
                "{\"cardNumber\":\"" + number + "\",\"holder\":\"IT\",\"balanceCents\":" + balance + "}", Map.of()), 201);
        return number;
    }

    private static String charge(String card, long amount) {
        String id = "PAY-IT-" + UUID.randomUUID();
        var r = Mall.check(Stack.postJson(bank() + "/bank/charges", "{\"chargeId\":\"" + id + "\",\"cardNumber\":\"" + card
                + "\",\"amountCents\":" + amount + ",\"merchantRef\":\"order-1\",\"callbackUrl\":\"" + callbackUrl() + "\"}",
                Map.of()), 202);
        assertThat(Stack.readJson(r.body()).get("status").asText()).isEqualTo("ACCEPTED");
        return id;
    }

    private static void resubmit(String card, String id, long amount) {
        Mall.check(Stack.postJson(bank() + "/bank/charges", "{\"chargeId\":\"" + id + "\",\"cardNumber\":\"" + card
                + "\",\"amountCents\":" + amount + ",\"merchantRef\":\"order-1\",\"callbackUrl\":\"" + callbackUrl() + "\"}",
                Map.of()), 202);
    }

    private static List<Received> callbacksOf(String chargeId) {
        return RECEIVED.stream().filter(c -> c.body().contains("\"" + chargeId + "\"")).toList();
    }

    static boolean verifies(Received c) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((c.timestamp() + "\n" + c.nonce() + "\n" + c.body()).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, Base64.getDecoder().decode(c.signature()));
    }

    @Test
    void anApprovedChargeDebitsOnceAndCallsBackSigned() throws Exception {
        String card = card(10_000);
        String id = charge(card, 2_200);
        await().atMost(Duration.ofSeconds(20)).until(() -> callbacksOf(id).size() == 1);
        Received cb = callbacksOf(id).get(0);
        JsonNode body = Stack.readJson(cb.body());
        assertThat(body.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(body.get("amountCents").asLong()).isEqualTo(2_200);
        assertThat(verifies(cb)).as("HMAC-SHA256 over timestamp, nonce and body with the shared secret").isTrue();
        assertThat(verifies(new Received(cb.body().replace("2200", "2201"), cb.timestamp(), cb.nonce(), cb.signature())))
                .as("a tampered amount no longer verifies").isFalse();

        // Submitting the same charge again changes nothing.
        resubmit(card, id, 2_200);
        assertThat(Stack.readJson(Stack.get(bank() + "/bank/cards/" + card).body()).get("balanceCents").asLong())
                .isEqualTo(7_800);
        assertThat(Db.queryLong("bank_sandbox", "SELECT COUNT(*) FROM card_ledger WHERE card_number = ?", card))
                .as("opening row + one debit").isEqualTo(2);
        var status = Stack.get(bank() + "/bank/charges/" + id);
        assertThat(Stack.readJson(status.body()).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(status.headers().firstValue("X-Bank-Signature")).isPresent();
    }

    @Test
    void aShortBalanceIsDeclinedAndDebitsNothing() {
        String card = card(1_000);
        String id = charge(card, 2_200);
        await().atMost(Duration.ofSeconds(20)).until(() -> callbacksOf(id).size() == 1);
        assertThat(Stack.readJson(callbacksOf(id).get(0).body()).get("status").asText()).isEqualTo("DECLINED");
        assertThat(Stack.readJson(Stack.get(bank() + "/bank/cards/" + card).body()).get("balanceCents").asLong())
                .isEqualTo(1_000);
    }

    @Test
    void twiceModeSendsTheSameResultTwiceWithFreshNonces() throws Exception {
        String card = card(10_000);
        Mall.check(Stack.postJson(bank() + "/bank/sandbox/callback-mode",
                "{\"mode\":\"TWICE\",\"cardNumber\":\"" + card + "\"}", Map.of()), 200);
        String id = charge(card, 500);
        await().atMost(Duration.ofSeconds(20)).until(() -> callbacksOf(id).size() == 2);
        List<Received> two = callbacksOf(id);
        assertThat(two.get(0).body()).isEqualTo(two.get(1).body());
        assertThat(two.get(0).nonce()).isNotEqualTo(two.get(1).nonce());
        assertThat(verifies(two.get(0))).isTrue();
        assertThat(verifies(two.get(1))).isTrue();
        assertThat(Stack.readJson(Stack.get(bank() + "/bank/cards/" + card).body()).get("balanceCents").asLong())
                .as("debited once").isEqualTo(9_500);
    }
}
