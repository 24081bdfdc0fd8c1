package io.mallpay.fund.account;

import io.mallpay.common.web.ProblemHandler;
import io.mallpay.fund.api.FundAccountClient.FundAccountResponse;
import io.mallpay.fund.api.FundAccountClient.OwnerType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Storefront API of {@code pay-fund} (public contract): a user's wallet. Errors are
 * {@code application/problem+json} with a {@code code} (see {@link ProblemHandler}).
 */
@RestController
@Tag(name = "wallet", description = "Users' wallet balances (pence)")
public class WalletController {

    private final FundAccountService accounts;

    public WalletController(FundAccountService accounts) {
        this.accounts = accounts;
    }

    /**
     * {@code GET /api/users/{userId}/wallet} → {@code {"ownerType":"USER","ownerId":"7","status":"ACTIVE",
     * "availableCents":5000,"incomingCents":0,"outgoingCents":1200}} in pence; 404
     * {@code UNKNOWN_FUND_ACCOUNT} if the user has no wallet.
     */
    @Operation(summary = "A user's wallet",
            description = "Pence; available can pay for orders, outgoing is held by payments being completed.")
    @ApiResponse(responseCode = "200", description = "the wallet")
    @ApiResponse(responseCode = "404", description = "UNKNOWN_FUND_ACCOUNT: the user has no wallet",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/users/{userId}/wallet")
    public FundAccountResponse wallet(@PathVariable("userId") long userId) {
        return accounts.view(OwnerType.USER, Long.toString(userId));
    }
}
