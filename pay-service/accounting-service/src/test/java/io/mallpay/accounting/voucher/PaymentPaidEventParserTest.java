package io.mallpay.accounting.voucher;

import io.mallpay.pay.api.PaymentPaidEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.mallpay.accounting.AccountingMother.card;
import static io.mallpay.accounting.AccountingMother.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The message contract as read by accounting: strict on numbers and presence, lenient on extras. */
class PaymentPaidEventParserTest {

    private final PaymentPaidEventParser parser = new PaymentPaidEventParser();

    @Test
    void readsThePublishedJsonAndIgnoresUnknownProperties() {
        String body = json(card()).replace("{", "{\"schemaVersion\":2,\"extra\":{\"a\":1},");

        assertThat(parser.parse(body)).isEqualTo(card());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "{\"paymentId\":\"P1\"",
            "[]",
            "null",
            "{\"paymentId\":\"P1\",\"orderId\":1,\"userId\":7,\"merchantId\":\"M\",\"method\":\"CARD\",\"amountCents\":100,"
                    + "\"commissionCents\":0,\"merchantNetCents\":100,\"commissionRate\":\"0\",\"paidAt\":\"yesterday\"}"})
    void unreadableBodiesArePoison(String body) {
        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(UnbookableEventException.class);
    }

    @Test
    void emptyBodyIsPoison() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(UnbookableEventException.class)
                .hasMessage("empty body");
        assertThatThrownBy(() -> parser.parse((byte[]) null)).isInstanceOf(UnbookableEventException.class);
    }

    @Test
    void missingFieldIsPoisonNotZero() {
        String body = json(card()).replace("\"amountCents\":10000,", "");

        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(UnbookableEventException.class)
                .hasMessageContaining("amountCents");
    }

    @Test
    void nullForANumberIsPoison() {
        String body = json(card()).replace("\"commissionCents\":200", "\"commissionCents\":null");

        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(UnbookableEventException.class);
    }

    @Test
    void fractionalPenceArePoisonNotTruncated() {
        String body = json(card()).replace("\"amountCents\":10000", "\"amountCents\":10000.5");

        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(UnbookableEventException.class);
    }

    @Test
    void trailingGarbageIsPoison() {
        assertThatThrownBy(() -> parser.parse(json(card()) + "}")).isInstanceOf(UnbookableEventException.class);
    }

    @Test
    void paidAtIsReadAsAnInstant() {
        PaymentPaidEvent e = parser.parse(json(card()));

        assertThat(e.paidAt()).isEqualTo("2026-11-21T10:15:30.123Z");
    }
}
