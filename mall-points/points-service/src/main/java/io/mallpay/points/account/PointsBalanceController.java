package io.mallpay.points.account;

import io.mallpay.common.web.ProblemHandler;
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
 * Storefront API of {@code mall-points} (public contract): a user's points balance. Errors are
 * {@code application/problem+json} with a {@code code} (see {@link ProblemHandler}).
 */
@RestController
@Tag(name = "points", description = "Users' points balances (one point = one penny of discount)")
public class PointsBalanceController {

    private final PointsService points;

    public PointsBalanceController(PointsService points) {
        this.points = points;
    }

    /**
     * {@code GET /api/users/{userId}/points} → {@code {"userId":7,"available":120,"frozen":30}},
     * whole points, plus {@code "rewardPendingPoints":40} while completed payments' reward points
     * await their confirm; 404 {@code UNKNOWN_USER} if the user has no points account.
     */
    @Operation(summary = "A user's points balance",
            description = "Whole points; available can be used at checkout, frozen is held by unpaid orders, "
                    + "rewardPendingPoints (present only when > 0) are granted by payments not yet confirmed.")
    @ApiResponse(responseCode = "200", description = "the balance")
    @ApiResponse(responseCode = "404", description = "UNKNOWN_USER: the user has no points account",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/users/{userId}/points")
    public PointsBalanceResponse balance(@PathVariable("userId") long userId) {
        return points.balance(userId);
    }
}
