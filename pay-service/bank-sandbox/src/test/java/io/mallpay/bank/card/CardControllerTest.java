package io.mallpay.bank.card;

import io.mallpay.bank.problem.BankException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CardController.class)
class CardControllerTest {

    private static final String CARD = "4000000000000002";
    private static final CardRequest REQUEST = new CardRequest(CARD, "Ada Lovelace", 10_000L);
    private static final String BODY = """
            {"cardNumber":"4000000000000002","holder":"Ada Lovelace","balanceCents":10000}""";

    @Autowired
    private MockMvc mvc;
    @MockBean
    private CardService cards;

    @Test
    void aNewCardIs201() throws Exception {
        when(cards.open(REQUEST)).thenReturn(new CardService.Opened(new CardResponse(CARD, "Ada Lovelace", 10_000), true));

        mvc.perform(post("/bank/cards").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated())
                .andExpect(content().json(BODY, true));
    }

    @Test
    void anExistingCardIs200WithItsUnchangedBalance() throws Exception {
        when(cards.open(REQUEST)).thenReturn(new CardService.Opened(new CardResponse(CARD, "Ada Lovelace", 4_000), false));

        mvc.perform(post("/bank/cards").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balanceCents").value(4000));
    }

    @Test
    void aNegativeBalanceOrABadNumberFailsValidationWithACode() throws Exception {
        mvc.perform(post("/bank/cards").contentType(MediaType.APPLICATION_JSON).content("""
                        {"cardNumber":"4000 0000","holder":"Ada","balanceCents":-1}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail").value("balanceCents must be greater than or equal to 0; "
                        + "cardNumber must match \"" + Card.NUMBER_PATTERN + "\""));
        verify(cards, never()).open(any());
    }

    @Test
    void aCardIsReadWithItsBalance() throws Exception {
        when(cards.find(CARD)).thenReturn(new CardResponse(CARD, "Ada Lovelace", 7_401));

        mvc.perform(get("/bank/cards/" + CARD))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"cardNumber":"4000000000000002","holder":"Ada Lovelace","balanceCents":7401}""", true));
    }

    @Test
    void anUnknownCardIs404UnknownCard() throws Exception {
        when(cards.find("123")).thenThrow(BankException.unknownCard("123"));

        mvc.perform(get("/bank/cards/123"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNKNOWN_CARD"))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void anUnknownPathIs404WithACode() throws Exception {
        mvc.perform(get("/bank/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }
}
