package io.mallpay.common.seata;

import org.apache.seata.core.rpc.netty.AbstractNettyRemotingClient;
import org.apache.seata.core.rpc.netty.NettyPoolKey.TransactionRole;
import org.apache.seata.core.rpc.netty.SeataClientHooks;
import org.apache.seata.rm.DefaultResourceManager;

import java.util.List;

/**
 * Reads the registration state of this process's Seata TM and RM clients (never creates a client or
 * a connection). A client Seata has not created yet counts as not registered.
 */
public class SeataRegistrations {

    /** The TM: always required in a service with Seata enabled (every service may begin a global transaction). */
    public ClientRegistration tm() {
        return new ClientRegistration("TM", true, servers(TransactionRole.TMROLE));
    }

    /** The RM: required as soon as it manages a resource (an AT data source or a TCC action). */
    public ClientRegistration rm() {
        boolean required = !DefaultResourceManager.get().getManagedResources().isEmpty();
        return new ClientRegistration("RM", required, servers(TransactionRole.RMROLE));
    }

    private static List<String> servers(TransactionRole role) {
        AbstractNettyRemotingClient client = SeataClientHooks.existingClient(role);
        return client == null ? List.of() : SeataClientHooks.registeredServers(client);
    }
}
