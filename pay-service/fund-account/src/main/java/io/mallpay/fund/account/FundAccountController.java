package io.mallpay.fund.account;

import io.mallpay.fund.api.FundAccountClient;
import io.mallpay.fund.api.FundAccountClient.AccountStatusRequest;
import io.mallpay.fund.api.FundAccountClient.FundAccountResponse;
import io.mallpay.fund.api.FundAccountClient.OwnerType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the account reads and the operator's freeze of {@link FundAccountClient} (same paths and
 * bodies); it does not implement the interface because its {@code @FeignClient} annotation would
 * make this controller a Feign client candidate too. Errors are problem+json:
 * {@code VALIDATION_FAILED} (400: unknown owner type, bad body, non-numeric user id),
 * {@code UNKNOWN_FUND_ACCOUNT} (404).
 */
@RestController
@Tag(name = "internal", description = "Service-to-service fund account operations, not for storefronts")
public class FundAccountController {

    private final FundAccountService accounts;

    public FundAccountController(FundAccountService accounts) {
        this.accounts = accounts;
    }

    /** See {@link FundAccountClient#account}: balances in pence. */
    @Operation(summary = "A fund account's balances (pence)")
    @GetMapping("/internal/fund/accounts/{ownerType}/{ownerId}")
    public FundAccountResponse account(@PathVariable("ownerType") OwnerType ownerType,
                                       @PathVariable("ownerId") String ownerId) {
        return accounts.view(ownerType, ownerId);
    }

    /** See {@link FundAccountClient#changeStatus}: freeze or reactivate; idempotent. */
    @Operation(summary = "Freeze or reactivate a fund account (operator)")
    @PutMapping("/internal/fund/accounts/{ownerType}/{ownerId}/status")
    public FundAccountResponse changeStatus(@PathVariable("ownerType") OwnerType ownerType,
                                            @PathVariable("ownerId") String ownerId,
                                            @RequestBody @Valid AccountStatusRequest request) {
        return accounts.changeStatus(ownerType, ownerId, request.status());
    }
}
