package io.mallpay.accounting.deadletter;

import io.mallpay.common.web.ProblemHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Operator API of {@code pay-accounting}: inspect and re-drive the accounting dead-letter queue.
 * Errors are {@code application/problem+json} with a {@code code} (see {@link ProblemHandler}).
 */
@RestController
@Tag(name = "dead-letters", description = "Accounting messages RocketMQ gave up on, and their re-drive")
public class DeadLetterController {

    private final DeadLetterService deadLetters;

    public DeadLetterController(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * {@code GET /api/accounting/dead-letters} → {@code [{messageId, key, bornAt, reconsumeTimes,
     * body, reason}]}, the dead letters not yet re-driven; 503 {@code BROKER_UNAVAILABLE}.
     */
    @Operation(summary = "Dead letters not yet re-driven, with the reason when known")
    @ApiResponse(responseCode = "200", description = "the dead letters")
    @ApiResponse(responseCode = "503", description = "BROKER_UNAVAILABLE: the DLQ could not be read",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/accounting/dead-letters")
    public List<DeadLetterResponse> deadLetters() {
        return deadLetters.list();
    }

    /**
     * {@code POST /api/accounting/dead-letters/{messageId}/redrive}, optional body
     * {@code {"body": "<corrected JSON>"}} → {@code {messageId, newMessageId}}. 404
     * {@code UNKNOWN_DEAD_LETTER}, 409 {@code ALREADY_REDRIVEN}, 400 {@code INVALID_REDRIVE_BODY},
     * 503 {@code BROKER_UNAVAILABLE}. Once per dead letter.
     */
    @Operation(summary = "Publish a dead letter (or a corrected body) to PAYMENT_ACCOUNTING again")
    @ApiResponse(responseCode = "200", description = "re-driven; the new message id")
    @ApiResponse(responseCode = "400", description = "INVALID_REDRIVE_BODY: the corrected body could never be booked",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "UNKNOWN_DEAD_LETTER: no such message in the DLQ",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "ALREADY_REDRIVEN: this dead letter was re-driven before",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "BROKER_UNAVAILABLE: the DLQ could not be read or the broker refused the message",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/api/accounting/dead-letters/{messageId}/redrive")
    public RedriveResponse redrive(@PathVariable("messageId") String messageId,
                                   @RequestBody(required = false) RedriveRequest request) {
        return deadLetters.redrive(messageId, request == null ? null : request.body());
    }
}
