package io.mallpay.common.sentinel;

import com.alibaba.csp.sentinel.slots.block.BlockException;
import io.mallpay.common.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A request or a participant call refused by a Sentinel rule, as an {@link ApiException} carrying
 * the {@link BlockedAnswer}: {@code 429 RATE_LIMITED} or {@code 503 CIRCUIT_OPEN} (naming the
 * participant). {@code ProblemHandler} adds its {@code Retry-After} header. Thrown inside a global
 * transaction it rolls the transaction back like any participant error.
 */
public class BlockedException extends ApiException {

    private final transient BlockedAnswer answer;

    public BlockedException(BlockedAnswer answer, BlockException cause) {
        super(HttpStatus.valueOf(answer.status()), answer.code(), answer.detail());
        this.answer = answer;
        initCause(cause);
    }

    public BlockedAnswer answer() {
        return answer;
    }

    /**
     * The Sentinel refusal in {@code e}'s cause chain, as a {@code BlockedException}, else null. A
     * Feign call refused by an open circuit arrives wrapped: Spring Cloud Alibaba's Sentinel
     * invocation handler rethrows the checked {@link BlockException}, which the client's proxy wraps
     * in an {@code UndeclaredThrowableException}.
     */
    public static BlockedException in(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof BlockedException b) {
                return b;
            }
            if (t instanceof BlockException b) {
                String resource = b.getRule() != null ? b.getRule().getResource() : null;
                return new BlockedException(BlockedAnswer.of(b, resource), b);
            }
        }
        return null;
    }
}
