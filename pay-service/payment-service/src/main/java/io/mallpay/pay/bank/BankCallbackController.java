package io.mallpay.pay.bank;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code POST /callbacks/bank}: the bank's signed result (the {@code callbackUrl} given with each
 * charge). The body is read raw because the signature covers its exact bytes. Answers 200
 * {@code {paymentId, outcome: ACCEPTED|DUPLICATE, paymentStatus}}; rejections are problem+json
 * (see {@link BankCallbackService}); 503 COMPLETION_DEFERRED asks the bank to send again.
 * {@code GET /ops/bank-callbacks?outcome=REJECTED&limit=100} lists recorded callbacks, newest first.
 */
@RestController
@Tag(name = "bank callbacks", description = "The bank's asynchronous results, and the record of every callback")
public class BankCallbackController {

    private final BankCallbackService service;
    private final BankCallbackMapper callbacks;

    public BankCallbackController(BankCallbackService service, BankCallbackMapper callbacks) {
        this.service = service;
        this.callbacks = callbacks;
    }

    @Operation(summary = "Receive a signed charge result from the bank")
    @PostMapping(path = "/callbacks/bank", consumes = MediaType.APPLICATION_JSON_VALUE)
    public BankCallbackService.Answer callback(
            @RequestHeader(name = BankSignature.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(name = BankSignature.NONCE, required = false) String nonce,
            @RequestHeader(name = BankSignature.SIGNATURE, required = false) String signature,
            @RequestBody String body) {
        return service.handle(timestamp, nonce, signature, body);
    }

    @Operation(summary = "Operator: recorded bank callbacks, newest first")
    @GetMapping("/ops/bank-callbacks")
    public List<BankCallbackRecord> list(@RequestParam(required = false) String outcome,
                                         @RequestParam(defaultValue = "100") int limit) {
        return callbacks.list(outcome, Math.max(1, Math.min(limit, 1000)));
    }
}
