package io.mallpay.fund.tcc;

import io.mallpay.common.fault.FaultInjection;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Fault points that fire once a TCC phase's local transaction (the fence's) has committed: the
 * phase is done in the database but the TC has not heard back yet. A HALT there makes the TC
 * deliver the same confirm or cancel again after the restart, which the fence must absorb.
 */
@Component
public class AfterCommitFaults {

    private final FaultInjection faults;

    public AfterCommitFaults(FaultInjection faults) {
        this.faults = faults;
    }

    public void hit(String point) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    faults.hit(point);
                }
            });
        } else {
            faults.hit(point);
        }
    }
}
