package io.mallpay.points.account;

import io.mallpay.common.web.ApiException;
import io.mallpay.points.api.PointsClient.UserAccount;
import io.mallpay.points.api.PointsClient.UserImportResponse;
import io.mallpay.points.award.PointsAward;
import io.mallpay.points.award.PointsAwardMapper;
import io.mallpay.points.freeze.PointsFreezeMapper;
import io.mallpay.points.ledger.EntryType;
import io.mallpay.points.ledger.LedgerEntry;
import io.mallpay.points.ledger.LedgerMapper;
import io.mallpay.points.reward.PointsRewardMapper;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.List;

import static io.mallpay.points.account.PointsMother.ORDER;
import static io.mallpay.points.account.PointsMother.USER;
import static io.mallpay.points.account.PointsMother.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Awards, account import and balance of {@link PointsService} against mocked mappers. */
class PointsServiceAwardAndImportTest {

    private final PointsAccountMapper accounts = mock(PointsAccountMapper.class);
    private final PointsAwardMapper awards = mock(PointsAwardMapper.class);
    private final LedgerMapper ledger = mock(LedgerMapper.class);
    private final PointsRewardMapper rewards = mock(PointsRewardMapper.class);
    private final PointsService service =
            new PointsService(accounts, mock(PointsFreezeMapper.class), awards, ledger, rewards);

    @Test
    void awardCreditsAvailableAndRecordsTheReason() {
        when(accounts.credit(USER, 25)).thenReturn(1);

        service.award(ORDER, USER, 25, "CONSUMPTION");

        ArgumentCaptor<PointsAward> award = ArgumentCaptor.forClass(PointsAward.class);
        verify(awards).insert(award.capture());
        assertThat(award.getValue()).extracting(PointsAward::getOrderId, PointsAward::getReason,
                PointsAward::getUserId, PointsAward::getPoints).containsExactly(ORDER, "CONSUMPTION", USER, 25L);
        ArgumentCaptor<LedgerEntry> entry = ArgumentCaptor.forClass(LedgerEntry.class);
        verify(ledger).insert(entry.capture());
        assertThat(entry.getValue()).extracting(LedgerEntry::getEntryType, LedgerEntry::getOrderId,
                        LedgerEntry::getReason, LedgerEntry::getDeltaAvailable, LedgerEntry::getDeltaFrozen)
                .containsExactly(EntryType.AWARD, ORDER, "CONSUMPTION", 25L, 0L);
    }

    @Test
    void theSameAwardTwiceCreditsOnce() {
        when(awards.countForUpdate(ORDER, "CONSUMPTION")).thenReturn(1);

        service.award(ORDER, USER, 25, "CONSUMPTION");

        verify(accounts, never()).credit(anyLong(), anyLong());
        verify(awards, never()).insert(any());
        verifyNoInteractions(ledger);
    }

    @Test
    void awardToAnUnknownUserIsNotFoundAndRecordsNothing() {
        when(accounts.credit(USER, 25)).thenReturn(0);

        assertThatThrownBy(() -> service.award(ORDER, USER, 25, "CONSUMPTION"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("UNKNOWN_USER");
                    assertThat(e.status().value()).isEqualTo(404);
                });
        verify(awards, never()).insert(any());
        verifyNoInteractions(ledger);
    }

    @Test
    void awardOfLessThanOnePointIsRejected() {
        assertThatThrownBy(() -> service.award(ORDER, USER, 0, "CONSUMPTION"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("BAD_POINTS"));
        verifyNoInteractions(accounts, awards, ledger);
    }

    @Test
    void importOpensNewAccountsOnlyAndCountsADuplicateOnce() {
        when(accounts.selectBatchIds(anyCollection())).thenReturn(List.of(account(2L, 999, 0)));

        UserImportResponse result = service.importUsers(List.of(
                new UserAccount(1L, 100), new UserAccount(2L, 50), new UserAccount(1L, 7), new UserAccount(3L, 0)));

        assertThat(result).isEqualTo(new UserImportResponse(2, 1));
        ArgumentCaptor<PointsAccount> opened = ArgumentCaptor.forClass(PointsAccount.class);
        verify(accounts, times(2)).insert(opened.capture());
        assertThat(opened.getAllValues()).extracting(PointsAccount::getUserId, PointsAccount::getAvailable,
                PointsAccount::getFrozen).containsExactly(
                tuple(1L, 100L, 0L), tuple(3L, 0L, 0L));
        ArgumentCaptor<LedgerEntry> entries = ArgumentCaptor.forClass(LedgerEntry.class);
        verify(ledger, times(2)).insert(entries.capture());
        assertThat(entries.getAllValues()).extracting(LedgerEntry::getEntryType, LedgerEntry::getUserId,
                LedgerEntry::getOrderId, LedgerEntry::getDeltaAvailable, LedgerEntry::getDeltaFrozen).containsExactly(
                tuple(EntryType.OPENING, 1L, null, 100L, 0L),
                tuple(EntryType.OPENING, 3L, null, 0L, 0L));
    }

    @Test
    void importWithANegativeOpeningBalanceWritesNothing() {
        assertThatThrownBy(() -> service.importUsers(List.of(new UserAccount(1L, 10), new UserAccount(2L, -5))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("BAD_POINTS"));
        verifyNoInteractions(accounts, ledger);
    }

    @Test
    void balanceReportsBothBuckets() {
        when(accounts.selectById(USER)).thenReturn(account(USER, 120, 30));

        assertThat(service.balance(USER)).isEqualTo(new PointsBalanceResponse(USER, 120, 30));
    }

    @Test
    void balanceCountsTheRewardPointsNotYetConfirmed() {
        when(accounts.selectById(USER)).thenReturn(account(USER, 120, 30));
        when(rewards.pendingPoints(USER)).thenReturn(40L);

        assertThat(service.balance(USER)).isEqualTo(new PointsBalanceResponse(USER, 120, 30, 40));
    }

    @Test
    void balanceOfAnUnknownUserIsNotFound() {
        assertThatThrownBy(() -> service.balance(USER))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_USER"));
    }
}
