package io.mallpay.points.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import java.util.List;

/**
 * Internal contract of {@code mall-points}. Points are whole numbers; in the mall one point is
 * worth one penny of discount. The freeze/spend/unfreeze/award operations are Seata AT branches,
 * idempotent on the order id, and each writes a ledger row. Errors (problem+json codes):
 * {@code UNKNOWN_USER} (404), {@code NOT_ENOUGH_POINTS} (409), {@code BAD_POINTS} (400),
 * {@code FREEZE_RELEASED} (409, spend after unfreeze), {@code FREEZE_SPENT} (409, unfreeze after
 * spend), {@code VALIDATION_FAILED} (400, e.g. an id that is missing or not positive).
 *
 * <p>{@link #reward} is different: it is the try phase of the Seata TCC action
 * {@code points-reward} and adds its own codes ({@code NO_GLOBAL_TRANSACTION}, {@code TCC_SUSPENDED},
 * {@code REWARD_MISMATCH}).
 */
@FeignClient(name = PointsApi.SERVICE, contextId = "pointsClient")
public interface PointsClient {

    /**
     * Moves {@code points} from available to frozen for the order (AT branch). A second call for
     * the same order is a no-op; {@code points = 0} does nothing.
     */
    @PostMapping("/internal/points/freezes")
    void freeze(@RequestBody @Valid PointsFreezeRequest request);

    /**
     * The user, if the mall knows them (every customer has a points account: the account is the
     * mall's record of a customer). 404 {@code UNKNOWN_USER} otherwise. Read-only; no branch.
     */
    @GetMapping("/internal/users/{userId}")
    UserView user(@PathVariable("userId") long userId);

    /** The order was paid: its frozen points are spent (AT branch). Idempotent; no freeze → no-op. */
    @PostMapping("/internal/points/freezes/{orderId}/spend")
    void spend(@PathVariable("orderId") long orderId);

    /** The order was cancelled: its frozen points return to available (AT branch). Idempotent. */
    @PostMapping("/internal/points/freezes/{orderId}/unfreeze")
    void unfreeze(@PathVariable("orderId") long orderId);

    /**
     * Credits points to a user's available balance (AT branch), idempotent on
     * {@code (orderId, reason)}: the same award twice credits once.
     */
    @PostMapping("/internal/points/awards")
    void award(@RequestBody @Valid PointsAwardRequest request);

    /**
     * TCC try of {@code points-reward}: records that the payment grants {@code points} (whole
     * points, ≥ 1) to the user for the order; nothing is credited yet. The TC's confirm credits them
     * to available (an AWARD ledger row with reason {@code PAYMENT_REWARD}, at most once per order),
     * its cancel drops the record. Must run inside the caller's global transaction (the Seata
     * starter sends the XID in the {@code TX_XID} header), else 400 {@code NO_GLOBAL_TRANSACTION}.
     * Errors: 404 {@code UNKNOWN_USER}; 409 {@code REWARD_MISMATCH} if the payment id was already
     * used for another order, user or amount; 409 {@code TCC_SUSPENDED} if the TC had already
     * cancelled this branch before the try arrived (nothing is recorded); 400
     * {@code VALIDATION_FAILED}. Idempotent per payment id: repeating the same grant, in the same
     * or a later global transaction, records it once and credits it at most once.
     */
    @PostMapping("/internal/points/rewards")
    PointsRewardResponse reward(@RequestBody @Valid PointsRewardRequest request);

    /**
     * Opens points accounts with an opening balance (one ledger row each). Idempotent: an
     * existing account is left untouched and counted as unchanged.
     */
    @PostMapping("/internal/users/import")
    UserImportResponse importUsers(@RequestBody @Valid UserImportRequest request);

    /** A known customer. */
    record UserView(long userId) {
    }

    record PointsFreezeRequest(@Positive long orderId, @Positive long userId, @Min(0) long points) {
    }

    /** @param reason stable upper-snake-case reason, e.g. {@code CONSUMPTION} */
    record PointsAwardRequest(@Positive long orderId, @Positive long userId, @Min(1) long points,
                              @NotBlank @Size(max = 32) String reason) {
    }

    /**
     * @param paymentId the payment platform's payment id, the idempotency key of the reward
     * @param points    whole points to grant, ≥ 1
     */
    record PointsRewardRequest(@NotBlank @Size(max = 64) String paymentId, @Positive long orderId,
                               @Positive long userId, @Min(1) long points) {
    }

    /** Answer of a successful try: {@code status} is always {@code "TRIED"}. */
    record PointsRewardResponse(String paymentId, String status) {

        public static final String TRIED = "TRIED";

        public static PointsRewardResponse tried(String paymentId) {
            return new PointsRewardResponse(paymentId, TRIED);
        }
    }

    record UserImportRequest(@NotEmpty @Size(max = 5000) List<@Valid UserAccount> users) {
    }

    record UserAccount(@Positive long userId, @Min(0) long openingPoints) {
    }

    record UserImportResponse(int inserted, int unchanged) {
    }
}
