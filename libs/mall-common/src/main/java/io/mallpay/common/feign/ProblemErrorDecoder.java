package io.mallpay.common.feign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns every non-2xx Feign answer into an exception, so callers never inspect result codes and
 * a failing branch call rolls its global transaction back.
 *
 * <p>A problem+json body with a {@code code} becomes a {@link RemoteApiException} with that code
 * and the remote status. Any other error body becomes {@code REMOTE_ERROR} with the remote status
 * if it is a 4xx, else 502 (the remote failed, not the caller's client). Connection failures and
 * timeouts are not decoded here: Feign raises {@code RetryableException}, which the
 * {@code ProblemHandler} maps to 503 {@code PARTICIPANT_UNAVAILABLE}.
 */
public class ProblemErrorDecoder implements ErrorDecoder {

    private final ObjectMapper mapper;

    public ProblemErrorDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        String service = response.request() != null && response.request().requestTemplate() != null
                && response.request().requestTemplate().feignTarget() != null
                ? response.request().requestTemplate().feignTarget().name() : methodKey;
        String body = read(response);
        HttpStatus remote = HttpStatus.resolve(response.status());
        try {
            JsonNode node = body.isEmpty() ? null : mapper.readTree(body);
            if (node != null && node.hasNonNull("code")) {
                HttpStatus status = remote != null ? remote : HttpStatus.BAD_GATEWAY;
                String detail = node.path("detail").asText(node.get("code").asText());
                return new RemoteApiException(service, status, node.get("code").asText(), detail);
            }
        } catch (IOException notJson) {
            // fall through: not a problem body
        }
        HttpStatus status = remote != null && remote.is4xxClientError() ? remote : HttpStatus.BAD_GATEWAY;
        return new RemoteApiException(service, status, "REMOTE_ERROR",
                service + " answered " + response.status() + (body.isEmpty() ? "" : ": " + abbreviate(body)));
    }

    private static String read(Response response) {
        if (response.body() == null) {
            return "";
        }
        try (InputStream in = response.body().asInputStream()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
