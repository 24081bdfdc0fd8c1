package io.mallpay.common.feign;

import io.mallpay.common.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A rejection answered by another service, raised by {@link ProblemErrorDecoder} from its
 * problem+json body. It keeps the remote status and stable code, so a caller that lets it
 * propagate answers its own client with the same code (e.g. {@code OUT_OF_STOCK} from
 * mall-inventory surfaces unchanged from {@code POST /api/orders}) and the enclosing global
 * transaction rolls back.
 */
public class RemoteApiException extends ApiException {

    private final String service;

    public RemoteApiException(String service, HttpStatus status, String code, String detail) {
        super(status, code, detail);
        this.service = service;
    }

    /** The Feign client name (Nacos service name) that answered. */
    public String service() {
        return service;
    }
}
