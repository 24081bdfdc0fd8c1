package io.mallpay.common.web;

import org.springframework.http.HttpStatus;

/**
 * A business rejection with a stable, machine-readable {@code code} (for example
 * {@code OUT_OF_STOCK}) and the HTTP status it maps to. {@link ProblemHandler} renders it as an
 * RFC 9457 {@code application/problem+json} body carrying {@code code}; clients switch on the code,
 * never on the human-readable detail.
 *
 * <p>Thrown inside a global transaction it propagates out of the TM's {@code @GlobalTransactional}
 * method, so the transaction rolls back without any caller checking result codes.
 */
public class ApiException extends RuntimeException {

    private final String code;
    private final HttpStatus status;

    /**
     * @param status a 4xx for the caller's mistakes and business rejections, 5xx otherwise
     * @param code stable upper-snake-case code, part of the public contract
     * @param detail human-readable explanation (not part of the contract)
     */
    public ApiException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }
}
