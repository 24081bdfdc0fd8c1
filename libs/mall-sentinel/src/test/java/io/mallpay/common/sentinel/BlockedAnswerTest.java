package io.mallpay.common.sentinel;

import com.alibaba.csp.sentinel.slots.block.degrade.DegradeException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowException;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlockedAnswerTest {

    @Test
    void anOpenCircuitOnAFeignResourceNamesTheParticipantAndItsWindow() {
        String resource = "POST:http://mall-points/internal/points/freezes/{orderId}/spend";
        BlockedAnswer a = BlockedAnswer.of(new DegradeException("default", new DegradeRule(resource).setTimeWindow(10)),
                resource);

        assertThat(a.status()).isEqualTo(503);
        assertThat(a.code()).isEqualTo("CIRCUIT_OPEN");
        assertThat(a.participant()).isEqualTo("mall-points");
        assertThat(a.retryAfterSeconds()).isEqualTo(10);
        assertThat(a.body("/api/orders")).containsEntry("code", "CIRCUIT_OPEN").containsEntry("participant", "mall-points")
                .containsEntry("status", 503);
    }

    @Test
    void aFlowRuleRefusalIs429RateLimitedRetryAfterOneSecond() {
        BlockedAnswer a = BlockedAnswer.of(new FlowException("default", new FlowRule("checkout")), "checkout");

        assertThat(a.status()).isEqualTo(429);
        assertThat(a.code()).isEqualTo("RATE_LIMITED");
        assertThat(a.retryAfterSeconds()).isEqualTo(1);
        assertThat(a.participant()).isNull();
    }

    @Test
    void participantOfANonFeignResourceIsTheResourceItself() {
        assertThat(BlockedAnswer.participantOf("GET:http://pay-fund")).isEqualTo("pay-fund");
        assertThat(BlockedAnswer.participantOf("checkout-per-user")).isEqualTo("checkout-per-user");
    }
}
