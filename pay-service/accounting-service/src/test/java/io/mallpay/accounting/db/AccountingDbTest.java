package io.mallpay.accounting.db;

import io.mallpay.accounting.deadletter.DeadLetterRedrive;
import io.mallpay.accounting.deadletter.DeadLetterRedriveMapper;
import io.mallpay.accounting.deadletter.PoisonLog;
import io.mallpay.accounting.ledger.AccountBalanceResponse;
import io.mallpay.accounting.ledger.LedgerService;
import io.mallpay.accounting.ledger.StatsResponse;
import io.mallpay.accounting.ledger.TrialBalanceResponse;
import io.mallpay.accounting.voucher.BookingResult;
import io.mallpay.accounting.voucher.Voucher;
import io.mallpay.accounting.voucher.VoucherFactory;
import io.mallpay.accounting.voucher.VoucherLineMapper;
import io.mallpay.accounting.voucher.VoucherMapper;
import io.mallpay.accounting.voucher.VoucherResponse;
import io.mallpay.accounting.voucher.VoucherService;
import io.mallpay.pay.api.PaymentPaidEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Set;

import static io.mallpay.accounting.AccountingMother.MERCHANT;
import static io.mallpay.accounting.AccountingMother.PAID_AT;
import static io.mallpay.accounting.AccountingMother.card;
import static io.mallpay.accounting.AccountingMother.event;
import static io.mallpay.accounting.AccountingMother.wallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * V2__accounting.sql, the mappers and the services against an embedded database (H2, MySQL
 * mode): idempotency rests on the real unique key, the trial balance on the real SQL.
 */
@SpringJUnitConfig(AccountingDbConfig.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AccountingDbTest {

    @Autowired
    private VoucherService service;
    @Autowired
    private LedgerService ledger;
    @Autowired
    private VoucherFactory factory;
    @Autowired
    private VoucherMapper vouchers;
    @Autowired
    private VoucherLineMapper lines;
    @Autowired
    private PoisonLog poisonLog;
    @Autowired
    private DeadLetterRedriveMapper redrives;
    @Autowired
    private TransactionTemplate tx;
    @Autowired
    private DataSource dataSource;

    @Test
    void aPaymentBookedTwiceHasOneVoucher() {
        assertThat(service.book(factory.build(card(), "m1"))).isEqualTo(BookingResult.BOOKED);
        assertThat(service.book(factory.build(card(), "m2"))).isEqualTo(BookingResult.DUPLICATE);

        VoucherResponse v = service.find(card().paymentId());
        assertThat(v.messageId()).isEqualTo("m1");
        assertThat(v.paidAt()).isEqualTo(PAID_AT);
        assertThat(v.createdAt()).isNotNull();
        assertThat(v.commissionRate()).isEqualTo("0.0200");
        assertThat(v.lines()).hasSize(3);
        assertThat(count("voucher")).isEqualTo(1);
        assertThat(count("voucher_line")).isEqualTo(3);
    }

    @Test
    void theUniqueKeyStopsARacingSecondBookingAndItsLines() {
        VoucherMapper racing = mock(VoucherMapper.class, delegatesTo(vouchers));
        VoucherService loser = new VoucherService(racing, lines, tx);
        service.book(factory.build(card(), "m1"));
        when(racing.selectByPaymentId(anyString())).thenReturn(null).thenAnswer(inv -> vouchers.selectByPaymentId(inv.getArgument(0)));

        assertThat(loser.book(factory.build(card(), "m2"))).isEqualTo(BookingResult.DUPLICATE);
        assertThat(count("voucher")).isEqualTo(1);
        assertThat(count("voucher_line")).isEqualTo(3);
    }

    @Test
    void aVoucherAndItsLinesCommitTogetherOrNotAtAll() {
        Voucher v = factory.build(card(), "m1");
        v.getLines().get(2).setLineNo(2);   // a second line 2: uk_voucher_line fails on the third insert

        assertThatThrownBy(() -> service.book(v)).isInstanceOf(DuplicateKeyException.class);
        assertThat(count("voucher")).isZero();
        assertThat(count("voucher_line")).isZero();
    }

    @Test
    void theSchemaRefusesNonPositiveLinesAndUnknownDirections() {
        service.book(factory.build(card(), "m1"));
        long id = service.find(card().paymentId()).voucherId();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        assertThatThrownBy(() -> jdbc.update("INSERT INTO voucher_line (voucher_id, line_no, account_code, account_name,"
                + " direction, amount_cents) VALUES (?, 9, '1002', 'BANK_CLEARING', 'DEBIT', 0)", id))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO voucher_line (voucher_id, line_no, account_code, account_name,"
                + " direction, amount_cents) VALUES (?, 9, '1002', 'BANK_CLEARING', 'SIDEWAYS', 5)", id))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void trialBalanceSumsEveryAccountAndBalances() {
        service.book(factory.build(card(), "m1"));
        service.book(factory.build(new PaymentPaidEvent("P2", 1002, 8, MERCHANT, "WALLET", 5_500, 110, 5_390, "0.0200",
                PAID_AT), "m2"));
        service.book(factory.build(new PaymentPaidEvent("P3", 1003, 9, MERCHANT, "CARD", 700, 0, 700, "0.0000",
                PAID_AT), "m3"));

        TrialBalanceResponse tb = ledger.trialBalance();

        assertThat(tb.accounts()).containsExactly(
                new AccountBalanceResponse("1002", "BANK_CLEARING", 10_700, 0),
                new AccountBalanceResponse("2202", "MERCHANT_PAYABLE", 0, 15_890),
                new AccountBalanceResponse("2203", "USER_WALLET", 5_500, 0),
                new AccountBalanceResponse("6001", "COMMISSION_REVENUE", 0, 310));
        assertThat(tb.totalDebitCents()).isEqualTo(16_200).isEqualTo(tb.totalCreditCents());
        assertThat(tb.balanced()).isTrue();
        assertThat(tb.voucherCount()).isEqualTo(3);
        assertThat(tb.unbalancedVouchers()).isEmpty();
    }

    @Test
    void aVoucherWhoseOwnLinesDoNotBalanceIsNamed() {
        service.book(factory.build(wallet(), "m1"));
        long good = service.find(wallet().paymentId()).voucherId();
        service.book(factory.build(new PaymentPaidEvent("P2", 1002, 8, MERCHANT, "CARD", 900, 0, 900, "0", PAID_AT), "m2"));
        long bad = service.find("P2").voucherId();
        new JdbcTemplate(dataSource).update("UPDATE voucher_line SET amount_cents = 800 WHERE voucher_id = ? AND line_no = 2", bad);

        TrialBalanceResponse tb = ledger.trialBalance();

        assertThat(tb.unbalancedVouchers()).containsExactly(bad).doesNotContain(good);
        assertThat(tb.balanced()).isFalse();
    }

    @Test
    void statsCountVouchersAndTellTheLatest() {
        assertThat(ledger.stats()).isEqualTo(new StatsResponse(0, null));

        service.book(factory.build(card(), "m1"));
        service.book(factory.build(event("CARD", 100, 0, 100), "m2"));   // same payment: no second voucher

        StatsResponse s = ledger.stats();
        assertThat(s.voucherCount()).isEqualTo(1);
        assertThat(s.lastVoucherAt()).isNotNull();
    }

    @Test
    void pagesFollowTheIdOrder() {
        for (int i = 1; i <= 3; i++) {
            service.book(factory.build(new PaymentPaidEvent("P" + i, 1000 + i, 7, MERCHANT, "CARD", 100 * i, 0, 100 * i,
                    "0", PAID_AT), "m" + i));
        }

        var first = service.page(0, 2);
        var second = service.page(first.nextAfterId(), 2);

        assertThat(first.vouchers()).extracting(VoucherResponse::paymentId).containsExactly("P1", "P2");
        assertThat(first.vouchers().get(1).lines()).hasSize(2);
        assertThat(second.vouchers()).extracting(VoucherResponse::paymentId).containsExactly("P3");
        assertThat(second.nextAfterId()).isNull();
    }

    @Test
    void poisonReasonsAreUpsertedAndLookedUp() {
        poisonLog.record("m1", "P1", "unreadable JSON");
        poisonLog.record("m1", "P1", "retries exhausted: boom");
        poisonLog.record("m2", "P2", "x".repeat(2000));

        assertThat(poisonLog.reasons(Set.of("m1", "m2", "m3")))
                .containsEntry("m1", "retries exhausted: boom")
                .hasSize(2)
                .hasEntrySatisfying("m2", r -> assertThat(r).hasSize(512));
    }

    @Test
    void aDeadLetterCanBeClaimedForRedriveOnce() {
        redrives.insert(DeadLetterRedrive.claim("m1", true));
        redrives.recordNewMessageId("m1", "m1-again");

        assertThatThrownBy(() -> redrives.insert(DeadLetterRedrive.claim("m1", false)))
                .isInstanceOf(DuplicateKeyException.class);
        DeadLetterRedrive stored = redrives.selectById("m1");
        assertThat(stored.getNewMessageId()).isEqualTo("m1-again");
        assertThat(stored.isBodyChanged()).isTrue();
        assertThat(stored.getRedrivenAt()).isNotNull();
        assertThat(redrives.selectBatchIds(List.of("m1", "m9"))).extracting(DeadLetterRedrive::getMessageId)
                .containsExactly("m1");
    }

    private long count(String table) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
