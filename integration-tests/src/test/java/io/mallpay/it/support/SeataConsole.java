package io.mallpay.it.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real Seata console's HTTP API, logged in with the stack's generated credentials. */
public final class SeataConsole {

    private final String base;
    private final String token;

    public SeataConsole() {
        Stack s = Stack.get();
        base = "http://127.0.0.1:" + s.port("SEATA_CONSOLE_PORT");
        var r = Stack.postJson(base + "/api/v1/auth/login", "{\"username\":\"" + s.env("SEATA_CONSOLE_USERNAME")
                + "\",\"password\":\"" + s.env("SEATA_CONSOLE_PASSWORD") + "\"}", Map.of());
        token = Stack.readJson(r.body()).get("data").asText();
    }

    /** Live global sessions, with their branches. */
    public List<JsonNode> globalSessions() {
        return page("/api/v1/console/globalSession/query?withBranch=true&pageSize=100&pageNum=");
    }

    /**
     * Live global sessions begun at or after {@code epochMillis} (the TC's {@code beginTime}, same
     * machine clock): a test's own sessions, never one left retrying by an earlier test.
     */
    public List<JsonNode> globalSessionsBegunSince(long epochMillis) {
        return globalSessions().stream().filter(s -> s.path("beginTime").asLong() >= epochMillis).toList();
    }

    /** AT global locks held right now. */
    public List<JsonNode> globalLocks() {
        return page("/api/v1/console/globalLock/query?pageSize=100&pageNum=");
    }

    private List<JsonNode> page(String path) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; page < 100; page++) {
            JsonNode body = Stack.readJson(Stack.get(base + path + page, Map.of("Authorization", token)).body());
            if (!body.path("success").asBoolean()) {
                throw new AssertionError("console query failed: " + body);
            }
            body.path("data").forEach(all::add);
            if (body.path("data").size() < 100) {
                break;
            }
        }
        return all;
    }
}
