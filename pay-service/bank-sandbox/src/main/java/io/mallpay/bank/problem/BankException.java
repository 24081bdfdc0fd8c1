package io.mallpay.bank.problem;

import org.springframework.http.HttpStatus;

/**
 * A rejection with a stable, machine-readable {@code code} and the HTTP status it maps to;
 * {@link BankProblemHandler} renders it as {@code application/problem+json} carrying {@code code}.
 * The codes of this API: {@code UNKNOWN_CARD} (404), {@code UNKNOWN_CHARGE} (404),
 * {@code CHARGE_CONFLICT} (409, a chargeId reused with a different body), {@code VALIDATION_FAILED}
 * (400). Clients switch on the code, never on the detail.
 */
public class BankException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public BankException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static BankException unknownCard(String cardNumber) {
        return new BankException(HttpStatus.NOT_FOUND, "UNKNOWN_CARD", "no card " + cardNumber);
    }

    public static BankException unknownCharge(String chargeId) {
        return new BankException(HttpStatus.NOT_FOUND, "UNKNOWN_CHARGE", "no charge " + chargeId);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
