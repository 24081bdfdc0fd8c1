package io.mallpay.common.web;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;
import java.util.stream.Collectors;

/**
 * Renders every rejection as {@code application/problem+json} with a stable {@code code} property.
 * Codes produced here: the {@link ApiException}'s own, {@code VALIDATION_FAILED} (400, bean
 * validation or an unreadable/mistyped request), {@code MISSING_HEADER} (400) and
 * {@code PARTICIPANT_UNAVAILABLE} (503, a Feign call could not connect or timed out).
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** Problem type URIs are stable per code: {@code urn:mallpay:problem:<code>}. */
    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("urn:mallpay:problem:" + code));
        p.setTitle(code);
        p.setProperty("code", code);
        return p;
    }

    @ExceptionHandler(ApiException.class)
    public ProblemDetail onApiException(ApiException e) {
        if (e.status().is5xxServerError()) {
            log.error("{}: {}", e.code(), e.getMessage(), e);
        } else {
            log.info("rejected {}: {}", e.code(), e.getMessage());
        }
        return problem(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ProblemDetail onInvalidBody(MethodArgumentNotValidException e) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ProblemDetail onConstraintViolation(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    public ProblemDetail onUnreadable(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "malformed request: " + e.getMessage());
    }

    /** A participant could not be reached or did not answer in time (Feign connect/read failure). */
    @ExceptionHandler(feign.RetryableException.class)
    public ProblemDetail onParticipantUnavailable(feign.RetryableException e) {
        log.warn("participant unavailable: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "PARTICIPANT_UNAVAILABLE",
                "a participant service did not answer: " + e.getMessage());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    public ProblemDetail onMissingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, "MISSING_HEADER", "required header " + e.getHeaderName() + " is missing");
    }
}
