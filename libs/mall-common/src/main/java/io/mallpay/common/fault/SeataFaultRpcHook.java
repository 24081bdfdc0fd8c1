package io.mallpay.common.fault;

import org.apache.seata.core.protocol.RpcMessage;
import org.apache.seata.core.protocol.transaction.BranchRegisterRequest;
import org.apache.seata.core.rpc.hook.RpcHook;

/**
 * A Seata RPC hook (SPI, {@code META-INF/services/org.apache.seata.core.rpc.hook.RpcHook}) that
 * offers fault point {@code seata.after-branch-register.<resourceId>}: it fires in the thread that
 * registered a branch, after the TC answered and before the branch's work starts. Delaying a TCC
 * try there reproduces the classic suspension race — the branch exists, its global transaction
 * is rolled back and its cancel arrives before the try has run (Seata's fence must then refuse the
 * late try). Seata calls RPC hooks only for unbatched requests: services that need the point set
 * {@code seata.transport.enable-rm-client-batch-send-request: false}.
 */
public class SeataFaultRpcHook implements RpcHook {

    @Override
    public void doBeforeRequest(String remoteAddr, RpcMessage request) {
    }

    @Override
    public void doAfterResponse(String remoteAddr, RpcMessage request, Object response) {
        FaultInjection faults = FaultInjection.current();
        if (faults != null && request != null && request.getBody() instanceof BranchRegisterRequest r) {
            faults.hit("seata.after-branch-register." + r.getResourceId());
        }
    }
}
