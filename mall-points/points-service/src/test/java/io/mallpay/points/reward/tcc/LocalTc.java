package io.mallpay.points.reward.tcc;

import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.model.BranchStatus;
import org.apache.seata.core.model.BranchType;
import org.apache.seata.core.model.Resource;
import org.apache.seata.rm.tcc.TCCResourceManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Seata's real {@link TCCResourceManager} with its three calls to the TC answered locally: resources
 * are registered in memory, a branch registration hands out the next branch id and keeps the
 * application data (the try's action context as JSON), reports are dropped. {@link #commit} and
 * {@link #rollback} then play the TC's phase 2 through the unchanged {@code branchCommit} /
 * {@code branchRollback}. One branch per xid, as in the tests.
 */
final class LocalTc extends TCCResourceManager {

    private final AtomicLong nextBranchId = new AtomicLong(7000);
    private final Map<String, Branch> branches = new ConcurrentHashMap<>();
    /** Runs right after a registration, before the try itself: lets a test play a racing TC. */
    volatile Consumer<String> onRegister = xid -> { };

    private record Branch(long id, String resourceId, String applicationData) {
    }

    @Override
    public void registerResource(Resource resource) {
        getManagedResources().put(resource.getResourceId(), resource);
    }

    @Override
    public Long branchRegister(BranchType branchType, String resourceId, String clientId, String xid,
                               String applicationData, String lockKeys) {
        long id = nextBranchId.incrementAndGet();
        branches.put(xid, new Branch(id, resourceId, applicationData));
        onRegister.accept(xid);
        return id;
    }

    @Override
    public void branchReport(BranchType branchType, String xid, long branchId, BranchStatus status, String applicationData) {
        // nothing to report to: the context is not updated after registration
    }

    BranchStatus commit(String xid) throws TransactionException {
        Branch b = branches.get(xid);
        return branchCommit(BranchType.TCC, xid, b.id(), b.resourceId(), b.applicationData());
    }

    BranchStatus rollback(String xid) {
        Branch b = branches.get(xid);
        try {
            return branchRollback(BranchType.TCC, xid, b.id(), b.resourceId(), b.applicationData());
        } catch (TransactionException e) {
            throw new IllegalStateException(e);
        }
    }
}
