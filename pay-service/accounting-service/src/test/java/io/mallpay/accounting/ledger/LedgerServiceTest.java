package io.mallpay.accounting.ledger;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** How the trial balance is summed and judged, against a mocked mapper. */
class LedgerServiceTest {

    private final LedgerMapper mapper = mock(LedgerMapper.class);
    private final LedgerService ledger = new LedgerService(mapper);

    @Test
    void balancedWhenTotalsMatchAndNoVoucherIsOff() {
        when(mapper.accountTotals()).thenReturn(List.of(new AccountTotal("1002", "BANK_CLEARING", 1000, 0),
                new AccountTotal("2202", "MERCHANT_PAYABLE", 0, 980), new AccountTotal("6001", "COMMISSION_REVENUE", 0, 20)));
        when(mapper.voucherCount()).thenReturn(1L);

        TrialBalanceResponse tb = ledger.trialBalance();

        assertThat(tb.totalDebitCents()).isEqualTo(1000);
        assertThat(tb.totalCreditCents()).isEqualTo(1000);
        assertThat(tb.balanced()).isTrue();
        assertThat(tb.voucherCount()).isEqualTo(1);
        assertThat(tb.accounts()).extracting(AccountBalanceResponse::accountCode).containsExactly("1002", "2202", "6001");
    }

    @Test
    void unbalancedWhenTotalsDiffer() {
        when(mapper.accountTotals()).thenReturn(List.of(new AccountTotal("1002", "BANK_CLEARING", 1000, 0),
                new AccountTotal("2202", "MERCHANT_PAYABLE", 0, 999)));

        assertThat(ledger.trialBalance().balanced()).isFalse();
    }

    @Test
    void unbalancedWhenAVoucherIsOffEvenIfTotalsMatch() {
        when(mapper.accountTotals()).thenReturn(List.of(new AccountTotal("1002", "BANK_CLEARING", 1000, 1000)));
        when(mapper.unbalancedVoucherIds(anyInt())).thenReturn(List.of(7L));

        TrialBalanceResponse tb = ledger.trialBalance();

        assertThat(tb.balanced()).isFalse();
        assertThat(tb.unbalancedVouchers()).containsExactly(7L);
    }

    @Test
    void statsTurnTheDatabaseTimeIntoUtc() {
        when(mapper.voucherCount()).thenReturn(12L);
        when(mapper.lastVoucherAt()).thenReturn(LocalDateTime.of(2026, 11, 21, 10, 0, 0));

        assertThat(ledger.stats()).isEqualTo(new StatsResponse(12, Instant.parse("2026-11-21T10:00:00Z")));
    }
}
