package io.mallpay.fund.tcc;

import org.apache.seata.core.model.BranchStatus;
import org.apache.seata.core.model.BranchType;
import org.apache.seata.core.model.Resource;
import org.apache.seata.rm.DefaultResourceManager;
import org.apache.seata.rm.tcc.TCCResource;
import org.apache.seata.rm.tcc.TCCResourceManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Seata's real {@link TCCResourceManager} with only its conversation with the TC replaced: branch
 * registration hands out ids locally and keeps the application data (the JSON action context the
 * interceptor built), resource registration stays in memory instead of going over the RM channel,
 * and reports are dropped. {@link #commit} and {@link #rollback} then call the inherited
 * {@code branchCommit}/{@code branchRollback} exactly as Seata's RM handler does when the TC
 * sends phase 2: same context parsing, same argument binding, same fence calls.
 */
final class InMemoryTc extends TCCResourceManager {

    private final Map<String, TCCResource> resources = new ConcurrentHashMap<>();
    private final Map<Long, String[]> branches = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(7_000_000_000L);
    /** Runs after a branch is registered and before its try body: where a late try gets overtaken. */
    private volatile LongConsumer afterRegister = id -> { };
    private volatile long lastBranch;

    /**
     * Installs this RM as the TCC resource manager of Seata's {@link DefaultResourceManager}.
     * Call {@link SeataClientEnvironment#prepare()} first, before any Seata RM class is loaded.
     */
    static InMemoryTc install() {
        InMemoryTc tc = new InMemoryTc();
        // the singleton loads Seata's own RMs when first created: create it before replacing one
        DefaultResourceManager.get();
        DefaultResourceManager.mockResourceManager(BranchType.TCC, tc);
        return tc;
    }

    @Override
    public void registerResource(Resource resource) {
        resources.put(resource.getResourceId(), (TCCResource) resource);
    }

    @Override
    public TCCResource getTCCResource(String resourceId) {
        return resources.get(resourceId);
    }

    @Override
    public Long branchRegister(BranchType branchType, String resourceId, String clientId, String xid,
                               String applicationData, String lockKeys) {
        long branchId = ids.incrementAndGet();
        branches.put(branchId, new String[] {xid, resourceId, applicationData});
        lastBranch = branchId;
        afterRegister.accept(branchId);
        return branchId;
    }

    @Override
    public void branchReport(BranchType branchType, String xid, long branchId, BranchStatus status, String applicationData) {
        // the TC would record the report; nothing here depends on it
    }

    void afterRegister(LongConsumer hook) {
        this.afterRegister = hook;
    }

    long lastBranch() {
        return lastBranch;
    }

    /** What the TC does on global commit, for one branch. */
    BranchStatus commit(long branchId) throws Exception {
        String[] b = branches.get(branchId);
        return branchCommit(BranchType.TCC, b[0], branchId, b[1], b[2]);
    }

    /** What the TC does on global rollback, for one branch. */
    BranchStatus rollback(long branchId) throws Exception {
        String[] b = branches.get(branchId);
        return branchRollback(BranchType.TCC, b[0], branchId, b[1], b[2]);
    }
}
