package io.mallpay.bank.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.stream.Collectors;

/**
 * Renders every error as {@code application/problem+json} with a stable {@code code} property:
 * a {@link BankException}'s own code; {@code VALIDATION_FAILED} (400: bean validation, unreadable
 * or mistyped request); {@code NOT_FOUND} (404, no such path); {@code METHOD_NOT_ALLOWED} (405);
 * {@code UNSUPPORTED_MEDIA_TYPE} (415); {@code INTERNAL_ERROR} (500, logged); otherwise
 * {@code HTTP_<status>}. The sandbox has its own handler because it must not depend on mall-common,
 * which brings Seata and Nacos; the shape is the same as the platform's.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BankProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(BankProblemHandler.class);

    /** Problem type URIs are stable per code: {@code urn:mallpay:bank:problem:<code>}. */
    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        return withCode(ProblemDetail.forStatusAndDetail(status, detail), code);
    }

    private static ProblemDetail withCode(ProblemDetail problem, String code) {
        problem.setType(URI.create("urn:mallpay:bank:problem:" + code));
        problem.setTitle(code);
        problem.setProperty("code", code);
        return problem;
    }

    @ExceptionHandler(BankException.class)
    public ProblemDetail onBankException(BankException e) {
        log.info("rejected {}: {}", e.code(), e.getMessage());
        return problem(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    public ProblemDetail onUnexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "the bank sandbox failed: " + e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail p
                && (p.getProperties() == null || !p.getProperties().containsKey("code"))) {
            withCode(p, codeFor(ex, statusCode));
        }
        return response;
    }

    static String codeFor(Exception ex, HttpStatusCode status) {
        if (ex instanceof NoResourceFoundException) {
            return "NOT_FOUND";
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return "METHOD_NOT_ALLOWED";
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return "UNSUPPORTED_MEDIA_TYPE";
        }
        if (status.value() == 400) {
            return "VALIDATION_FAILED";
        }
        return "HTTP_" + status.value();
    }
}
