package io.mallpay.pay.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mallpay.common.web.ApiException;
import io.mallpay.pay.payment.Payment;
import io.mallpay.pay.settings.PaymentSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Server-to-server calls to the bank (the sandbox process): check a card, submit a charge, query a
 * charge. The bank is an external party, reached at {@code pay.payment.bank-base-url}, not through
 * Nacos. Failures to reach it are {@code BANK_UNAVAILABLE} (502); a status answer whose signature
 * does not verify is refused the same way and logged, never trusted.
 */
@Component
public class BankGateway {

    private static final Logger log = LoggerFactory.getLogger(BankGateway.class);

    private final PaymentSettings settings;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RestClient http;

    public BankGateway(PaymentSettings settings, ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.mapper = mapper;
        this.clock = clock;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        factory.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    /** Whether the bank knows the card. */
    public boolean cardExists(String cardNumber) {
        ResponseEntity<String> r = call(() -> http.get().uri(settings.getBankBaseUrl() + "/bank/cards/{n}", cardNumber)
                .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(String.class));
        if (r.getStatusCode().value() == 404) {
            return false;
        }
        requireSuccess(r, "card check");
        return true;
    }

    /**
     * Submits the payment's charge (idempotent at the bank on the payment id: a resubmission answers
     * the same). The result arrives only through the signed callback. Returns the bank's txn id.
     */
    public String submitCharge(Payment p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chargeId", p.getPaymentId());
        body.put("cardNumber", p.getCardNumber());
        body.put("amountCents", p.getAmountCents());
        body.put("merchantRef", p.getMerchantId());
        body.put("callbackUrl", settings.getCallbackUrl());
        ResponseEntity<String> r = call(() -> http.post().uri(settings.getBankBaseUrl() + "/bank/charges")
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(String.class));
        requireSuccess(r, "charge " + p.getPaymentId());
        return read(r.getBody()).path("bankTxnId").asText(null);
    }

    /**
     * The bank's signed answer for the charge; empty when the bank never received it
     * (404 UNKNOWN_CHARGE).
     */
    public Optional<BankCharge> queryCharge(String paymentId) {
        ResponseEntity<String> r = call(() -> http.get().uri(settings.getBankBaseUrl() + "/bank/charges/{id}", paymentId)
                .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(String.class));
        if (r.getStatusCode().value() == 404) {
            return Optional.empty();
        }
        requireSuccess(r, "status of " + paymentId);
        String reason = BankSignature.verify(settings.getBankSecret(), r.getHeaders().getFirst(BankSignature.TIMESTAMP),
                r.getHeaders().getFirst(BankSignature.NONCE), r.getHeaders().getFirst(BankSignature.SIGNATURE),
                r.getBody(), clock.instant(), settings.getCallbackWindow());
        if (reason != null) {
            log.warn("bank status answer for {} refused: {}", paymentId, reason);
            throw new ApiException(HttpStatus.BAD_GATEWAY, "BANK_UNAVAILABLE",
                    "the bank's status answer for " + paymentId + " did not verify: " + reason);
        }
        try {
            return Optional.of(mapper.readValue(r.getBody(), BankCharge.class));
        } catch (Exception e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "BANK_UNAVAILABLE", "unreadable bank answer: " + e.getMessage());
        }
    }

    private interface Call {
        ResponseEntity<String> run();
    }

    private static ResponseEntity<String> call(Call c) {
        try {
            return c.run();
        } catch (RestClientException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "BANK_UNAVAILABLE", "the bank did not answer: " + e.getMessage());
        }
    }

    private static void requireSuccess(ResponseEntity<String> r, String what) {
        if (!r.getStatusCode().is2xxSuccessful()) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "BANK_UNAVAILABLE",
                    "the bank answered " + r.getStatusCode().value() + " to " + what + ": " + r.getBody());
        }
    }

    private JsonNode read(String body) {
        try {
            return mapper.readTree(body == null ? "{}" : body);
        } catch (Exception e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "BANK_UNAVAILABLE", "unreadable bank answer: " + e.getMessage());
        }
    }
}
