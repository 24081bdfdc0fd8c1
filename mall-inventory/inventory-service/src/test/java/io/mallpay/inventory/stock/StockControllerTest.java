package io.mallpay.inventory.stock;

import io.mallpay.common.web.ApiException;
import io.mallpay.common.web.ProblemHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static io.mallpay.inventory.stock.Reservations.HEART_HOLDER;
import static io.mallpay.inventory.stock.Reservations.LANTERN;
import static io.mallpay.inventory.stock.Reservations.line;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(StockController.class)
@Import(ProblemHandler.class)
class StockControllerTest {

    @Autowired
    MockMvc mvc;
    @MockBean
    StockService stock;

    @Test
    void reservePassesOrderAndLinesToTheService() throws Exception {
        mvc.perform(post("/internal/stock/reservations").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"orderId": 42, "lines": [{"sku": "85123A", "quantity": 3}, {"sku": "71053", "quantity": 1}]}
                                """))
                .andExpect(status().isOk())
                .andExpect(content().string(""));

        verify(stock).reserve(42L, List.of(line(HEART_HOLDER, 3), line(LANTERN, 1)));
    }

    @Test
    void emptyLinesFailValidation() throws Exception {
        mvc.perform(post("/internal/stock/reservations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\": 42, \"lines\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("lines")));
        verifyNoInteractions(stock);
    }

    @Test
    void zeroQuantityOrBlankSkuFailValidation() throws Exception {
        mvc.perform(post("/internal/stock/reservations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\": 42, \"lines\": [{\"sku\": \" \", \"quantity\": 0}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("lines[0].quantity"),
                        org.hamcrest.Matchers.containsString("lines[0].sku"))));
        verifyNoInteractions(stock);
    }

    @Test
    void outOfStockIs409ProblemWithItsCode() throws Exception {
        doThrow(new ApiException(HttpStatus.CONFLICT, "OUT_OF_STOCK", "sku 85123A: 2 available, 3 requested"))
                .when(stock).reserve(anyLong(), anyList());

        mvc.perform(post("/internal/stock/reservations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\": 42, \"lines\": [{\"sku\": \"85123A\", \"quantity\": 3}]}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("OUT_OF_STOCK"))
                .andExpect(jsonPath("$.detail").value("sku 85123A: 2 available, 3 requested"));
    }

    @Test
    void deductAndReleaseTakeTheOrderIdFromThePath() throws Exception {
        mvc.perform(post("/internal/stock/reservations/42/deduct")).andExpect(status().isOk());
        mvc.perform(post("/internal/stock/reservations/43/release")).andExpect(status().isOk());

        verify(stock).deduct(42L);
        verify(stock).release(43L);
    }

    @Test
    void deductWithoutReservationIs404() throws Exception {
        doThrow(new ApiException(HttpStatus.NOT_FOUND, "NO_RESERVATION", "order 42 reserved no stock"))
                .when(stock).deduct(42L);

        mvc.perform(post("/internal/stock/reservations/42/deduct"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NO_RESERVATION"));
    }

    @Test
    void nonNumericOrderIdFailsValidation() throws Exception {
        mvc.perform(post("/internal/stock/reservations/abc/release"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        verifyNoInteractions(stock);
    }
}
