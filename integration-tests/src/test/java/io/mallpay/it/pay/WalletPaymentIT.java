package io.mallpay.it.pay;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Db;
import io.mallpay.it.support.Pay;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.mallpay.it.support.Mall.check;
import static io.mallpay.it.support.Mall.code;
import static org.assertj.core.api.Assertions.assertThat;

/** WALLET payments: the completion global transaction adds a TCC debit of the user's fund account. */
class WalletPaymentIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    void aWalletPaymentDebitsTheWalletCreditsTheMerchantAndBooksAWalletVoucher() {
        Pay.Order o = Pay.order(2_000, 1);
        Pay.topUp(o.user(), 5_000);

        JsonNode p = Stack.readJson(check(Pay.pay("it-" + UUID.randomUUID(), o.orderId(), "WALLET", null), 201).body());
        assertThat(p.get("status").asText()).isEqualTo("PAID");
        String paymentId = p.get("paymentId").asText();

        JsonNode wallet = Pay.wallet(o.user());
        assertThat(wallet.get("availableCents").asLong()).isEqualTo(3_000);
        assertThat(wallet.get("outgoingCents").asLong()).isZero();
        assertThat(Pay.merchantLedger(paymentId, "delta_available")).isEqualTo(1_960);

        JsonNode v = Pay.awaitVoucher(paymentId, WITHIN);
        boolean walletDebit = false;
        for (JsonNode line : v.get("lines")) {
            walletDebit |= "DEBIT".equals(line.get("direction").asText()) && "2203".equals(line.get("accountCode").asText())
                    && line.get("amountCents").asLong() == 2_000;
        }
        assertThat(walletDebit).isTrue();
        Pay.awaitOrderPaid(o.orderId(), WITHIN);
    }

    @Test
    void aWalletThatCannotPayIsRefusedAndNothingIsCreated() {
        Pay.Order o = Pay.order(2_000, 1);
        var none = Pay.pay("it-" + UUID.randomUUID(), o.orderId(), "WALLET", null);
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(code(none)).isEqualTo("NO_WALLET");

        Pay.topUp(o.user(), 1_999);
        var shortBy1 = Pay.pay("it-" + UUID.randomUUID(), o.orderId(), "WALLET", null);
        assertThat(shortBy1.statusCode()).isEqualTo(409);
        assertThat(code(shortBy1)).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(Pay.wallet(o.user()).get("availableCents").asLong()).isEqualTo(1_999);
        assertThat(Db.queryLong("pay_payment", "SELECT COUNT(*) FROM payment WHERE order_id = ?", o.orderId())).isZero();
    }
}
