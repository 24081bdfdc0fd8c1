package io.mallpay.bank.card;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's cards: set-up for tests and demos, and a read of the balance. Amounts in pence.
 * Errors: 400 {@code VALIDATION_FAILED}, 404 {@code UNKNOWN_CARD}.
 */
@RestController
@RequestMapping("/bank/cards")
@Tag(name = "cards", description = "Simulated bank cards and their balances (pence)")
public class CardController {

    private final CardService cards;

    public CardController(CardService cards) {
        this.cards = cards;
    }

    /** Opens a card; 201 when created, 200 with the card unchanged when it already exists. */
    @PostMapping
    @Operation(summary = "Open a card (test and demo set-up)",
            description = "Idempotent on cardNumber: an existing card is returned unchanged with 200, "
                    + "a new one with 201. balanceCents is the opening balance in pence.")
    @ApiResponse(responseCode = "201", description = "card created")
    @ApiResponse(responseCode = "200", description = "card already existed; unchanged")
    public ResponseEntity<CardResponse> open(@Valid @RequestBody CardRequest request) {
        CardService.Opened opened = cards.open(request);
        return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK).body(opened.card());
    }

    /** The card and its balance, or 404 {@code UNKNOWN_CARD}. */
    @GetMapping("/{cardNumber}")
    @Operation(summary = "Read a card and its balance (pence)")
    @ApiResponse(responseCode = "404", description = "UNKNOWN_CARD")
    public CardResponse find(@PathVariable String cardNumber) {
        return cards.find(cardNumber);
    }
}
