package io.mallpay.accounting.voucher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mallpay.pay.api.PaymentPaidEvent;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code PAYMENT_ACCOUNTING} body into a {@link PaymentPaidEvent}. Strict where a lax
 * reading would book a wrong amount (a missing field, {@code null} for a number, {@code 12.5}
 * pence, trailing garbage are all refused) and lenient where it costs nothing (unknown properties
 * are ignored, so the producer may add fields). Its own mapper, not the web one: the message
 * contract must not change when MVC settings do. Throws {@link UnbookableEventException}.
 */
@Component
public class PaymentPaidEventParser {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The event in {@code body} (UTF-8 JSON); never null. */
    public PaymentPaidEvent parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new UnbookableEventException("empty body");
        }
        try {
            PaymentPaidEvent event = MAPPER.readValue(body, PaymentPaidEvent.class);
            if (event == null) {
                throw new UnbookableEventException("body is JSON null");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new UnbookableEventException("unreadable JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            // a byte array cannot fail to read; kept distinct so a real I/O problem is not "poison"
            throw new IllegalStateException("reading a message body failed", e);
        }
    }

    /** {@link #parse(byte[])} of a string, for corrected bodies typed by an operator. */
    public PaymentPaidEvent parse(String body) {
        return parse(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }
}
