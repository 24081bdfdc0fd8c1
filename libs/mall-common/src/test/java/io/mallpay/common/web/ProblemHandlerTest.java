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
}
