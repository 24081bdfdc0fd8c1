package io.mallpay.fund.tcc;

import io.mallpay.common.web.ApiException;
import io.mallpay.fund.api.FundAccountClient;
import io.mallpay.fund.api.FundAccountClient.FundCreditRequest;
import io.mallpay.fund.api.FundAccountClient.FundDebitRequest;
import io.mallpay.fund.api.FundAccountClient.FundTryResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.apache.seata.common.exception.FrameworkErrorCode;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.integration.tx.api.fence.exception.CommonFenceException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the TCC tries of {@link FundAccountClient} (same paths and bodies; it does not implement
 * the interface, whose {@code @FeignClient} would make it a Feign client candidate). The Seata
 * starter binds the caller's XID from the {@code TX_XID} header; calling the try on the proxied
 * action bean then registers the TCC branch with the TC. Errors are problem+json:
 * {@code NO_GLOBAL_TRANSACTION} (400: no XID), {@code VALIDATION_FAILED} (400),
 * {@code TCC_SUSPENDED} (409: the TC cancelled the branch before this try arrived), and the
 * account codes of {@link FundTccService}.
 */
@RestController
@Tag(name = "internal", description = "Service-to-service fund account operations, not for storefronts")
public class FundTccController {

    private final FundAccountCreditAction credit;
    private final FundAccountDebitAction debit;

    public FundTccController(FundAccountCreditAction credit, FundAccountDebitAction debit) {
        this.credit = credit;
        this.debit = debit;
    }

    /** See {@link FundAccountClient#credit}: 200 {@code {"status":"TRIED"}}. */
    @Operation(summary = "TCC try: reserve a credit to a merchant's fund account (inside a global transaction)")
    @PostMapping("/internal/fund/credits")
    public FundTryResponse credit(@RequestBody @Valid FundCreditRequest request) {
        String xid = requireGlobalTransaction();
        try {
            credit.tryCredit(null, request.paymentId(), request.merchantId(), request.amountCents());
        } catch (CommonFenceException e) {
            throw suspendedOr(e, xid, request.paymentId());
        }
        return FundTryResponse.tried();
    }

    /** See {@link FundAccountClient#debit}: 200 {@code {"status":"TRIED"}}. */
    @Operation(summary = "TCC try: reserve a debit of a user's wallet (inside a global transaction)")
    @PostMapping("/internal/fund/debits")
    public FundTryResponse debit(@RequestBody @Valid FundDebitRequest request) {
        String xid = requireGlobalTransaction();
        try {
            debit.tryDebit(null, request.paymentId(), request.userId(), request.amountCents());
        } catch (CommonFenceException e) {
            throw suspendedOr(e, xid, request.paymentId());
        }
        return FundTryResponse.tried();
    }

    /**
     * Without a global transaction there is no TC to confirm or cancel the branch later: the
     * reservation would stay in incoming/outgoing for ever, so refuse before touching anything.
     */
    private static String requireGlobalTransaction() {
        String xid = RootContext.getXID();
        if (xid == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "NO_GLOBAL_TRANSACTION",
                    "a fund try must run inside the caller's Seata global transaction (TX_XID header missing)");
        }
        return xid;
    }

    /**
     * Seata's fence refuses a try whose branch already has a fence row: the TC rolled the branch
     * back (e.g. the global transaction timed out) before this try arrived. Nothing was reserved;
     * other fence failures stay errors.
     */
    private static RuntimeException suspendedOr(CommonFenceException e, String xid, String paymentId) {
        if (e.getErrcode() == FrameworkErrorCode.DuplicateKeyException) {
            return new ApiException(HttpStatus.CONFLICT, "TCC_SUSPENDED", "global transaction " + xid
                    + " already rolled this branch back before its try for payment " + paymentId
                    + " arrived; nothing was reserved (retry the payment in a new global transaction)");
        }
        return e;
    }
}
