package io.mallpay.pay.completion;

import io.mallpay.common.fault.FaultInjection;
import io.mallpay.fund.api.FundAccountClient;
import io.mallpay.fund.api.FundAccountClient.FundCreditRequest;
import io.mallpay.fund.api.FundAccountClient.FundDebitRequest;
import io.mallpay.points.api.PointsClient;
import io.mallpay.points.api.PointsClient.PointsRewardRequest;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The payment-completion global transaction (DESIGN.md flow 3; seeds 000/001 {@code completeOrder}):
 * mark the payment PAID with its notification row (local AT branch), debit the user's wallet for a
 * WALLET payment (TCC {@code fund-debit}), credit the merchant's fund account with the amount less
 * commission (TCC {@code fund-credit}), grant reward points (TCC {@code points-reward} on
 * mall-points). Any failure rolls every branch back: the payment is PENDING again, tried amounts
 * are cancelled, nothing is left half done. The local branch goes first so that a duplicate
 * completion fails before it tries anything. Timeout 30 s.
 */
@Component
public class CompletionTransaction {

    private static final Logger log = LoggerFactory.getLogger(CompletionTransaction.class);

    private final PaidMarker paid;
    private final FundAccountClient funds;
    private final PointsClient points;
    private final FaultInjection faults;

    public CompletionTransaction(PaidMarker paid, FundAccountClient funds, PointsClient points, FaultInjection faults) {
        this.paid = paid;
        this.funds = funds;
        this.points = points;
        this.faults = faults;
    }

    /** @return the XID of the committed global transaction */
    @GlobalTransactional(name = "pay-complete", timeoutMills = 30_000, rollbackFor = Throwable.class)
    public String run(CompletionCommand c) {
        String xid = RootContext.getXID();
        log.info("completing payment {} ({} {}p, commission {}p, {} points)", c.paymentId(), c.method(),
                c.amountCents(), c.commissionCents(), c.rewardPoints());
        paid.markPaid(c, xid);
        if (c.wallet()) {
            funds.debit(new FundDebitRequest(c.paymentId(), c.userId(), c.amountCents()));
        }
        if (c.merchantNetCents() > 0) {
            funds.credit(new FundCreditRequest(c.paymentId(), c.merchantId(), c.merchantNetCents()));
        }
        if (c.rewardPoints() > 0) {
            points.reward(new PointsRewardRequest(c.paymentId(), c.orderId(), c.userId(), c.rewardPoints()));
        }
        faults.hit("pay.completion.before-global-commit");
        return xid;
    }
}
