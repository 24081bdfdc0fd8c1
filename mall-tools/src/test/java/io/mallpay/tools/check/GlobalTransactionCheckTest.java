package io.mallpay.tools.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalTransactionCheckTest {

    /** One session as the Seata 2.1 console lists it (trimmed). */
    private static final String SESSION = """
            {"xid":"192.0.2.2:8091:9854283428858072","transactionId":"9854283428858072","status":5,
             "applicationId":"pay-payment","transactionServiceGroup":"mall_tx_group","transactionName":"pay-complete",
             "timeout":"30000","beginTime":"1795244838219",
             "branchSessionVOs":[{"xid":"192.0.2.2:8091:9854283428858072","branchId":"9854283428858075",
               "resourceId":"points-reward","branchType":"TCC","status":1}]}
            """;
    private static final String LOCK = """
            {"xid":"192.0.2.2:8091:77","transactionId":"77","branchId":"78","resourceId":"jdbc:mysql://h/mall_order",
             "tableName":"orders","pk":"1045","rowKey":"jdbc:mysql://h/mall_order^^^orders^^^1045"}
            """;

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void anIdleCoordinatorPasses() {
        InvariantResult r = GlobalTransactionCheck.evaluate(List.of(), List.of());

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.checked()).isZero();
    }

    @Test
    void everyLiveSessionFailsWithItsStatusApplicationBeginAndBranches() throws Exception {
        InvariantResult r = GlobalTransactionCheck.evaluate(List.of(json(SESSION)), List.of());

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.rows()).singleElement().satisfies(v -> {
            assertThat(v.problem()).isEqualTo("unfinished global transaction");
            assertThat(v.values()).containsEntry("xid", "192.0.2.2:8091:9854283428858072")
                    .containsEntry("status", "RollbackRetrying(5)").containsEntry("application", "pay-payment")
                    .containsEntry("name", "pay-complete").containsEntry("begin_time", "2026-11-21T07:07:18.219Z")
                    .containsEntry("branches", "points-reward TCC Registered(1) (branch 9854283428858075)");
        });
    }

    @Test
    void everyHeldLockFails() throws Exception {
        InvariantResult r = GlobalTransactionCheck.evaluate(List.of(), List.of(json(LOCK)));

        assertThat(r.rows()).singleElement().satisfies(v -> assertThat(v.values())
                .containsEntry("xid", "192.0.2.2:8091:77").containsEntry("table", "orders")
                .containsEntry("pk", "1045"));
    }

    @Test
    void unknownStatusCodesStayReadable() {
        assertThat(GlobalTransactionCheck.name(new String[]{"A"}, 7)).isEqualTo("status 7");
        assertThat(GlobalTransactionCheck.name(new String[]{"A"}, 0)).isEqualTo("A(0)");
    }
}
