package io.mallpay.common.sentinel;

import com.alibaba.csp.sentinel.context.ContextUtil;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRuleManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PerUserLimitTest {

    private static final PerUserLimit.Limit LIMIT = new PerUserLimit.Limit("test-per-user", "test-total");

    private static void rules(int perUser, int total) {
        ParamFlowRule own = new ParamFlowRule(LIMIT.perUser()).setParamIdx(0).setCount(perUser);
        own.setDurationInSec(60);
        ParamFlowRule shared = new ParamFlowRule(LIMIT.total()).setParamIdx(0).setCount(total);
        shared.setDurationInSec(60);
        ParamFlowRuleManager.loadRules(List.of(own, shared));
    }

    @AfterEach
    void clear() {
        ParamFlowRuleManager.loadRules(List.of());
    }

    @Test
    void requestsRefusedByTheCustomersOwnRuleDoNotUseTheSharedCapacity() {
        rules(2, 4);
        AtomicInteger ran = new AtomicInteger();
        int refused = 0;
        for (int i = 0; i < 50; i++) {
            try {
                PerUserLimit.call(LIMIT, 1L, ran::incrementAndGet);
            } catch (BlockedException e) {
                refused++;
                assertThat(e.answer().status()).isEqualTo(429);
                assertThat(e.answer().code()).isEqualTo("RATE_LIMITED");
            }
        }
        assertThat(ran).as("the hammering customer gets their own budget").hasValue(2);
        assertThat(refused).isEqualTo(48);

        // the shared capacity still has 2 of its 4: two other customers pass, the third is refused
        assertThat(PerUserLimit.call(LIMIT, 2L, () -> "ok")).isEqualTo("ok");
        assertThat(PerUserLimit.call(LIMIT, 3L, () -> "ok")).isEqualTo("ok");
        assertThatThrownBy(() -> PerUserLimit.call(LIMIT, 4L, ran::incrementAndGet))
                .isInstanceOf(BlockedException.class);
        assertThat(ran).as("a refused call does not run").hasValue(2);
    }

    @Test
    void aCallRefusedByTheSharedRuleStillSpentTheCustomersOwnBudgetAndLeavesNoEntryOpen() {
        rules(1, 0);
        assertThat(refusingResource(7L)).isEqualTo(LIMIT.total());
        assertThat(refusingResource(7L)).isEqualTo(LIMIT.perUser());
        assertThat(ContextUtil.getContext() == null || ContextUtil.getContext().getCurEntry() == null)
                .as("no Sentinel entry left open on this thread").isTrue();
    }

    private static String refusingResource(long userId) {
        try {
            PerUserLimit.call(LIMIT, userId, () -> "never");
        } catch (BlockedException e) {
            return ((BlockException) e.getCause()).getRule().getResource();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void anErrorOfTheWorkPropagatesUnchanged() {
        rules(5, 5);
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> PerUserLimit.call(LIMIT, 9L, () -> {
            throw boom;
        })).isSameAs(boom);
    }
}
