package io.mallpay.bank.charge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mallpay.bank.signature.BankSigner;
import io.mallpay.bank.signature.SignedBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Card charges, server to server from the platform. Amounts in pence. Errors: 400
 * {@code VALIDATION_FAILED}, 404 {@code UNKNOWN_CHARGE}, 409 {@code CHARGE_CONFLICT}.
 */
@RestController
@RequestMapping("/bank/charges")
@Tag(name = "charges", description = "Card charges: submitted by the platform, decided asynchronously, "
        + "reported by signed callback")
public class ChargeController {

    private final ChargeService charges;
    private final BankSigner signer;
    private final ObjectMapper mapper;

    public ChargeController(ChargeService charges, BankSigner signer, ObjectMapper mapper) {
        this.charges = charges;
        this.signer = signer;
        this.mapper = mapper;
    }

    /** Takes the charge (202); the debit and the signed callback follow asynchronously. */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Submit a card charge",
            description = "Answers 202 ACCEPTED at once. The bank then debits the card (or declines: balance "
                    + "short, unknown card) and POSTs the signed result to callbackUrl: "
                    + "{chargeId, bankTxnId, status SUCCEEDED|DECLINED, amountCents, merchantRef, decidedAt} with "
                    + "X-Bank-Timestamp, X-Bank-Nonce and X-Bank-Signature = "
                    + "Base64(HMAC-SHA256(secret, timestamp + \"\\n\" + nonce + \"\\n\" + body)). Idempotent on "
                    + "chargeId: the same body again gets the same answer and no second debit; a different body "
                    + "is 409 CHARGE_CONFLICT.")
    @ApiResponse(responseCode = "202", description = "accepted; the result follows by callback")
    @ApiResponse(responseCode = "409", description = "CHARGE_CONFLICT")
    public ChargeAcceptedResponse submit(@Valid @RequestBody ChargeRequest request) {
        return charges.submit(request);
    }

    /** The charge's state, signed like a callback, for the platform's query when no callback came. */
    @GetMapping("/{chargeId}")
    @Operation(summary = "Query a charge's status",
            description = "For reconciliation when a callback never came. The answer is signed like a callback: "
                    + "verify X-Bank-Signature over the raw response body.")
    @ApiResponse(responseCode = "200", description = "the charge",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ChargeStatusResponse.class)),
            headers = {@Header(name = "X-Bank-Timestamp", description = "epoch milliseconds"),
                    @Header(name = "X-Bank-Nonce", description = "random UUID, fresh per answer"),
                    @Header(name = "X-Bank-Signature", description = "Base64 HMAC-SHA256")})
    @ApiResponse(responseCode = "404", description = "UNKNOWN_CHARGE")
    public ResponseEntity<String> status(@PathVariable String chargeId) throws JsonProcessingException {
        String json = mapper.writeValueAsString(charges.status(chargeId));
        SignedBody signed = signer.sign(json);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .headers(signed::applyTo)
                .body(json);
    }
}
