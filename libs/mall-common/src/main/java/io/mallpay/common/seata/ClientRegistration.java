package io.mallpay.common.seata;

import java.util.List;

/**
 * Whether one Seata client role (TM or RM) of this service is registered with a TC.
 *
 * @param role     {@code TM} or {@code RM}
 * @param required false for an RM that manages no resource (it never connects to a TC)
 * @param servers  TC addresses ({@code ip:port}) holding a live registered channel; empty = none
 */
public record ClientRegistration(String role, boolean required, List<String> servers) {

    /** True when the role is registered with at least one TC or is not needed at all. */
    public boolean ok() {
        return !required || !servers.isEmpty();
    }
}
