package io.mallpay.pay.card;

import io.mallpay.common.web.ApiException;
import io.mallpay.pay.bank.BankGateway;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's bound card: {@code PUT /api/users/{userId}/card} {@code {"cardNumber"}} checks the card
 * with the bank (422 UNKNOWN_CARD if the bank does not know it) and binds it (idempotent: the same
 * card again changes nothing; another card replaces it). {@code GET} answers it, 404 NO_CARD.
 */
@RestController
@Tag(name = "cards", description = "The card a user's CARD payments use")
public class CardController {

    private final UserCardMapper cards;
    private final BankGateway bank;

    public CardController(UserCardMapper cards, BankGateway bank) {
        this.cards = cards;
        this.bank = bank;
    }

    public record BindCardRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String cardNumber) {
    }

    public record CardResponse(long userId, String cardNumber) {
    }

    @Operation(summary = "Bind the card a user's CARD payments use")
    @PutMapping("/api/users/{userId}/card")
    public CardResponse bind(@PathVariable long userId, @Valid @RequestBody BindCardRequest request) {
        if (!bank.cardExists(request.cardNumber())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_CARD",
                    "the bank does not know card " + request.cardNumber());
        }
        cards.bind(userId, request.cardNumber());
        return new CardResponse(userId, request.cardNumber());
    }

    @Operation(summary = "The card bound for a user")
    @GetMapping("/api/users/{userId}/card")
    public CardResponse get(@PathVariable long userId) {
        UserCard c = cards.selectById(userId);
        if (c == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "NO_CARD", "user " + userId + " has no bound card");
        }
        return new CardResponse(userId, c.getCardNumber());
    }
}
