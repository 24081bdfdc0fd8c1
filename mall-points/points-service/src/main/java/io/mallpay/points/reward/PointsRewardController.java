package io.mallpay.points.reward;

import io.mallpay.common.web.ApiException;
import io.mallpay.points.api.PointsClient;
import io.mallpay.points.api.PointsClient.PointsRewardRequest;
import io.mallpay.points.api.PointsClient.PointsRewardResponse;
import io.mallpay.points.reward.tcc.PointsRewardAction;
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
 * Serves {@link PointsClient#reward}: the try of the TCC action {@value PointsRewardAction#NAME},
 * called by the payment platform inside its global transaction. Errors are problem+json:
 * {@code NO_GLOBAL_TRANSACTION} (400), {@code VALIDATION_FAILED} (400), {@code TCC_SUSPENDED}
 * (409), and the {@link PointsRewardService#tryReward} codes.
 */
@RestController
@Tag(name = "internal: rewards", description = "TCC try of the payment platform's reward points, not for storefronts")
public class PointsRewardController {

    private final PointsRewardAction reward;

    public PointsRewardController(PointsRewardAction reward) {
        this.reward = reward;
    }

    /**
     * See {@link PointsClient#reward}: 200 {@code {"paymentId":…,"status":"TRIED"}}. Without an XID
     * (the Seata starter binds it from the {@code TX_XID} header) Seata would run the try as a
     * plain call that no TC ever confirms or cancels, so it is refused before anything is written.
     */
    @Operation(summary = "TCC try: record reward points a payment grants (confirmed or cancelled by the Seata TC)")
    @PostMapping("/internal/points/rewards")
    public PointsRewardResponse reward(@RequestBody @Valid PointsRewardRequest request) {
        if (RootContext.getXID() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "NO_GLOBAL_TRANSACTION",
                    "a points reward is a TCC branch: call it inside a global transaction (TX_XID header)");
        }
        try {
            reward.tryReward(null, request.paymentId(), request.orderId(), request.userId(), request.points());
        } catch (CommonFenceException e) {
            if (e.getErrcode() == FrameworkErrorCode.DuplicateKeyException) {
                // the fence already holds this branch's rollback record: the TC cancelled it first
                throw new ApiException(HttpStatus.CONFLICT, "TCC_SUSPENDED", "the reward branch of payment "
                        + request.paymentId() + " was already cancelled by the TC; nothing was recorded");
            }
            throw e;
        }
        return PointsRewardResponse.tried(request.paymentId());
    }
}
