package io.mallpay.common.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void apiExceptionKeepsItsStatusAndStableCode() {
        ProblemDetail p = handler.onApiException(
                new ApiException(HttpStatus.CONFLICT, "OUT_OF_STOCK", "sku 85123A has 0 available"));

        assertThat(p.getStatus()).isEqualTo(409);
        assertThat(p.getProperties()).containsEntry("code", "OUT_OF_STOCK");
        assertThat(p.getType().toString()).isEqualTo("urn:mallpay:problem:OUT_OF_STOCK");
        assertThat(p.getDetail()).isEqualTo("sku 85123A has 0 available");
    }

    @Test
    void serverSideFailuresStay5xx() {
        ProblemDetail p = handler.onApiException(
                new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "PARTICIPANT_UNAVAILABLE", "mall-points down"));

        assertThat(p.getStatus()).isEqualTo(503);
        assertThat(p.getProperties()).containsEntry("code", "PARTICIPANT_UNAVAILABLE");
    }

    @Test
    void anArmedFailPointAnswersAsAnUnavailableService() {
        ProblemDetail p = handler.onInjectedFault(
                new io.mallpay.common.fault.FaultInjection.InjectedFault("order.payment-result.receive"));

        assertThat(p.getStatus()).isEqualTo(503);
        assertThat(p.getProperties()).containsEntry("code", "FAULT_INJECTED");
        assertThat(p.getDetail()).contains("order.payment-result.receive");
    }

    @Test
    void aCoordinatorThatCannotBeReachedAnswers503WithAStableCode() throws Exception {
        Exception wrapped = new org.springframework.transaction.TransactionSystemException("JDBC commit failed",
                new java.sql.SQLException("branch register failed",
                        new org.apache.seata.common.exception.FrameworkException(
                                "can not register RM,err:can not connect to services-server.")));

        ProblemDetail p = handler.onOtherException(wrapped).getBody();

        assertThat(p.getStatus()).isEqualTo(503);
        assertThat(p.getProperties()).containsEntry("code", "COORDINATOR_UNAVAILABLE");
        assertThat(p.getDetail()).contains("can not register RM");
    }

    @Test
    void aFailureRaisedInsideSeatasRpcClientIsACoordinatorFailure() {
        RuntimeException closed = new RuntimeException("channel closed");
        closed.setStackTrace(new StackTraceElement[]{new StackTraceElement(
                "org.apache.seata.core.rpc.netty.AbstractNettyRemoting", "sendSync", "AbstractNettyRemoting.java", 1)});
        assertThat(ProblemHandler.coordinatorFailure(new RuntimeException(new RuntimeException(closed))))
                .isSameAs(closed);
        assertThat(ProblemHandler.coordinatorFailure(new IllegalStateException("a bug"))).isNull();
    }

    @Test
    void fenceErrorsAndLockConflictsAreNotCoordinatorFailures() {
        assertThat(ProblemHandler.coordinatorFailure(new org.apache.seata.integration.tx.api.fence.exception
                .CommonFenceException("insert failed",
                org.apache.seata.common.exception.FrameworkErrorCode.InsertRecordError))).isNull();
        assertThat(ProblemHandler.coordinatorFailure(new org.apache.seata.core.exception.TransactionException(
                org.apache.seata.core.exception.TransactionExceptionCode.LockKeyConflict, "conflict"))).isNull();
        assertThat(ProblemHandler.coordinatorFailure(new org.apache.seata.core.exception.TransactionException(
                org.apache.seata.core.exception.TransactionExceptionCode.GlobalTransactionNotExist, "gone"))).isNotNull();
    }

    @Test
    void anyOtherExceptionIsRethrownUnchanged() {
        IllegalStateException bug = new IllegalStateException("a bug");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> handler.onOtherException(bug)).isSameAs(bug);
    }

    @Test
    void aFeignCallRefusedByAnOpenCircuitAnswers503CircuitOpenNamingTheParticipant() throws Exception {
        com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule rule =
                new com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule("POST:http://mall-points/internal/points/freezes")
                        .setTimeWindow(7);
        Exception wrapped = new java.lang.reflect.UndeclaredThrowableException(
                new com.alibaba.csp.sentinel.slots.block.degrade.DegradeException("default", rule));

        org.springframework.http.ResponseEntity<ProblemDetail> r = handler.onOtherException(wrapped);

        assertThat(r.getStatusCode().value()).isEqualTo(503);
        assertThat(r.getHeaders().getFirst("Retry-After")).isEqualTo("7");
        assertThat(r.getBody().getProperties()).containsEntry("code", "CIRCUIT_OPEN")
                .containsEntry("participant", "mall-points");
    }

    @Test
    void aRequestOverAHotParameterRuleAnswers429RateLimitedWithRetryAfter() {
        com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRule rule =
                new com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRule("checkout-per-user");
        io.mallpay.common.sentinel.BlockedException e = io.mallpay.common.sentinel.BlockedException.in(
                new com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowException("checkout-per-user", "17850", rule));

        org.springframework.http.ResponseEntity<ProblemDetail> r = handler.onBlocked(e);

        assertThat(r.getStatusCode().value()).isEqualTo(429);
        assertThat(r.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(r.getBody().getProperties()).containsEntry("code", "RATE_LIMITED");
    }
}
