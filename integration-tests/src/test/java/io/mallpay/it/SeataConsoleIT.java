package io.mallpay.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Stack;
import io.mallpay.it.support.Tm;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real Seata TC 2.0.0 and its console: login with the generated (non-default) credentials, a
 * global transaction begun by a real TM is listed by the console's global session query while it
 * is open, and is gone once rolled back.
 */
class SeataConsoleIT {

    private static final Stack STACK = Stack.get();
    private static String console;

    @BeforeAll
    static void tm() {
        console = "http://127.0.0.1:" + STACK.port("SEATA_CONSOLE_PORT");
        Tm.init();
    }

    static String login(String user, String password) {
        var r = Stack.postJson(console + "/api/v1/auth/login",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", Map.of());
        JsonNode body = Stack.readJson(r.body());
        return body.path("success").asBoolean() ? body.get("data").asText() : null;
    }

    @Test
    void consoleRefusesTheDefaultAndWrongCredentials() {
        assertThat(login("seata", "seata")).isNull();
        assertThat(login(STACK.env("SEATA_CONSOLE_USERNAME"), "wrong")).isNull();
        var r = Stack.get(console + "/api/v1/console/globalSession/query?pageNum=1&pageSize=10");
        assertThat(r.statusCode()).isIn(401, 403);
    }

    @Test
    void anOpenGlobalTransactionIsListedThenGoneAfterRollback() throws Exception {
        String token = login(STACK.env("SEATA_CONSOLE_USERNAME"), STACK.env("SEATA_CONSOLE_PASSWORD"));
        assertThat(token).startsWith("Bearer ");

        GlobalTransaction tx = GlobalTransactionContext.getCurrentOrCreate();
        tx.begin(60_000, "it-console-probe");
        String xid = tx.getXid();
        try {
            assertThat(xid).contains(":" + STACK.port("SEATA_PORT") + ":");
            JsonNode session = findSession(token, xid);
            assertThat(session).as("global session %s in the console", xid).isNotNull();
            assertThat(session.get("transactionName").asText()).isEqualTo("it-console-probe");
            assertThat(session.get("applicationId").asText()).isEqualTo("integration-tests");
            assertThat(session.get("status").asText()).isIn("1", "Begin");
        } finally {
            tx.rollback();
        }
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(findSession(token, xid)).isNull());

        var locks = Stack.get(console + "/api/v1/console/globalLock/query?pageNum=1&pageSize=10",
                Map.of("Authorization", token));
        assertThat(Stack.readJson(locks.body()).path("success").asBoolean()).isTrue();
    }

    private static JsonNode findSession(String token, String xid) {
        var r = Stack.get(console + "/api/v1/console/globalSession/query?pageNum=1&pageSize=100&xid=" + Stack.enc(xid),
                Map.of("Authorization", token));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Stack.readJson(r.body());
        assertThat(body.path("success").asBoolean()).isTrue();
        return StreamSupport.stream(body.path("data").spliterator(), false)
                .filter(s -> xid.equals(s.path("xid").asText()))
                .findFirst().orElse(null);
    }
}
