package io.mallpay.fund;

import io.mallpay.fund.api.FundAccountClient.AccountStatus;
import io.mallpay.fund.api.FundAccountClient.FundAccountResponse;
import io.mallpay.fund.api.FundAccountClient.OwnerType;

/** Object Mother: the owners and account views the controller tests start from. */
public final class FundMother {

    public static final String MERCHANT = "M-ONLINE-RETAIL";
    public static final long USER = 7L;
    public static final String PAYMENT = "P2026112100000001";

    private FundMother() {
    }

    public static FundAccountResponse merchantAccount(long available, long incoming) {
        return new FundAccountResponse(OwnerType.MERCHANT, MERCHANT, AccountStatus.ACTIVE, available, incoming, 0);
    }

    public static FundAccountResponse wallet(AccountStatus status, long available, long outgoing) {
        return new FundAccountResponse(OwnerType.USER, Long.toString(USER), status, available, 0, outgoing);
    }
}
