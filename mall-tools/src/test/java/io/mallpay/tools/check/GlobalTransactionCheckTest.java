package io.mallpay.tools.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** GLOBAL_TRANSACTIONS from fixture rows shaped like the Seata console's answers (no server). */
class GlobalTransactionCheckTest {

    /** The check's "now"; fixture sessions begin relative to it. */
    private static final Instant NOW = Instant.parse("2026-11-21T07:17:18.219Z");

    /** One session as the Seata 2.x console lists it (trimmed), stuck in RollbackRetrying for 10 minutes. */
    private static final String STUCK = """
            {"xid":"192.0.2.2:8091:9854283428858072","transactionId":"9854283428858072","status":5,
             "applicationId":"pay-payment","transactionServiceGroup":"mall_tx_group","transactionName":"pay-complete",
             "timeout":"30000","beginTime":"1795244838219",
             "branchSessionVOs":[{"xid":"192.0.2.2:8091:9854283428858072","branchId":"9854283428858075",
               "resourceId":"points-reward","branchType":"TCC","status":1}]}
            """;

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A session of {@code name} in {@code status}, begun {@code age} before NOW with {@code timeoutMs}. */
    private static JsonNode session(String xid, int status, String name, Duration age, long timeoutMs) {
        return json("""
                {"xid":"%s","status":%d,"applicationId":"mall-order","transactionName":"%s",
                 "timeout":"%d","beginTime":"%d","branchSessionVOs":[]}
                """.formatted(xid, status, name, timeoutMs, NOW.minus(age).toEpochMilli()));
    }

    private static JsonNode lock(String xid, String pk) {
        return json("""
                {"xid":"%s","transactionId":"1","branchId":"78","resourceId":"jdbc:mysql://h/mall_order",
                 "tableName":"orders","pk":"%s","rowKey":"jdbc:mysql://h/mall_order^^^orders^^^%s"}
                """.formatted(xid, pk, pk));
    }

    private static InvariantResult judge(List<JsonNode> sessions, List<JsonNode> locks) {
        return GlobalTransactionCheck.evaluate(locks, sessions, locks, new UnfinishedRule(NOW, null));
    }

    @Test
    void anIdleCoordinatorPasses() {
        InvariantResult r = judge(List.of(), List.of());

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.checked()).isZero();
    }

    @Test
    void theTimeoutJobsFreshSessionsAndTheirLocksAreInFlightNotUnfinished() {
        // what failed freeze-points and freeze-fund: mall-order-cancel begun seconds before the check
        List<JsonNode> sessions = List.of(session("x:1", 1, "mall-order-cancel", Duration.ofSeconds(2), 60_000),
                session("x:2", 8, "mall-order-cancel", Duration.ofSeconds(9), 60_000),
                session("x:3", 3, "mall-checkout", Duration.ofSeconds(65), 60_000));

        InvariantResult r = judge(sessions, List.of(lock("x:1", "7"), lock("x:3", "8")));

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.checked()).isEqualTo(5);
        assertThat(r.rows()).isEmpty();
    }

    @Test
    void aSessionStuckPastItsTimeoutAndGraceFailsWithItsStatusApplicationBeginAndBranches() {
        InvariantResult r = judge(List.of(json(STUCK)), List.of());

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.rows()).singleElement().satisfies(v -> {
            assertThat(v.problem()).isEqualTo("unfinished global transaction");
            assertThat(v.values()).containsEntry("xid", "192.0.2.2:8091:9854283428858072")
                    .containsEntry("status", "RollbackRetrying(5)").containsEntry("application", "pay-payment")
                    .containsEntry("name", "pay-complete").containsEntry("begin_time", "2026-11-21T07:07:18.219Z")
                    .containsEntry("branches", "points-reward TCC Registered(1) (branch 9854283428858075)");
            assertThat(v.values().get("reason").toString()).contains("past its timeout (30000 ms)");
        });
    }

    @Test
    void theDeadlineIsBeginPlusTimeoutPlusGraceToTheMillisecond() {
        Duration justInside = Duration.ofMillis(60_000).plus(UnfinishedRule.GRACE).minusMillis(1);
        Duration justPast = Duration.ofMillis(60_000).plus(UnfinishedRule.GRACE);

        assertThat(judge(List.of(session("x:1", 1, "mall-checkout", justInside, 60_000)), List.of()).status())
                .isEqualTo(Status.PASS);
        assertThat(judge(List.of(session("x:1", 1, "mall-checkout", justPast, 60_000)), List.of()).status())
                .isEqualTo(Status.FAIL);
    }

    @Test
    void aSessionLeftCommittingOrRollbackingHasUntilTheTcsRetryDeadThreshold() {
        Duration pastTimeout = Duration.ofSeconds(90);
        Duration pastThreshold = UnfinishedRule.TC_RETRY_DEAD_THRESHOLD.plus(UnfinishedRule.GRACE);

        for (int status : new int[]{2, 4}) {
            assertThat(judge(List.of(session("x:1", status, "mall-checkout", pastTimeout, 60_000)), List.of())
                    .status()).as("status %d at 90 s", status).isEqualTo(Status.PASS);
            assertThat(judge(List.of(session("x:1", status, "mall-checkout", pastThreshold, 60_000)), List.of())
                    .status()).as("status %d past the threshold", status).isEqualTo(Status.FAIL);
        }
        // a retrying one is retried every period: its own timeout + grace is all it gets
        assertThat(judge(List.of(session("x:1", 3, "mall-checkout", pastTimeout, 60_000)), List.of()).status())
                .isEqualTo(Status.FAIL);
    }

    @Test
    void aRunThatSettledCountsEverySessionItBeganStillListedWhateverItsAge() {
        Instant runEnded = NOW.minusSeconds(20);
        List<JsonNode> sessions = List.of(session("x:old", 1, "mall-checkout", Duration.ofSeconds(25), 60_000),
                session("x:new", 1, "mall-order-cancel", Duration.ofSeconds(5), 60_000));

        InvariantResult r = GlobalTransactionCheck.evaluate(List.of(), sessions, List.of(),
                new UnfinishedRule(NOW, runEnded));

        assertThat(r.rows()).singleElement().satisfies(v -> {
            assertThat(v.values()).containsEntry("xid", "x:old");
            assertThat(v.values().get("reason").toString()).contains("begun before the run ended");
        });
    }

    @Test
    void aSessionThatEndedBadlyOrCannotBeAgedFailsAtOnce() {
        JsonNode failed = session("x:f", 12, "mall-checkout", Duration.ofSeconds(1), 60_000);
        JsonNode ageless = json("""
                {"xid":"x:a","status":1,"applicationId":"mall-order","transactionName":"mall-checkout",
                 "timeout":"60000","beginTime":"","branchSessionVOs":[]}
                """);

        InvariantResult r = judge(List.of(failed, ageless), List.of());

        assertThat(r.rows()).extracting(v -> v.values().get("xid")).containsExactly("x:f", "x:a");
        assertThat(r.rows().get(0).values()).containsEntry("status", "RollbackFailed(12)");
    }

    @Test
    void aLockFailsWhenItsSessionIsUnfinishedOrWhenNoSessionHoldsItInEitherRead() {
        JsonNode stuck = session("x:stuck", 5, "mall-checkout", Duration.ofMinutes(10), 60_000);
        JsonNode young = session("x:young", 1, "mall-checkout", Duration.ofSeconds(1), 60_000);
        List<JsonNode> before = List.of(lock("x:stuck", "1"), lock("x:young", "2"), lock("x:orphan", "3"),
                lock("x:ended", "4"));
        List<JsonNode> after = List.of(lock("x:stuck", "1"), lock("x:young", "2"), lock("x:orphan", "3"),
                lock("x:begun", "5"));

        InvariantResult r = GlobalTransactionCheck.evaluate(before, List.of(stuck, young), after,
                new UnfinishedRule(NOW, null));

        assertThat(r.rows()).filteredOn(v -> v.problem().equals("global lock held"))
                .extracting(v -> v.values().get("pk")).containsExactly("1", "3");
        assertThat(r.rows()).filteredOn(v -> "3".equals(v.values().get("pk"))).singleElement()
                .satisfies(v -> assertThat(v.values()).containsEntry("table", "orders")
                        .containsEntry("reason", "no live session holds it"));
    }

    @Test
    void runReadsTheLocksAgainOnlyWhenALockHasNoSession() throws Exception {
        JsonNode young = session("x:young", 1, "mall-checkout", Duration.ofSeconds(1), 60_000);
        CannedConsole explained = new CannedConsole(List.of(young), List.of(lock("x:young", "2")));
        CannedConsole unexplained = new CannedConsole(List.of(young), List.of(lock("x:ended", "4")), List.of());

        InvariantResult one = GlobalTransactionCheck.run(explained, new UnfinishedRule(NOW, null));
        InvariantResult two = GlobalTransactionCheck.run(unexplained, new UnfinishedRule(NOW, null));

        assertThat(explained.calls).containsExactly("locks", "sessions");
        assertThat(one.status()).isEqualTo(Status.PASS);
        assertThat(unexplained.calls).containsExactly("locks", "sessions", "locks");
        assertThat(two.status()).as("the lock of a session that ended between the reads").isEqualTo(Status.PASS);
    }

    @Test
    void onlySessionsBegunBeforeAnInstantAreWhatARunLeft() {
        Instant replayEnd = NOW.minusSeconds(10);

        assertThat(UnfinishedRule.begunBefore(session("x:1", 1, "c", Duration.ofSeconds(11), 60_000), replayEnd))
                .isTrue();
        assertThat(UnfinishedRule.begunBefore(session("x:2", 1, "c", Duration.ofSeconds(9), 60_000), replayEnd))
                .isFalse();
        assertThat(UnfinishedRule.begunBefore(json("{\"xid\":\"x:3\"}"), replayEnd)).isTrue();
    }

    @Test
    void theTcSettingsTheGraceIsBuiltOnAreTheOnesTheStackRuns() throws Exception {
        String yml = Files.readString(Path.of("..", "seata-server-config", "application.yml"));

        assertThat(setting(yml, "retry-dead-threshold")).isEqualTo(UnfinishedRule.TC_RETRY_DEAD_THRESHOLD.toMillis());
        for (String period : List.of("committing-retry-period", "async-committing-retry-period",
                "rollbacking-retry-period", "timeout-retry-period")) {
            assertThat(setting(yml, period)).as(period).isEqualTo(UnfinishedRule.TC_RETRY_PERIOD.toMillis());
        }
        assertThat(UnfinishedRule.GRACE).isGreaterThanOrEqualTo(UnfinishedRule.TC_RETRY_PERIOD.multipliedBy(3));
    }

    @Test
    void unknownStatusCodesStayReadable() {
        assertThat(GlobalTransactionCheck.name(new String[]{"A"}, 7)).isEqualTo("status 7");
        assertThat(GlobalTransactionCheck.name(new String[]{"A"}, 0)).isEqualTo("A(0)");
    }

    private static long setting(String yml, String key) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + ":\\s*(\\d+)\\s*$").matcher(yml);
        assertThat(m.find()).as(key + " in application.yml").isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Answers the sessions, then each lock list in turn (the last one again when they run out). */
    private static final class CannedConsole implements SeataConsole.Reader {
        final List<String> calls = new ArrayList<>();
        private final List<JsonNode> sessions;
        private final Deque<List<JsonNode>> locks;

        @SafeVarargs
        CannedConsole(List<JsonNode> sessions, List<JsonNode>... locks) {
            this.sessions = sessions;
            this.locks = new ArrayDeque<>(List.of(locks));
        }

        @Override
        public List<JsonNode> globalSessions() {
            calls.add("sessions");
            return sessions;
        }

        @Override
        public List<JsonNode> globalLocks() {
            calls.add("locks");
            return locks.size() > 1 ? locks.poll() : locks.peek();
        }
    }
}
