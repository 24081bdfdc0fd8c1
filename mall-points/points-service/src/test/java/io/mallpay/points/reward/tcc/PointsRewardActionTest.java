package io.mallpay.points.reward.tcc;

import io.mallpay.common.web.ApiException;
import io.mallpay.points.reward.PointsRewardService;
import io.mallpay.points.reward.RewardGrant;
import org.apache.seata.rm.datasource.exec.LockConflictException;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** How {@link PointsRewardAction} reads Seata's action context and hands each phase on. */
class PointsRewardActionTest {

    private static final String XID = "10.0.0.1:8091:4242";
    private static final RewardGrant GRANT = new RewardGrant("PAY-1", 1001L, 7L, 25L);

    private final PointsRewardService rewards = mock(PointsRewardService.class);
    private final PointsRewardAction action = new PointsRewardAction(rewards, new io.mallpay.common.fault.FaultInjection());

    @Test
    void isAFencedTccActionWhosePhaseTwoMethodsExist() throws NoSuchMethodException {
        TwoPhaseBusinessAction tcc = PointsRewardAction.class.getMethod("tryReward", BusinessActionContext.class,
                String.class, long.class, long.class, long.class).getAnnotation(TwoPhaseBusinessAction.class);

        assertThat(tcc.name()).isEqualTo("points-reward");
        assertThat(tcc.useTCCFence()).isTrue();
        assertThat(PointsRewardAction.class.getMethod(tcc.commitMethod(), BusinessActionContext.class).getReturnType())
                .isEqualTo(boolean.class);
        assertThat(PointsRewardAction.class.getMethod(tcc.rollbackMethod(), BusinessActionContext.class).getReturnType())
                .isEqualTo(boolean.class);
    }

    @Test
    void tryRecordsTheGrantUnderItsGlobalTransaction() {
        action.tryReward(context(Map.of()), "PAY-1", 1001L, 7L, 25L);

        verify(rewards).tryReward(XID, "PAY-1", 1001L, 7L, 25L);
    }

    @Test
    void confirmReadsNumbersBackWhetherTheyComeAsIntegerOrLong() {
        assertThat(action.confirm(context(Map.of("paymentId", "PAY-1", "orderId", 1001, "userId", 7L, "points", 25))))
                .isTrue();

        verify(rewards).confirm(GRANT);
    }

    @Test
    void confirmWaitsOutAGlobalLockHeldByAnInFlightGlobalTransaction() {
        when(rewards.confirm(GRANT))
                .thenThrow(new CannotCreateTransactionException("lock", new LockConflictException("get global lock fail")))
                .thenReturn(true);

        assertThat(action.confirm(context(grantContext()))).isTrue();

        verify(rewards, times(2)).confirm(GRANT);
    }

    @Test
    void confirmThatCannotGetTheLockFailsSoTheTcRetriesIt() {
        when(rewards.confirm(GRANT)).thenThrow(new CannotCreateTransactionException("lock",
                new LockConflictException("get global lock fail")));

        assertThatThrownBy(() -> action.confirm(context(grantContext())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("GLOBAL_LOCK_BUSY"));
    }

    @Test
    void confirmWithoutTheTryArgumentsFailsInsteadOfGuessing() {
        assertThatThrownBy(() -> action.confirm(context(Map.of("paymentId", "PAY-1", "orderId", 1001))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("userId");
        verifyNoInteractions(rewards);
    }

    @Test
    void cancelActsForTheGlobalTransactionOfItsBranch() {
        assertThat(action.cancel(context(grantContext()))).isTrue();

        verify(rewards).cancel(XID, "PAY-1");
    }

    private static Map<String, Object> grantContext() {
        return Map.of("paymentId", "PAY-1", "orderId", 1001L, "userId", 7L, "points", 25L);
    }

    private static BusinessActionContext context(Map<String, Object> actionContext) {
        BusinessActionContext c = new BusinessActionContext(XID, "7001", new HashMap<>(actionContext));
        c.setActionName(PointsRewardAction.NAME);
        return c;
    }
}
