package io.mallpay.tools.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DESIGN.md "Invariants", orders: no global transaction stays unfinished after the system drains.
 * Proves it from the TC itself (its console): every live global session is judged by
 * {@link UnfinishedRule} (in flight: fine; past its timeout + grace, failed, or begun by a run
 * that has settled: a FAIL row with its xid, status, application, transaction name, begin time,
 * branches and the reason), and every AT global lock by its session (held by an unfinished
 * session, or by none at all: a FAIL row). A session in flight and its locks are counted, not
 * reported. Global: ignores {@code since}.
 */
final class GlobalTransactionCheck {

    static final String NAME = "GLOBAL_TRANSACTIONS";
    static final String DESCRIPTION = "no global session outlives its timeout + the TC's retry grace, and no global"
            + " lock belongs to such a session or to none";

    /** Seata 2.x GlobalStatus and BranchStatus names by code (org.apache.seata.core.model). */
    private static final String[] GLOBAL_STATUS = {"UnKnown", "Begin", "Committing", "CommitRetrying", "Rollbacking",
        "RollbackRetrying", "TimeoutRollbacking", "TimeoutRollbackRetrying", "AsyncCommitting", "Committed",
        "CommitFailed", "Rollbacked", "RollbackFailed", "TimeoutRollbacked", "TimeoutRollbackFailed", "Finished",
        "CommitRetryTimeout", "RollbackRetryTimeout"};
    private static final String[] BRANCH_STATUS = {"Unknown", "Registered", "PhaseOne_Done", "PhaseOne_Failed",
        "PhaseOne_Timeout", "PhaseTwo_Committed", "PhaseTwo_CommitFailed_Retryable",
        "PhaseTwo_CommitFailed_Unretryable", "PhaseTwo_Rollbacked", "PhaseTwo_RollbackFailed_Retryable",
        "PhaseTwo_RollbackFailed_Unretryable"};

    private GlobalTransactionCheck() {
    }

    /**
     * Reads the locks, the sessions, and (only when a lock's xid has no session) the locks again:
     * the TC releases a session's locks before it drops the session, so a lock listed both before
     * and after the session read whose xid is not among the sessions has no session at all (Seata
     * 2.0 can leak such locks, see README "A TC restart"); a lock seen only once without its session
     * belongs to one that just ended or just began. {@code rule} judges the sessions.
     */
    static InvariantResult run(SeataConsole.Reader console, UnfinishedRule rule)
            throws IOException, InterruptedException {
        List<JsonNode> before = console.globalLocks();
        List<JsonNode> sessions = console.globalSessions();
        Set<String> xids = xids(sessions);
        boolean unexplained = before.stream().anyMatch(l -> !xids.contains(l.path("xid").asText()));
        return evaluate(before, sessions, unexplained ? console.globalLocks() : before, rule);
    }

    /**
     * The verdict on one reading: {@code locksBefore} read before {@code sessions}, {@code locksAfter}
     * after them (the same list when no second read was needed).
     */
    static InvariantResult evaluate(List<JsonNode> locksBefore, List<JsonNode> sessions, List<JsonNode> locksAfter,
                                    UnfinishedRule rule) {
        Findings f = new Findings(NAME, DESCRIPTION, "live sessions and locks");
        Map<String, String> unfinished = new HashMap<>();
        for (JsonNode s : sessions) {
            f.checked();
            String why = rule.why(s);
            if (why != null) {
                unfinished.put(s.path("xid").asText(), why);
                f.fail("unfinished global transaction", "xid", s.path("xid").asText(),
                        "status", name(GLOBAL_STATUS, s.path("status").asInt(-1)),
                        "application", s.path("applicationId").asText(), "name", s.path("transactionName").asText(),
                        "begin_time", beginTime(s.path("beginTime").asText()), "branches", branches(s),
                        "reason", why);
            }
        }
        Set<String> live = xids(sessions);
        Set<String> seenBefore = new HashSet<>();
        locksBefore.forEach(l -> seenBefore.add(lockKey(l)));
        for (JsonNode l : locksAfter) {
            f.checked();
            String xid = l.path("xid").asText();
            String why = live.contains(xid) ? unfinished.get(xid)
                    : seenBefore.contains(lockKey(l)) ? "no live session holds it" : null;
            if (why != null) {
                f.fail("global lock held", "xid", xid, "branch_id", l.path("branchId").asText(),
                        "resource", l.path("resourceId").asText(), "table", l.path("tableName").asText(),
                        "pk", l.path("pk").asText(), "row_key", l.path("rowKey").asText(), "reason", why);
            }
        }
        return f.result();
    }

    private static Set<String> xids(List<JsonNode> sessions) {
        Set<String> xids = new HashSet<>();
        sessions.forEach(s -> xids.add(s.path("xid").asText()));
        return xids;
    }

    private static String lockKey(JsonNode lock) {
        return lock.path("xid").asText() + " " + lock.path("rowKey").asText();
    }

    /** "resource TCC PhaseOne_Done; ..." for each branch of the session. */
    static String branches(JsonNode session) {
        List<String> out = new ArrayList<>();
        for (JsonNode b : session.path("branchSessionVOs")) {
            out.add(b.path("resourceId").asText() + " " + b.path("branchType").asText() + " "
                    + name(BRANCH_STATUS, b.path("status").asInt(-1))
                    + " (branch " + b.path("branchId").asText() + ")");
        }
        return String.join("; ", out);
    }

    static String name(String[] names, int code) {
        return code >= 0 && code < names.length ? names[code] + "(" + code + ")" : "status " + code;
    }

    /** The console's epoch milliseconds as an ISO instant; the raw text if it is not a number. */
    private static String beginTime(String millis) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis)).toString();
        } catch (NumberFormatException e) {
            return millis;
        }
    }
}
