package io.mallpay.accounting.voucher;

import io.mallpay.common.web.ApiException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionOperations;

import java.util.List;

import static io.mallpay.accounting.AccountingMother.MESSAGE_ID;
import static io.mallpay.accounting.AccountingMother.PAYMENT;
import static io.mallpay.accounting.AccountingMother.card;
import static io.mallpay.accounting.AccountingMother.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Booking and reading vouchers against mocked mappers. */
class VoucherServiceTest {

    private final VoucherMapper vouchers = mock(VoucherMapper.class);
    private final VoucherLineMapper lines = mock(VoucherLineMapper.class);
    private final VoucherService service = new VoucherService(vouchers, lines, TransactionOperations.withoutTransaction());
    private final VoucherFactory factory = new VoucherFactory(new PaymentPaidEventParser());

    @Test
    void booksTheVoucherThenItsLinesUnderItsId() {
        doAnswer(inv -> {
            inv.<Voucher>getArgument(0).setId(42L);
            return 1;
        }).when(vouchers).insert(any(Voucher.class));

        assertThat(service.book(factory.build(card(), MESSAGE_ID))).isEqualTo(BookingResult.BOOKED);

        ArgumentCaptor<VoucherLine> line = ArgumentCaptor.forClass(VoucherLine.class);
        verify(lines, times(3)).insert(line.capture());
        assertThat(line.getAllValues()).extracting(VoucherLine::getVoucherId, VoucherLine::getLineNo)
                .containsExactly(tuple(42L, 1), tuple(42L, 2),
                        tuple(42L, 3));
    }

    @Test
    void secondBookingOfThePaymentWritesNothing() {
        when(vouchers.selectByPaymentId(PAYMENT)).thenReturn(stored(card().amountCents()));

        assertThat(service.book(factory.build(card(), "another-message"))).isEqualTo(BookingResult.DUPLICATE);

        verify(vouchers, never()).insert(any(Voucher.class));
        verifyNoInteractions(lines);
    }

    @Test
    void aDuplicateWithADifferentAmountStillWritesNothing() {
        when(vouchers.selectByPaymentId(PAYMENT)).thenReturn(stored(999));

        assertThat(service.book(factory.build(card(), "another-message"))).isEqualTo(BookingResult.DUPLICATE);

        verify(vouchers, never()).insert(any(Voucher.class));
    }

    @Test
    void losingTheInsertRaceToAnotherConsumerIsADuplicate() {
        when(vouchers.selectByPaymentId(PAYMENT)).thenReturn(null, stored(card().amountCents()));
        when(vouchers.insert(any(Voucher.class))).thenThrow(new DuplicateKeyException("uk_voucher_payment"));

        assertThat(service.book(factory.build(card(), MESSAGE_ID))).isEqualTo(BookingResult.DUPLICATE);
        verifyNoInteractions(lines);
    }

    @Test
    void aDuplicateKeyWithNoWinnerIsRethrown() {
        when(vouchers.insert(any(Voucher.class))).thenThrow(new DuplicateKeyException("something else"));

        assertThatThrownBy(() -> service.book(factory.build(card(), MESSAGE_ID))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void databaseFailurePropagatesForARetry() {
        when(vouchers.selectByPaymentId(PAYMENT)).thenThrow(new DataAccessResourceFailureException("down"));

        assertThatThrownBy(() -> service.book(factory.build(card(), MESSAGE_ID)))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void anUnbalancedVoucherIsNeverWritten() {
        Voucher v = factory.build(card(), MESSAGE_ID);
        v.getLines().get(1).setAmountCents(9_000);

        assertThatThrownBy(() -> service.book(v)).isInstanceOf(IllegalStateException.class);
        verifyNoInteractions(vouchers, lines);
    }

    @Test
    void unknownPaymentIsNotFound() {
        assertThatThrownBy(() -> service.find("P404")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("UNKNOWN_VOUCHER");
            assertThat(e.status().value()).isEqualTo(404);
        });
    }

    @Test
    void findAnswersTheVoucherWithItsLines() {
        Voucher v = factory.build(card(), MESSAGE_ID);
        v.setId(42L);
        v.getLines().forEach(l -> l.setVoucherId(42L));
        when(vouchers.selectByPaymentId(PAYMENT)).thenReturn(v);
        when(lines.selectByVoucherIds(List.of(42L))).thenReturn(v.getLines());

        VoucherResponse r = service.find(PAYMENT);

        assertThat(r.voucherId()).isEqualTo(42L);
        assertThat(r.commissionRate()).isEqualTo("0.0200");
        assertThat(r.paidAt()).isEqualTo("2026-11-21T10:15:30.123Z");
        assertThat(r.lines()).extracting(VoucherLineResponse::direction).containsExactly("DEBIT", "CREDIT", "CREDIT");
    }

    @Test
    void aFullPageNamesTheNextAfterIdAndAShortOneDoesNot() {
        Voucher a = factory.build(event("CARD", 100, 0, 100), "m1");
        a.setId(5L);
        Voucher b = factory.build(event("CARD", 200, 0, 200), "m2");
        b.setId(9L);
        when(vouchers.selectPage(0, 2)).thenReturn(List.of(a, b));
        when(vouchers.selectPage(9, 2)).thenReturn(List.of());

        assertThat(service.page(0, 2).nextAfterId()).isEqualTo(9L);
        assertThat(service.page(0, 2).vouchers()).extracting(VoucherResponse::voucherId).containsExactly(5L, 9L);
        assertThat(service.page(9, 2)).isEqualTo(new VoucherPageResponse(List.of(), null));
    }

    @Test
    void badPageRequestsAreRejectedWithoutAQuery() {
        for (int[] bad : new int[][] {{0, 0}, {0, 1001}, {-1, 10}}) {
            assertThatThrownBy(() -> service.page(bad[0], bad[1]))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("VALIDATION_FAILED"));
        }
        verify(vouchers, never()).selectPage(anyLong(), anyInt());
    }

    private static Voucher stored(long amount) {
        Voucher v = new Voucher();
        v.setId(42L);
        v.setPaymentId(PAYMENT);
        v.setMerchantId(card().merchantId());
        v.setAmountCents(amount);
        v.setMessageId(MESSAGE_ID);
        return v;
    }
}
