package io.mallpay.fund.topup;

import io.mallpay.fund.api.FundAccountClient;
import io.mallpay.fund.api.FundAccountClient.FundAccountResponse;
import io.mallpay.fund.api.FundAccountClient.TopUpRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves {@link FundAccountClient#topUp} (same path and body). Errors are problem+json:
 * {@code VALIDATION_FAILED} (400), {@code FUND_ACCOUNT_FROZEN} (409), {@code IDEMPOTENCY_KEY_REUSED} (422).
 */
@RestController
@Tag(name = "internal", description = "Service-to-service fund account operations, not for storefronts")
public class TopUpController {

    private final TopUpService topUps;

    public TopUpController(TopUpService topUps) {
        this.topUps = topUps;
    }

    /** See {@link FundAccountClient#topUp}: the wallet after the top-up; idempotent on topUpId. */
    @Operation(summary = "Add money to a user's wallet (idempotent per top-up id)")
    @PostMapping("/internal/fund/accounts/USER/{userId}/top-ups")
    public FundAccountResponse topUp(@PathVariable("userId") long userId, @RequestBody @Valid TopUpRequest request) {
        return topUps.topUp(userId, request.topUpId(), request.amountCents());
    }
}
