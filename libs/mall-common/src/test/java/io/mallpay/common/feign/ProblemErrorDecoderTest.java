package io.mallpay.common.feign;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.Response;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemErrorDecoderTest {

    private final ProblemErrorDecoder decoder = new ProblemErrorDecoder(new ObjectMapper());

    private static Response response(int status, String body) {
        Request request = Request.create(Request.HttpMethod.POST, "http://mall-inventory/internal/stock/reservations",
                Map.of(), null, StandardCharsets.UTF_8, null);
        return Response.builder().status(status).request(request).headers(Map.of())
                .body(body, StandardCharsets.UTF_8).build();
    }

    @Test
    void problemBodyKeepsRemoteCodeAndStatus() {
        Exception e = decoder.decode("InventoryClient#reserve",
                response(409, "{\"type\":\"urn:mallpay:problem:OUT_OF_STOCK\",\"status\":409,"
                        + "\"detail\":\"sku 85123A: 2 available, 5 requested\",\"code\":\"OUT_OF_STOCK\"}"));

        assertThat(e).isInstanceOfSatisfying(RemoteApiException.class, r -> {
            assertThat(r.code()).isEqualTo("OUT_OF_STOCK");
            assertThat(r.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(r.getMessage()).isEqualTo("sku 85123A: 2 available, 5 requested");
        });
    }

    @Test
    void aServerErrorWithoutProblemBodyBecomesBadGateway() {
        Exception e = decoder.decode("InventoryClient#reserve", response(500, "<html>boom</html>"));

        assertThat(e).isInstanceOfSatisfying(RemoteApiException.class, r -> {
            assertThat(r.code()).isEqualTo("REMOTE_ERROR");
            assertThat(r.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        });
    }
}
