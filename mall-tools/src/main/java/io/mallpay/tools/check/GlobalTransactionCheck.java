package io.mallpay.tools.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * DESIGN.md "Invariants", orders: no global transaction stays unfinished after the system drains.
 * Proves it from the TC itself: the Seata console lists no global session (any status: begun,
 * committing, rolling back, retrying) and no AT global lock. Each one left is a FAIL row with its
 * xid, status, application, transaction name, begin time and branches. Global: ignores {@code since}.
 */
final class GlobalTransactionCheck {

    static final String NAME = "GLOBAL_TRANSACTIONS";
    static final String DESCRIPTION = "the Seata TC lists no global session and no global lock";

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

    static InvariantResult run(SeataConsole.Reader console) throws IOException, InterruptedException {
        return evaluate(console.globalSessions(), console.globalLocks());
    }

    static InvariantResult evaluate(List<JsonNode> sessions, List<JsonNode> locks) {
        Findings f = new Findings(NAME, DESCRIPTION, "live sessions and locks");
        for (JsonNode s : sessions) {
            f.checked();
            f.fail("unfinished global transaction", "xid", s.path("xid").asText(),
                    "status", name(GLOBAL_STATUS, s.path("status").asInt(-1)),
                    "application", s.path("applicationId").asText(), "name", s.path("transactionName").asText(),
                    "begin_time", beginTime(s.path("beginTime").asText()), "branches", branches(s));
        }
        for (JsonNode l : locks) {
            f.checked();
            f.fail("global lock held", "xid", l.path("xid").asText(), "branch_id", l.path("branchId").asText(),
                    "resource", l.path("resourceId").asText(), "table", l.path("tableName").asText(),
                    "pk", l.path("pk").asText(), "row_key", l.path("rowKey").asText());
        }
        return f.result();
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
