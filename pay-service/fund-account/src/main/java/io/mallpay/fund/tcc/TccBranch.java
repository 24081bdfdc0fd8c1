package io.mallpay.fund.tcc;

import org.apache.seata.rm.tcc.api.BusinessActionContext;

/**
 * What phase 2 of a fund branch needs, read back from the {@link BusinessActionContext} the TC
 * hands over: the context travels as JSON, so numbers come back as {@code Integer} or {@code Long}
 * depending on their size and are read through {@link Number}.
 *
 * @param amountCents pence the try reserved
 */
public record TccBranch(String xid, long branchId, String paymentId, long amountCents) {

    static final String PAYMENT_ID = "paymentId";
    static final String AMOUNT_CENTS = "amountCents";

    public static TccBranch of(BusinessActionContext context) {
        Object payment = context.getActionContext(PAYMENT_ID);
        Object amount = context.getActionContext(AMOUNT_CENTS);
        if (payment == null || !(amount instanceof Number n)) {
            throw new IllegalStateException("branch " + context.getBranchId() + " of " + context.getXid()
                    + " lacks its try arguments: " + context.getActionContext());
        }
        return new TccBranch(context.getXid(), context.getBranchId(), payment.toString(), n.longValue());
    }
}
