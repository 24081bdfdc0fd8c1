package io.mallpay.points.account;

import io.mallpay.common.web.ApiException;
import io.mallpay.points.award.PointsAwardMapper;
import io.mallpay.points.freeze.FreezeStatus;
import io.mallpay.points.freeze.PointsFreeze;
import io.mallpay.points.freeze.PointsFreezeMapper;
import io.mallpay.points.ledger.EntryType;
import io.mallpay.points.ledger.LedgerEntry;
import io.mallpay.points.ledger.LedgerMapper;
import io.mallpay.points.reward.PointsRewardMapper;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static io.mallpay.points.account.PointsMother.ORDER;
import static io.mallpay.points.account.PointsMother.USER;
import static io.mallpay.points.account.PointsMother.account;
import static io.mallpay.points.account.PointsMother.freeze;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Freeze, spend and unfreeze of {@link PointsService} against mocked mappers. */
class PointsServiceTest {

    private final PointsAccountMapper accounts = mock(PointsAccountMapper.class);
    private final PointsFreezeMapper freezes = mock(PointsFreezeMapper.class);
    private final PointsAwardMapper awards = mock(PointsAwardMapper.class);
    private final LedgerMapper ledger = mock(LedgerMapper.class);
    private final PointsService service = new PointsService(accounts, freezes, awards, ledger,
            mock(PointsRewardMapper.class));

    @Test
    void freezeMovesPointsAndWritesFreezeAndLedgerRows() {
        when(accounts.freeze(USER, 30)).thenReturn(1);

        service.freeze(ORDER, USER, 30);

        ArgumentCaptor<PointsFreeze> freeze = ArgumentCaptor.forClass(PointsFreeze.class);
        verify(freezes).insert(freeze.capture());
        assertThat(freeze.getValue()).extracting(PointsFreeze::getOrderId, PointsFreeze::getUserId,
                PointsFreeze::getPoints, PointsFreeze::getStatus).containsExactly(ORDER, USER, 30L, FreezeStatus.FROZEN);
        assertThat(insertedLedgerEntry()).extracting(LedgerEntry::getEntryType, LedgerEntry::getUserId,
                        LedgerEntry::getOrderId, LedgerEntry::getDeltaAvailable, LedgerEntry::getDeltaFrozen)
                .containsExactly(EntryType.FREEZE, USER, ORDER, -30L, 30L);
    }

    @Test
    void secondFreezeOfTheSameOrderChangesNothing() {
        when(freezes.selectForUpdate(ORDER)).thenReturn(freeze(ORDER, USER, 30, FreezeStatus.FROZEN));

        service.freeze(ORDER, USER, 30);

        verify(accounts, never()).freeze(anyLong(), anyLong());
        verify(freezes, never()).insert(any(PointsFreeze.class));
        verifyNoInteractions(ledger);
    }

    @Test
    void zeroPointsFreezeNothing() {
        service.freeze(ORDER, USER, 0);

        verifyNoInteractions(accounts, freezes, ledger);
    }

    @Test
    void negativePointsAreRejected() {
        assertThatThrownBy(() -> service.freeze(ORDER, USER, -1))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("BAD_POINTS");
                    assertThat(e.status().value()).isEqualTo(400);
                });
        verifyNoInteractions(accounts, ledger);
    }

    @Test
    void freezingMoreThanAvailableIsRefusedWithBothNumbers() {
        when(accounts.freeze(USER, 500)).thenReturn(0);
        when(accounts.selectById(USER)).thenReturn(account(USER, 120, 0));

        assertThatThrownBy(() -> service.freeze(ORDER, USER, 500))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("NOT_ENOUGH_POINTS");
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("120").contains("500");
                });
        verify(freezes, never()).insert(any(PointsFreeze.class));
        verifyNoInteractions(ledger);
    }

    @Test
    void freezingForAnUnknownUserIsNotFound() {
        when(accounts.freeze(USER, 30)).thenReturn(0);

        assertThatThrownBy(() -> service.freeze(ORDER, USER, 30))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("UNKNOWN_USER");
                    assertThat(e.status().value()).isEqualTo(404);
                });
        verifyNoInteractions(ledger);
    }

    @Test
    void spendConsumesTheFrozenPoints() {
        when(freezes.selectForUpdate(ORDER)).thenReturn(freeze(ORDER, USER, 30, FreezeStatus.FROZEN));
        when(accounts.spendFrozen(USER, 30)).thenReturn(1);

        service.spend(ORDER);

        verify(freezes).transition(ORDER, FreezeStatus.FROZEN, FreezeStatus.SPENT);
        assertThat(insertedLedgerEntry()).extracting(LedgerEntry::getEntryType, LedgerEntry::getOrderId,
                        LedgerEntry::getDeltaAvailable, LedgerEntry::getDeltaFrozen)
                .containsExactly(EntryType.SPEND, ORDER, 0L, -30L);
    }

    @Test
    void spendIsANoOpWhenAlreadySpentOrNothingWasFrozen() {
        when(freezes.selectForUpdate(ORDER)).thenReturn(freeze(ORDER, USER, 30, FreezeStatus.SPENT));
        service.spend(ORDER);
        service.spend(4242L);

        verify(freezes, never()).transition(anyLong(), any(), any());
        verifyNoInteractions(accounts, ledger);
    }

    @Test
    void spendAfterUnfreezeIsRefused() {
        when(freezes.selectForUpdate(ORDER)).thenReturn(freeze(ORDER, USER, 30, FreezeStatus.RELEASED));

        assertThatThrownBy(() -> service.spend(ORDER))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("FREEZE_RELEASED");
                    assertThat(e.status().value()).isEqualTo(409);
                });
        verifyNoInteractions(accounts, ledger);
    }

    @Test
    void spendFailsLoudlyWhenTheAccountDoesNotHoldTheFrozenPoints() {
        when(freezes.selectForUpdate(ORDER)).thenReturn(freeze(ORDER, USER, 30, FreezeStatus.FROZEN));
        when(accounts.spendFrozen(USER, 30)).thenReturn(0);

        assertThatThrownBy(() -> service.spend(ORDER)).isInstanceOf(IllegalStateException.class);
        verifyNoInteractions(ledger);
    }

    @Test
    void unfreezeReturnsTheFrozenPoints() {
        when(freezes.selectForUpdate(ORDER)).thenReturn(freeze(ORDER, USER, 30, FreezeStatus.FROZEN));
        when(accounts.unfreeze(USER, 30)).thenReturn(1);

        service.unfreeze(ORDER);

        verify(freezes).transition(ORDER, FreezeStatus.FROZEN, FreezeStatus.RELEASED);
        assertThat(insertedLedgerEntry()).extracting(LedgerEntry::getEntryType, LedgerEntry::getOrderId,
                        LedgerEntry::getDeltaAvailable, LedgerEntry::getDeltaFrozen)
                .containsExactly(EntryType.UNFREEZE, ORDER, 30L, -30L);
    }

    @Test
    void unfreezeIsANoOpWhenAlreadyReleasedOrNothingWasFrozen() {
        when(freezes.selectForUpdate(ORDER)).thenReturn(freeze(ORDER, USER, 30, FreezeStatus.RELEASED));
        service.unfreeze(ORDER);
        service.unfreeze(4242L);

        verify(freezes, never()).transition(anyLong(), any(), any());
        verifyNoInteractions(accounts, ledger);
    }

    @Test
    void unfreezeAfterSpendIsRefused() {
        when(freezes.selectForUpdate(ORDER)).thenReturn(freeze(ORDER, USER, 30, FreezeStatus.SPENT));

        assertThatThrownBy(() -> service.unfreeze(ORDER))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("FREEZE_SPENT");
                    assertThat(e.status().value()).isEqualTo(409);
                });
        verifyNoInteractions(accounts, ledger);
    }

    private LedgerEntry insertedLedgerEntry() {
        ArgumentCaptor<LedgerEntry> entry = ArgumentCaptor.forClass(LedgerEntry.class);
        verify(ledger).insert(entry.capture());
        return entry.getValue();
    }
}
