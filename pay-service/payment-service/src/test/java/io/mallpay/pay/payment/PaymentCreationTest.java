package io.mallpay.pay.payment;

import io.mallpay.common.feign.RemoteApiException;
import io.mallpay.common.web.ApiException;
import io.mallpay.fund.api.FundAccountClient;
import io.mallpay.fund.api.FundAccountClient.AccountStatus;
import io.mallpay.fund.api.FundAccountClient.FundAccountResponse;
import io.mallpay.fund.api.FundAccountClient.OwnerType;
import io.mallpay.order.api.OrderClient;
import io.mallpay.order.api.OrderClient.OrderView;
import io.mallpay.pay.card.UserCard;
import io.mallpay.pay.card.UserCardMapper;
import io.mallpay.pay.completion.PaymentCompletion;
import io.mallpay.pay.settings.PaymentSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class PaymentCreationTest {

    private final PaymentMapper payments = mock(PaymentMapper.class);
    private final OrderClient orders = mock(OrderClient.class);
    private final FundAccountClient funds = mock(FundAccountClient.class);
    private final UserCardMapper cards = mock(UserCardMapper.class);
    private final BankSubmission bank = mock(BankSubmission.class);
    private final PaymentCompletion completion = mock(PaymentCompletion.class);
    private final PaymentSettings settings = new PaymentSettings();
    private PaymentCreation creation;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
        creation = new PaymentCreation(payments, orders, new PaymentLimits(settings, payments, funds, clock), cards,
                settings, bank, completion);
        when(orders.get(41L)).thenReturn(new OrderView(41L, 7L, "CREATED", 2_500L));
        when(payments.selectById(any())).thenAnswer(i -> Payments.card(i.getArgument(0), 2_500));
    }

    private static String code(Throwable e) {
        return ((ApiException) e).code();
    }

    @Test
    void aCardPaymentIsInsertedPendingAndSubmittedToTheBank() {
        PaymentCreation.Result r = creation.create("k1", new CreatePaymentRequest(41L, "CARD", "4000-0001"));
        ArgumentCaptor<Payment> p = ArgumentCaptor.forClass(Payment.class);
        verify(payments).insert(p.capture());
        assertThat(p.getValue().getStatus()).isEqualTo("PENDING");
        assertThat(p.getValue().getAmountCents()).isEqualTo(2_500);
        assertThat(p.getValue().getUserId()).isEqualTo(7);
        assertThat(p.getValue().getLiveOrderId()).isEqualTo(41);
        assertThat(p.getValue().getMerchantId()).isEqualTo("M-ONLINE-RETAIL");
        assertThat(p.getValue().getPaymentId()).matches("P\\d{19}");
        verify(bank).submit(p.getValue());
        assertThat(r.replayed()).isFalse();
    }

    @Test
    void theBoundCardIsUsedWhenTheRequestNamesNoneAndNoCardIsRefused() {
        UserCard c = new UserCard();
        c.setUserId(7L);
        c.setCardNumber("4000-0007");
        when(cards.selectById(7L)).thenReturn(c);
        creation.create("k1", new CreatePaymentRequest(41L, "CARD", null));
        ArgumentCaptor<Payment> p = ArgumentCaptor.forClass(Payment.class);
        verify(payments).insert(p.capture());
        assertThat(p.getValue().getCardNumber()).isEqualTo("4000-0007");

        when(cards.selectById(7L)).thenReturn(null);
        assertThatThrownBy(() -> creation.create("k2", new CreatePaymentRequest(41L, "CARD", null)))
                .extracting(PaymentCreationTest::code).isEqualTo("NO_CARD");
    }

    @Test
    void theSameKeyAnswersTheSamePaymentAndAnotherBodyIsRefused() {
        Payment earlier = Payments.card("P1", 2_500);
        when(payments.selectByIdempotencyKey("k1")).thenReturn(earlier);
        PaymentCreation.Result r = creation.create("k1", new CreatePaymentRequest(41L, "CARD", null));
        assertThat(r.replayed()).isTrue();
        assertThat(r.payment()).isSameAs(earlier);
        assertThatThrownBy(() -> creation.create("k1", new CreatePaymentRequest(41L, "WALLET", null)))
                .extracting(PaymentCreationTest::code).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        verify(payments, never()).insert(any(Payment.class));
        verify(orders, never()).get(anyLong());
    }

    @Test
    void anOrderNotAwaitingPaymentIsRefused() {
        when(orders.get(41L)).thenReturn(new OrderView(41L, 7L, "CANCELLED", 2_500L));
        assertThatThrownBy(() -> creation.create("k1", new CreatePaymentRequest(41L, "CARD", "4000-0001")))
                .extracting(PaymentCreationTest::code).isEqualTo("ORDER_NOT_PAYABLE");
        verify(payments, never()).insert(any(Payment.class));
    }

    @Test
    void limitRulesRefuseBeforeAnythingIsWritten() {
        settings.setMaxAmountCents(2_000);
        assertThatThrownBy(() -> creation.create("k1", new CreatePaymentRequest(41L, "CARD", "4000-0001")))
                .extracting(PaymentCreationTest::code).isEqualTo("AMOUNT_OVER_LIMIT");
        settings.setMaxAmountCents(1_000_000);
        settings.setDailyLimitCents(5_000);
        when(payments.sumLiveSince(any(Long.class), any())).thenReturn(3_000L);
        assertThatThrownBy(() -> creation.create("k1", new CreatePaymentRequest(41L, "CARD", "4000-0001")))
                .extracting(PaymentCreationTest::code).isEqualTo("DAILY_LIMIT_EXCEEDED");
        when(orders.get(41L)).thenReturn(new OrderView(41L, 7L, "CREATED", 0L));
        assertThatThrownBy(() -> creation.create("k1", new CreatePaymentRequest(41L, "CARD", "4000-0001")))
                .extracting(PaymentCreationTest::code).isEqualTo("NOTHING_TO_PAY");
        verify(payments, never()).insert(any(Payment.class));
    }

    @Test
    void aWalletPaymentNeedsAnActiveWalletHoldingTheAmountThenCompletesAtOnce() {
        when(funds.account(OwnerType.USER, "7")).thenThrow(
                new RemoteApiException("pay-fund", HttpStatus.NOT_FOUND, "UNKNOWN_FUND_ACCOUNT", "none"));
        assertThatThrownBy(() -> creation.create("k1", new CreatePaymentRequest(41L, "WALLET", null)))
                .extracting(PaymentCreationTest::code).isEqualTo("NO_WALLET");

        doReturn(new FundAccountResponse(OwnerType.USER, "7", AccountStatus.FROZEN, 10_000, 0, 0)).when(funds).account(OwnerType.USER, "7");
        assertThatThrownBy(() -> creation.create("k1", new CreatePaymentRequest(41L, "WALLET", null)))
                .extracting(PaymentCreationTest::code).isEqualTo("ACCOUNT_FROZEN");

        doReturn(new FundAccountResponse(OwnerType.USER, "7", AccountStatus.ACTIVE, 2_499, 0, 0)).when(funds).account(OwnerType.USER, "7");
        assertThatThrownBy(() -> creation.create("k1", new CreatePaymentRequest(41L, "WALLET", null)))
                .extracting(PaymentCreationTest::code).isEqualTo("INSUFFICIENT_FUNDS");
        verify(payments, never()).insert(any(Payment.class));

        doReturn(new FundAccountResponse(OwnerType.USER, "7", AccountStatus.ACTIVE, 2_500, 0, 0)).when(funds).account(OwnerType.USER, "7");
        creation.create("k1", new CreatePaymentRequest(41L, "WALLET", null));
        verify(completion).completeWallet(any());
        verify(bank, never()).submit(any());
    }
}
