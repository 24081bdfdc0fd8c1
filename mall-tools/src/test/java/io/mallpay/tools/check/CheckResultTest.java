package io.mallpay.tools.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CheckResultTest {

    static InvariantResult result(String name, Status status) {
        Findings f = new Findings(name, name + " proves something", "rows");
        f.checked(2);
        if (status == Status.FAIL) {
            f.fail("broken row", "id", 1L);
        } else if (status == Status.WARN) {
            f.warn("refund required", "payment_id", "P1");
        }
        return f.result();
    }

    static CheckResult of(Status... statuses) {
        List<InvariantResult> list = new java.util.ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            list.add(result("I" + i, statuses[i]));
        }
        return new CheckResult(Instant.parse("2026-01-10T12:00:00Z"), null, list);
    }

    @Test
    void exitsZeroOnlyWhenNothingFails() {
        assertThat(of(Status.PASS, Status.PASS).exitCode()).isZero();
        assertThat(of(Status.PASS, Status.WARN).exitCode()).isZero();
        assertThat(of(Status.PASS, Status.WARN).status()).isEqualTo(Status.WARN);
        assertThat(of(Status.WARN, Status.FAIL, Status.PASS).exitCode()).isEqualTo(1);
        assertThat(of(Status.WARN, Status.FAIL, Status.PASS).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void rendersAsJsonWithEveryInvariantAndItsRows() throws Exception {
        CheckResult r = new CheckResult(Instant.parse("2026-01-10T12:00:00Z"), Instant.parse("2026-01-10T11:00:00Z"),
                List.of(result("STOCK", Status.PASS), result("ORDERS_PAYMENTS", Status.FAIL)));

        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(r.toJson()));

        assertThat(json.path("checkedAt").asText()).isEqualTo("2026-01-10T12:00:00Z");
        assertThat(json.path("since").asText()).isEqualTo("2026-01-10T11:00:00Z");
        assertThat(json.path("status").asText()).isEqualTo("FAIL");
        assertThat(json.path("invariants")).hasSize(2);
        JsonNode failed = json.path("invariants").get(1);
        assertThat(failed.path("name").asText()).isEqualTo("ORDERS_PAYMENTS");
        assertThat(failed.path("status").asText()).isEqualTo("FAIL");
        assertThat(failed.path("checked").asLong()).isEqualTo(2);
        assertThat(failed.path("failures").asLong()).isEqualTo(1);
        assertThat(failed.path("rows").get(0).path("problem").asText()).isEqualTo("broken row");
        assertThat(failed.path("rows").get(0).path("values").path("id").asLong()).isEqualTo(1);
    }

    @Test
    void aMissingSinceIsNullInJson() {
        Map<String, Object> json = of(Status.PASS).toJson();

        assertThat(json).containsEntry("since", null).containsEntry("status", "PASS");
    }
}
