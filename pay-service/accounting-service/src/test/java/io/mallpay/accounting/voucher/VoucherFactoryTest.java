package io.mallpay.accounting.voucher;

import io.mallpay.pay.api.PaymentPaidEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.stream.Stream;

import static io.mallpay.accounting.AccountingMother.MERCHANT;
import static io.mallpay.accounting.AccountingMother.MESSAGE_ID;
import static io.mallpay.accounting.AccountingMother.ORDER;
import static io.mallpay.accounting.AccountingMother.PAID_AT;
import static io.mallpay.accounting.AccountingMother.PAYMENT;
import static io.mallpay.accounting.AccountingMother.USER;
import static io.mallpay.accounting.AccountingMother.card;
import static io.mallpay.accounting.AccountingMother.event;
import static io.mallpay.accounting.AccountingMother.json;
import static io.mallpay.accounting.AccountingMother.wallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The lines each kind of payment books, and every event that can never be booked. */
class VoucherFactoryTest {

    private final VoucherFactory factory = new VoucherFactory(new PaymentPaidEventParser());

    @Test
    void cardPaymentDebitsBankClearingAndCreditsMerchantAndCommission() {
        Voucher v = factory.build(card(), MESSAGE_ID);

        assertThat(v.getLines()).extracting(VoucherLine::getLineNo, VoucherLine::getAccountCode, VoucherLine::getAccountName,
                        VoucherLine::getDirection, VoucherLine::getAmountCents, VoucherLine::getCounterparty)
                .containsExactly(
                        tuple(1, "1002", "BANK_CLEARING", Direction.DEBIT, 10_000L, null),
                        tuple(2, "2202", "MERCHANT_PAYABLE", Direction.CREDIT, 9_800L, MERCHANT),
                        tuple(3, "6001", "COMMISSION_REVENUE", Direction.CREDIT, 200L, null));
        assertThat(v).extracting(Voucher::getPaymentId, Voucher::getOrderId, Voucher::getMerchantId, Voucher::getMethod,
                        Voucher::getAmountCents, Voucher::getCommissionCents, Voucher::getCommissionRate,
                        Voucher::getMessageId, Voucher::getPaidAt)
                .containsExactly(PAYMENT, ORDER, MERCHANT, "CARD", 10_000L, 200L, new BigDecimal("0.0200"), MESSAGE_ID,
                        LocalDateTime.of(2026, 11, 21, 10, 15, 30, 123_000_000));
        assertThat(v.total(Direction.DEBIT)).isEqualTo(v.total(Direction.CREDIT)).isEqualTo(10_000L);
    }

    @Test
    void walletPaymentDebitsTheUsersWallet() {
        Voucher v = factory.build(wallet(), MESSAGE_ID);

        assertThat(v.getLines()).extracting(VoucherLine::getAccountCode, VoucherLine::getDirection,
                        VoucherLine::getAmountCents, VoucherLine::getCounterparty)
                .containsExactly(
                        tuple("2203", Direction.DEBIT, 5_500L, String.valueOf(USER)),
                        tuple("2202", Direction.CREDIT, 5_390L, MERCHANT),
                        tuple("6001", Direction.CREDIT, 110L, null));
    }

    @Test
    void zeroCommissionHasNoCommissionLine() {
        Voucher v = factory.build(event("CARD", 4_990, 0, 4_990), MESSAGE_ID);

        assertThat(v.getLines()).extracting(VoucherLine::getAccountName, VoucherLine::getAmountCents)
                .containsExactly(tuple("BANK_CLEARING", 4_990L), tuple("MERCHANT_PAYABLE", 4_990L));
    }

    @Test
    void wholeAmountAsCommissionHasNoZeroMerchantLine() {
        Voucher v = factory.build(event("CARD", 300, 300, 0), MESSAGE_ID);

        assertThat(v.getLines()).extracting(VoucherLine::getLineNo, VoucherLine::getAccountName)
                .containsExactly(tuple(1, "BANK_CLEARING"), tuple(2, "COMMISSION_REVENUE"));
    }

    @Test
    void rateIsStoredWithFourDecimals() {
        PaymentPaidEvent e = new PaymentPaidEvent(PAYMENT, ORDER, USER, MERCHANT, "CARD", 1000, 20, 980, "0.02", PAID_AT);

        assertThat(factory.build(e, MESSAGE_ID).getCommissionRate()).isEqualByComparingTo("0.0200")
                .hasToString("0.0200");
    }

    @Test
    void fromMessageParsesThenBuilds() {
        assertThat(factory.fromMessage(json(card()).getBytes(), MESSAGE_ID).getLines()).hasSize(3);
        assertThatThrownBy(() -> factory.fromMessage("{".getBytes(), MESSAGE_ID))
                .isInstanceOf(UnbookableEventException.class);
    }

    static Stream<Arguments> poison() {
        return Stream.of(
                Arguments.of(event("CARD", 0, 0, 0), "amountCents must be positive"),
                Arguments.of(event("CARD", -500, 0, -500), "amountCents must be positive"),
                Arguments.of(event("CARD", 10_000, 200, 9_700), "!= commissionCents 200 + merchantNetCents 9700"),
                Arguments.of(event("CARD", 10_000, -200, 10_200), "commissionCents must not be negative"),
                Arguments.of(event("CARD", 100, 200, -100), "!= commissionCents"),
                Arguments.of(event("CARD", Long.MAX_VALUE, Long.MAX_VALUE, 1), "overflows"),
                Arguments.of(event("CHEQUE", 10_000, 200, 9_800), "unknown method CHEQUE"),
                Arguments.of(event(null, 10_000, 200, 9_800), "unknown method null"),
                Arguments.of(new PaymentPaidEvent(null, ORDER, USER, MERCHANT, "CARD", 1000, 0, 1000, "0", PAID_AT),
                        "paymentId is missing"),
                Arguments.of(new PaymentPaidEvent(PAYMENT, ORDER, USER, " ", "CARD", 1000, 0, 1000, "0", PAID_AT),
                        "merchantId is missing"),
                Arguments.of(new PaymentPaidEvent("P".repeat(65), ORDER, USER, MERCHANT, "CARD", 1000, 0, 1000, "0", PAID_AT),
                        "paymentId is longer than 64"),
                Arguments.of(new PaymentPaidEvent(PAYMENT, 0, USER, MERCHANT, "CARD", 1000, 0, 1000, "0", PAID_AT),
                        "orderId must be positive"),
                Arguments.of(new PaymentPaidEvent(PAYMENT, ORDER, 0, MERCHANT, "WALLET", 1000, 0, 1000, "0", PAID_AT),
                        "userId must be positive"),
                Arguments.of(new PaymentPaidEvent(PAYMENT, ORDER, USER, MERCHANT, "CARD", 1000, 0, 1000, "0", null),
                        "paidAt is missing"),
                Arguments.of(new PaymentPaidEvent(PAYMENT, ORDER, USER, MERCHANT, "CARD", 1000, 0, 1000, null, PAID_AT),
                        "commissionRate is missing"),
                Arguments.of(new PaymentPaidEvent(PAYMENT, ORDER, USER, MERCHANT, "CARD", 1000, 0, 1000, "2%", PAID_AT),
                        "commissionRate is not a decimal"),
                Arguments.of(new PaymentPaidEvent(PAYMENT, ORDER, USER, MERCHANT, "CARD", 1000, 0, 1000, "1.5", PAID_AT),
                        "between 0 and 1"),
                Arguments.of(new PaymentPaidEvent(PAYMENT, ORDER, USER, MERCHANT, "CARD", 1000, 0, 1000, "0.02001", PAID_AT),
                        "at most 4 decimals"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("poison")
    void eventsThatCanNeverBeBookedArePoisonWithAReason(PaymentPaidEvent e, String reason) {
        assertThatThrownBy(() -> factory.build(e, MESSAGE_ID))
                .isInstanceOf(UnbookableEventException.class)
                .hasMessageContaining(reason);
    }
}
