package io.mallpay.common.web;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.stream.Collectors;

/**
 * Renders every rejection as {@code application/problem+json} with a stable {@code code}
 * property; clients switch on the code. Codes produced here: the {@link ApiException}'s own;
 * {@code VALIDATION_FAILED} (400: bean validation, unreadable or mistyped request, missing
 * parameter); {@code MISSING_HEADER} (400); {@code PARTICIPANT_UNAVAILABLE} (503: a Feign call
 * could not connect or timed out); {@code COORDINATOR_UNAVAILABLE} (503: the Seata TC could not be
 * reached or failed a begin, branch registration, commit or rollback report; the global transaction
 * did not take effect, or the TC finishes it from its session log once it is back);
 * {@code RATE_LIMITED} (429) and {@code CIRCUIT_OPEN} (503, naming the participant), both with
 * {@code Retry-After}, when a Sentinel rule refused the request or one of its participant calls
 * ({@link io.mallpay.common.sentinel.BlockedException}); {@code FAULT_INJECTED}
 * (503, local stack fault points); {@code NOT_FOUND} (404, no such path);
 * {@code METHOD_NOT_ALLOWED} (405); {@code UNSUPPORTED_MEDIA_TYPE} (415); otherwise
 * {@code HTTP_<status>} for the remaining Spring MVC exceptions.
 *
 * <p>Ordered first, ahead of Boot's own problem-details advice, so every error carries a code.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /**
     * The problem for {@code status} (non-null), {@code code} and {@code detail}, shaped by
     * {@link Problems}: type {@code urn:mallpay:problem:<code>}, title and {@code code} property =
     * the code. A code that is not URI-safe throws {@link IllegalArgumentException}.
     */
    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        return Problems.problem(status.value(), code, detail);
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

    /** A Sentinel rule refused the request or a participant call: its answer, with Retry-After. */
    @ExceptionHandler(io.mallpay.common.sentinel.BlockedException.class)
    public ResponseEntity<ProblemDetail> onBlocked(io.mallpay.common.sentinel.BlockedException e) {
        log.warn("{}: {}", e.code(), e.getMessage());
        ProblemDetail body = problem(e.status(), e.code(), e.getMessage());
        if (e.answer().participant() != null) {
            body.setProperty("participant", e.answer().participant());
        }
        ResponseEntity.BodyBuilder r = ResponseEntity.status(e.status());
        if (e.answer().retryAfterSeconds() > 0) {
            r.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.answer().retryAfterSeconds()));
        }
        return r.body(body);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ProblemDetail onConstraintViolation(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
    }

    /** A participant could not be reached or did not answer in time (Feign connect/read failure). */
    @ExceptionHandler(feign.RetryableException.class)
    public ProblemDetail onParticipantUnavailable(feign.RetryableException e) {
        log.warn("participant unavailable: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "PARTICIPANT_UNAVAILABLE",
                "a participant service did not answer: " + e.getMessage());
    }

    /**
     * Anything no other handler takes: a Sentinel refusal anywhere in the cause chain (a Feign call
     * refused by an open circuit arrives as an {@code UndeclaredThrowableException}) is answered as
     * {@link #onBlocked}; a failure of the transaction coordinator becomes 503
     * COORDINATOR_UNAVAILABLE; every other exception is rethrown unchanged, to Spring's and Boot's
     * own resolution.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> onOtherException(Exception e) throws Exception {
        io.mallpay.common.sentinel.BlockedException blocked = io.mallpay.common.sentinel.BlockedException.in(e);
        if (blocked != null) {
            return onBlocked(blocked);
        }
        Throwable coordinator = coordinatorFailure(e);
        if (coordinator == null) {
            throw e;
        }
        log.warn("transaction coordinator unavailable: {}", coordinator.toString(), e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem(HttpStatus.SERVICE_UNAVAILABLE,
                "COORDINATOR_UNAVAILABLE", "the transaction coordinator could not be reached; nothing was applied,"
                        + " or it is finished once the coordinator is back: " + coordinator.getMessage()));
    }

    /** Seata framework error codes that mean the TC could not be reached or talked to. */
    private static final java.util.Set<String> NETWORK_CODES = java.util.Set.of("NetConnect", "NetRegAppname",
            "NetDisconnect", "NetDispatch", "NetOnMessage", "getChannelError", "ChannelNotWritable",
            "ChannelIsNotWritable", "NoAvailableService", "RegisterRM");
    /** What those failures say when they carry no such code (NettyClientChannelManager, the RM). */
    private static final java.util.List<String> NETWORK_MESSAGES = java.util.List.of(
            "can not connect to services-server", "can not register RM", "No available service");
    /**
     * Transaction error codes of a TC that failed or lost the global transaction (begin refused,
     * branch register/report failed, the session gone or timed out, the store failed). Lock
     * conflicts, branch rollback failures and fence errors are not among them.
     */
    private static final java.util.Set<String> COORDINATOR_CODES = java.util.Set.of("BeginFailed", "IO",
            "BranchRegisterFailed", "BranchReportFailed", "GlobalTransactionNotExist", "GlobalTransactionNotActive",
            "GlobalTransactionStatusInvalid", "FailedWriteSession", "FailedStore", "NotRaftLeader",
            "TransactionTimeout");

    /**
     * The throwable in {@code e}'s cause chain that says the Seata TC failed: a Seata
     * {@code FrameworkException} of the network (no TC to connect to, RM registration failed), a
     * {@code TransactionException} whose code says the TC failed or lost the global transaction, or
     * any throwable raised inside Seata's RPC client ({@code org.apache.seata.core.rpc}, e.g. a
     * closed channel while waiting for the TC's answer). Null when none is: a fence error or a lock
     * conflict is not a coordinator failure.
     */
    static Throwable coordinatorFailure(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof org.apache.seata.common.exception.FrameworkException f
                    && (f.getErrcode() != null && NETWORK_CODES.contains(f.getErrcode().name())
                    || f.getMessage() != null && NETWORK_MESSAGES.stream().anyMatch(f.getMessage()::contains))) {
                return t;
            }
            if (t instanceof org.apache.seata.core.exception.TransactionException x
                    && x.getCode() != null && COORDINATOR_CODES.contains(x.getCode().name())) {
                return t;
            }
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 8); i++) {
                if (frames[i].getClassName().startsWith("org.apache.seata.core.rpc.")) {
                    return t;
                }
            }
        }
        return null;
    }

    /**
     * A fault point armed with FAIL ({@link io.mallpay.common.fault.FaultInjection}, local stack
     * only): the service answers as if it were unavailable, 503 FAULT_INJECTED.
     */
    @ExceptionHandler(io.mallpay.common.fault.FaultInjection.InjectedFault.class)
    public ProblemDetail onInjectedFault(io.mallpay.common.fault.FaultInjection.InjectedFault e) {
        log.warn("{}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "FAULT_INJECTED", e.getMessage());
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
        ResponseEntity<Object> r = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (r != null && r.getBody() instanceof ProblemDetail p
                && (p.getProperties() == null || !p.getProperties().containsKey("code"))) {
            Problems.withCode(p, codeFor(ex, statusCode));
        }
        return r;
    }

    static String codeFor(Exception ex, HttpStatusCode status) {
        if (ex instanceof MissingRequestHeaderException) {
            return "MISSING_HEADER";
        }
        if (ex instanceof NoResourceFoundException) {
            return "NOT_FOUND";
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return "METHOD_NOT_ALLOWED";
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return "UNSUPPORTED_MEDIA_TYPE";
        }
        if (status.value() == 400 || ex instanceof HttpMessageNotReadableException
                || ex instanceof HandlerMethodValidationException) {
            return "VALIDATION_FAILED";
        }
        return "HTTP_" + status.value();
    }
}
