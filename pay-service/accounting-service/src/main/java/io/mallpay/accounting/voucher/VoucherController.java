package io.mallpay.accounting.voucher;

import io.mallpay.common.web.ProblemHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator API of {@code pay-accounting}: the vouchers booked so far. Read-only. Errors are
 * {@code application/problem+json} with a {@code code} (see {@link ProblemHandler}).
 */
@RestController
@Tag(name = "vouchers", description = "Double-entry vouchers, one per paid payment (amounts in pence)")
public class VoucherController {

    private final VoucherService vouchers;

    public VoucherController(VoucherService vouchers) {
        this.vouchers = vouchers;
    }

    /**
     * {@code GET /api/accounting/vouchers/{paymentId}} → the payment's voucher with its lines;
     * 404 {@code UNKNOWN_VOUCHER} if the payment has not been booked (yet).
     */
    @Operation(summary = "The voucher of a payment")
    @ApiResponse(responseCode = "200", description = "the voucher and its lines")
    @ApiResponse(responseCode = "404", description = "UNKNOWN_VOUCHER: the payment has no voucher (yet)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/accounting/vouchers/{paymentId}")
    public VoucherResponse voucher(@PathVariable("paymentId") String paymentId) {
        return vouchers.find(paymentId);
    }

    /**
     * {@code GET /api/accounting/vouchers?limit=100&afterId=0} → {@code {vouchers:[…], nextAfterId}},
     * vouchers with an id above {@code afterId} in id order; pass {@code nextAfterId} to get the next
     * page (null at the end). 400 {@code VALIDATION_FAILED} unless 1 ≤ limit ≤ 1000 and afterId ≥ 0.
     */
    @Operation(summary = "Vouchers in id order (keyset paging)")
    @ApiResponse(responseCode = "200", description = "a page of vouchers")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: bad limit or afterId",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/accounting/vouchers")
    public VoucherPageResponse vouchers(@RequestParam(name = "limit", defaultValue = "100") int limit,
                                        @RequestParam(name = "afterId", defaultValue = "0") long afterId) {
        return vouchers.page(afterId, limit);
    }
}
