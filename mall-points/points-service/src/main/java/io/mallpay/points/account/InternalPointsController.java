package io.mallpay.points.account;

import io.mallpay.points.api.PointsClient;
import io.mallpay.points.api.PointsClient.PointsAwardRequest;
import io.mallpay.points.api.PointsClient.PointsFreezeRequest;
import io.mallpay.points.api.PointsClient.UserImportRequest;
import io.mallpay.points.api.PointsClient.UserImportResponse;
import io.mallpay.points.api.PointsClient.UserView;
import io.mallpay.common.tx.GlobalLockRetry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves {@link PointsClient} (same paths and bodies) for the other services; it does not
 * implement the interface because its {@code @FeignClient} annotation would make this controller
 * a Feign client candidate too. Each call runs as a Seata AT branch when the caller's XID arrives
 * with the request. Errors are problem+json: {@code VALIDATION_FAILED} (400) for a bad body, and
 * the {@link PointsService} codes. A branch that meets another global transaction's lock on the
 * user's account, or loses an InnoDB deadlock to the reward-points confirm on the same account, is
 * re-run in a fresh local transaction ({@link GlobalLockRetry}); GLOBAL_LOCK_BUSY 503 after that.
 */
@RestController
@Tag(name = "internal", description = "Service-to-service points operations (AT branches), not for storefronts")
public class InternalPointsController {

    private static final int TRIES = 20;
    private static final long PAUSE_MILLIS = 50;

    private final PointsService points;

    public InternalPointsController(PointsService points) {
        this.points = points;
    }

    /** See {@link PointsClient#freeze}: 200 with no body; idempotent per order. */
    @Operation(summary = "Freeze points for an order (idempotent per order)")
    @PostMapping("/internal/points/freezes")
    public void freeze(@RequestBody @Valid PointsFreezeRequest request) {
        GlobalLockRetry.run(() -> points.freeze(request.orderId(), request.userId(), request.points()), TRIES, PAUSE_MILLIS);
    }

    /** See {@link PointsClient#user}: 200 {@code {"userId":..}}, or 404 {@code UNKNOWN_USER}. */
    @Operation(summary = "Whether the mall knows a customer (404 UNKNOWN_USER if not)")
    @GetMapping("/internal/users/{userId}")
    public UserView user(@PathVariable("userId") long userId) {
        points.requireUser(userId);
        return new UserView(userId);
    }

    /** See {@link PointsClient#spend}: 200 with no body; idempotent. */
    @Operation(summary = "Spend the points an order froze (order paid)")
    @PostMapping("/internal/points/freezes/{orderId}/spend")
    public void spend(@PathVariable("orderId") long orderId) {
        GlobalLockRetry.run(() -> points.spend(orderId), TRIES, PAUSE_MILLIS);
    }

    /** See {@link PointsClient#unfreeze}: 200 with no body; idempotent. */
    @Operation(summary = "Return the points an order froze (order cancelled)")
    @PostMapping("/internal/points/freezes/{orderId}/unfreeze")
    public void unfreeze(@PathVariable("orderId") long orderId) {
        GlobalLockRetry.run(() -> points.unfreeze(orderId), TRIES, PAUSE_MILLIS);
    }

    /** See {@link PointsClient#award}: 200 with no body; idempotent on (orderId, reason). */
    @Operation(summary = "Credit points to a user (idempotent per order and reason)")
    @PostMapping("/internal/points/awards")
    public void award(@RequestBody @Valid PointsAwardRequest request) {
        GlobalLockRetry.run(() -> points.award(request.orderId(), request.userId(), request.points(), request.reason()), TRIES, PAUSE_MILLIS);
    }

    /** See {@link PointsClient#importUsers}: counts of opened and untouched accounts. */
    @Operation(summary = "Open points accounts with opening balances (existing ones untouched)")
    @PostMapping("/internal/users/import")
    public UserImportResponse importUsers(@RequestBody @Valid UserImportRequest request) {
        return points.importUsers(request.users());
    }
}
