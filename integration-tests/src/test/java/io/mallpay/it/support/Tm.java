package io.mallpay.it.support;

import org.apache.seata.tm.TMClient;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;

/**
 * The test JVM as a real Seata TM (transaction manager) talking to the stack's TC: begins a global
 * transaction whose XID the test then hands to services in the {@code TX_XID} header, exactly as a
 * TM service's Feign calls do. Initialised once per JVM.
 */
public final class Tm {

    private static boolean started;

    private Tm() {
    }

    public static synchronized void init() {
        if (!started) {
            // Seata reads system properties before its file configuration (test resources file.conf).
            System.setProperty("service.default.grouplist", "127.0.0.1:" + Stack.get().port("SEATA_PORT"));
            TMClient.init("integration-tests", "it_tx_group");
            started = true;
        }
    }

    /** Begins a global transaction (not bound to the thread); roll it back or commit it yourself. */
    public static GlobalTransaction begin(String name, int timeoutMillis) throws Exception {
        init();
        GlobalTransaction tx = GlobalTransactionContext.createNew();
        tx.begin(timeoutMillis, name);
        return tx;
    }
}
