package io.mallpay.points.reward;

import io.mallpay.common.web.ApiException;
import io.mallpay.points.account.PointsAccountMapper;
import io.mallpay.points.award.PointsAward;
import io.mallpay.points.award.PointsAwardMapper;
import io.mallpay.points.ledger.EntryType;
import io.mallpay.points.ledger.LedgerEntry;
import io.mallpay.points.ledger.LedgerMapper;
import org.apache.seata.spring.annotation.GlobalLock;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static io.mallpay.points.reward.Rewards.GRANT;
import static io.mallpay.points.reward.Rewards.ORDER;
import static io.mallpay.points.reward.Rewards.OTHER_XID;
import static io.mallpay.points.reward.Rewards.PAYMENT;
import static io.mallpay.points.reward.Rewards.POINTS;
import static io.mallpay.points.reward.Rewards.USER;
import static io.mallpay.points.reward.Rewards.XID;
import static io.mallpay.points.reward.Rewards.account;
import static io.mallpay.points.reward.Rewards.reward;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Try, confirm and cancel of {@link PointsRewardService} against mocked mappers. */
class PointsRewardServiceTest {

    private final PointsRewardMapper rewards = mock(PointsRewardMapper.class);
    private final PointsAccountMapper accounts = mock(PointsAccountMapper.class);
    private final PointsAwardMapper awards = mock(PointsAwardMapper.class);
    private final LedgerMapper ledger = mock(LedgerMapper.class);
    private final PointsRewardService service = new PointsRewardService(rewards, accounts, awards, ledger);

    @Test
    void tryRecordsATriedRewardAndLeavesBalancesAlone() {
        when(accounts.selectById(USER)).thenReturn(account());

        service.tryReward(XID, PAYMENT, ORDER, USER, POINTS);

        ArgumentCaptor<PointsReward> row = ArgumentCaptor.forClass(PointsReward.class);
        verify(rewards).insert(row.capture());
        assertThat(row.getValue()).extracting(PointsReward::getPaymentId, PointsReward::getOrderId, PointsReward::getUserId,
                PointsReward::getPoints, PointsReward::getStatus, PointsReward::getXid)
                .containsExactly(PAYMENT, ORDER, USER, POINTS, RewardStatus.TRIED, XID);
        verify(accounts, never()).credit(anyLong(), anyLong());
        verify(accounts, never()).selectForUpdate(anyLong());
        verifyNoInteractions(awards, ledger);
    }

    @Test
    void tryForAnUnknownUserIsNotFoundAndRecordsNothing() {
        assertThatThrownBy(() -> service.tryReward(XID, PAYMENT, ORDER, USER, POINTS))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("UNKNOWN_USER");
                    assertThat(e.status().value()).isEqualTo(404);
                });
        verifyNoInteractions(rewards, awards, ledger);
    }

    @Test
    void tryOfLessThanOnePointIsRejected() {
        assertThatThrownBy(() -> service.tryReward(XID, PAYMENT, ORDER, USER, 0))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("BAD_POINTS"));
        verifyNoInteractions(rewards, accounts);
    }

    @Test
    void theSameTryAgainIsANoOp() {
        when(accounts.selectById(USER)).thenReturn(account());
        when(rewards.selectForUpdate(PAYMENT)).thenReturn(reward(RewardStatus.TRIED, XID), reward(RewardStatus.CONFIRMED, XID));

        service.tryReward(XID, PAYMENT, ORDER, USER, POINTS);
        service.tryReward(OTHER_XID, PAYMENT, ORDER, USER, POINTS);

        verify(rewards, never()).insert(any(PointsReward.class));
        verify(rewards, never()).retry(anyString(), anyString());
    }

    @Test
    void aCancelledRewardTriedAgainIsHeldByTheNewGlobalTransaction() {
        when(accounts.selectById(USER)).thenReturn(account());
        when(rewards.selectForUpdate(PAYMENT)).thenReturn(reward(RewardStatus.CANCELLED, XID));

        service.tryReward(OTHER_XID, PAYMENT, ORDER, USER, POINTS);

        verify(rewards).retry(PAYMENT, OTHER_XID);
        verify(rewards, never()).insert(any(PointsReward.class));
    }

    @Test
    void thePaymentIdCannotGrantAnotherAmountUserOrOrder() {
        when(accounts.selectById(USER)).thenReturn(account());
        when(rewards.selectForUpdate(PAYMENT)).thenReturn(reward(RewardStatus.TRIED, XID));

        for (long[] other : new long[][]{{ORDER, USER, POINTS + 1}, {ORDER + 1, USER, POINTS}}) {
            assertThatThrownBy(() -> service.tryReward(XID, PAYMENT, other[0], other[1], other[2]))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo("REWARD_MISMATCH");
                        assertThat(e.status().value()).isEqualTo(409);
                    });
        }
        verify(rewards, never()).insert(any(PointsReward.class));
        verify(rewards, never()).retry(anyString(), anyString());
    }

    @Test
    void confirmLocksTheAccountThenCreditsExactlyLikeAnAward() {
        when(rewards.selectForUpdate(PAYMENT)).thenReturn(reward(RewardStatus.TRIED, XID));
        when(accounts.selectForUpdate(USER)).thenReturn(account());
        when(accounts.credit(USER, POINTS)).thenReturn(1);

        assertThat(service.confirm(GRANT)).isTrue();

        InOrder order = inOrder(rewards, accounts);
        order.verify(rewards).selectForUpdate(PAYMENT);
        order.verify(accounts).selectForUpdate(USER);
        order.verify(accounts).credit(USER, POINTS);
        verify(rewards).transition(PAYMENT, RewardStatus.TRIED, RewardStatus.CONFIRMED);
        ArgumentCaptor<PointsAward> award = ArgumentCaptor.forClass(PointsAward.class);
        verify(awards).insert(award.capture());
        assertThat(award.getValue()).extracting(PointsAward::getOrderId, PointsAward::getReason, PointsAward::getUserId,
                PointsAward::getPoints).containsExactly(ORDER, "PAYMENT_REWARD", USER, POINTS);
        ArgumentCaptor<LedgerEntry> entry = ArgumentCaptor.forClass(LedgerEntry.class);
        verify(ledger).insert(entry.capture());
        assertThat(entry.getValue()).extracting(LedgerEntry::getEntryType, LedgerEntry::getUserId, LedgerEntry::getOrderId,
                        LedgerEntry::getReason, LedgerEntry::getDeltaAvailable, LedgerEntry::getDeltaFrozen)
                .containsExactly(EntryType.AWARD, USER, ORDER, "PAYMENT_REWARD", POINTS, 0L);
    }

    @Test
    void aConfirmedRewardIsNotCreditedAgain() {
        when(rewards.selectForUpdate(PAYMENT)).thenReturn(reward(RewardStatus.CONFIRMED, XID));

        assertThat(service.confirm(GRANT)).isFalse();

        verify(rewards, never()).transition(anyString(), any(), any());
        verify(accounts, never()).credit(anyLong(), anyLong());
        verifyNoInteractions(awards, ledger);
    }

    @Test
    void aCommitWinsOverTheCancelOfAnOlderGlobalTransaction() {
        when(rewards.selectForUpdate(PAYMENT)).thenReturn(reward(RewardStatus.CANCELLED, XID));
        when(accounts.selectForUpdate(USER)).thenReturn(account());
        when(accounts.credit(USER, POINTS)).thenReturn(1);

        assertThat(service.confirm(GRANT)).isTrue();

        verify(rewards).transition(PAYMENT, RewardStatus.CANCELLED, RewardStatus.CONFIRMED);
        verify(ledger).insert(any(LedgerEntry.class));
    }

    @Test
    void anOrderGetsOnePaymentRewardEvenFromTwoPayments() {
        when(rewards.selectForUpdate(PAYMENT)).thenReturn(reward(RewardStatus.TRIED, XID));
        when(accounts.selectForUpdate(USER)).thenReturn(account());
        when(awards.selectForUpdate(ORDER, "PAYMENT_REWARD"))
                .thenReturn(new PointsAward(ORDER, "PAYMENT_REWARD", USER, POINTS));

        assertThat(service.confirm(GRANT)).isFalse();

        verify(rewards).transition(PAYMENT, RewardStatus.TRIED, RewardStatus.CONFIRMED);
        verify(accounts, never()).credit(anyLong(), anyLong());
        verify(awards, never()).insert(any());
        verifyNoInteractions(ledger);
    }

    @Test
    void confirmWithoutItsTriedRowFailsLoudlyAndCreditsNothing() {
        assertThatThrownBy(() -> service.confirm(GRANT)).isInstanceOf(IllegalStateException.class);
        when(rewards.selectForUpdate(PAYMENT)).thenReturn(reward(RewardStatus.TRIED, XID));
        assertThatThrownBy(() -> service.confirm(new RewardGrant(PAYMENT, ORDER, USER, POINTS + 1)))
                .isInstanceOf(IllegalStateException.class);

        verify(accounts, never()).credit(anyLong(), anyLong());
        verifyNoInteractions(awards, ledger);
    }

    @Test
    void cancelDropsOnlyTheRewardItsGlobalTransactionHolds() {
        when(rewards.cancel(PAYMENT, XID)).thenReturn(1);

        assertThat(service.cancel(XID, PAYMENT)).isTrue();
        assertThat(service.cancel(OTHER_XID, PAYMENT)).isFalse();

        verify(rewards).cancel(PAYMENT, OTHER_XID);
        verifyNoInteractions(accounts, awards, ledger);
    }

    @Test
    void confirmTakesItsOwnConnectionUnderTheGlobalLock() throws NoSuchMethodException {
        var confirm = PointsRewardService.class.getMethod("confirm", RewardGrant.class);

        assertThat(confirm.getAnnotation(GlobalLock.class)).isNotNull();
        assertThat(confirm.getAnnotation(Transactional.class).propagation()).isEqualTo(Propagation.REQUIRES_NEW);
    }
}
