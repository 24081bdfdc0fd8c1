package io.mallpay.points.account;

import io.mallpay.points.api.PointsClient;
import io.mallpay.points.api.PointsClient.PointsAwardRequest;
import io.mallpay.points.api.PointsClient.PointsFreezeRequest;
import io.mallpay.points.api.PointsClient.UserImportRequest;
import io.mallpay.points.api.PointsClient.UserImportResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves {@link PointsClient} (same paths and bodies) for the other services; it does not
 * implement the interface because its {@code @FeignClient} annotation would make this controller
 * a Feign client candidate too. Each call runs as a Seata AT branch when the caller's XID arrives
 * with the request. Errors are problem+json: {@code VALIDATION_FAILED} (400) for a bad body, and
 * the {@link PointsService} codes.
 */
@RestController
@Tag(name = "internal", description = "Service-to-service points operations (AT branches), not for storefronts")
public class InternalPointsController {

    private final PointsService points;

    public InternalPointsController(PointsService points) {
        this.points = points;
    }

    /** See {@link PointsClient#freeze}: 200 with no body; idempotent per order. */
    @Operation(summary = "Freeze points for an order (idempotent per order)")
    @PostMapping("/internal/points/freezes")
    public void freeze(@RequestBody @Valid PointsFreezeRequest request) {
        points.freeze(request.orderId(), request.userId(), request.points());
    }

    /** See {@link PointsClient#spend}: 200 with no body; idempotent. */
    @Operation(summary = "Spend the points an order froze (order paid)")
    @PostMapping("/internal/points/freezes/{orderId}/spend")
    public void spend(@PathVariable("orderId") long orderId) {
        points.spend(orderId);
    }

    /** See {@link PointsClient#unfreeze}: 200 with no body; idempotent. */
    @Operation(summary = "Return the points an order froze (order cancelled)")
    @PostMapping("/internal/points/freezes/{orderId}/unfreeze")
    public void unfreeze(@PathVariable("orderId") long orderId) {
        points.unfreeze(orderId);
    }

    /** See {@link PointsClient#award}: 200 with no body; idempotent on (orderId, reason). */
    @Operation(summary = "Credit points to a user (idempotent per order and reason)")
    @PostMapping("/internal/points/awards")
    public void award(@RequestBody @Valid PointsAwardRequest request) {
        points.award(request.orderId(), request.userId(), request.points(), request.reason());
    }

    /** See {@link PointsClient#importUsers}: counts of opened and untouched accounts. */
    @Operation(summary = "Open points accounts with opening balances (existing ones untouched)")
    @PostMapping("/internal/users/import")
    public UserImportResponse importUsers(@RequestBody @Valid UserImportRequest request) {
        return points.importUsers(request.users());
    }
}
