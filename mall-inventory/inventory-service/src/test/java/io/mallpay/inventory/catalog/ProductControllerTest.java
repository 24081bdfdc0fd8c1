package io.mallpay.inventory.catalog;

import io.mallpay.common.web.ApiException;
import io.mallpay.common.web.ProblemHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ProductController.class)
@Import(ProblemHandler.class)
class ProductControllerTest {

    @Autowired
    MockMvc mvc;
    @MockBean
    CatalogService catalog;

    @Test
    void listAnswersThePublicPageShape() throws Exception {
        when(catalog.page(1, 2)).thenReturn(new ProductPageResponse(
                List.of(new ProductResponse("71053", "WHITE METAL LANTERN", 339, 12)), 1, 2, 3));

        mvc.perform(get("/api/products").param("page", "1").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"items": [{"sku": "71053", "name": "WHITE METAL LANTERN", "priceCents": 339, "available": 12}],
                         "page": 1, "size": 2, "total": 3}
                        """, true));
    }

    @Test
    void listDefaultsToTheFirstPageOfTwenty() throws Exception {
        when(catalog.page(anyInt(), anyInt())).thenReturn(new ProductPageResponse(List.of(), 0, 20, 0));

        mvc.perform(get("/api/products")).andExpect(status().isOk());

        verify(catalog).page(0, 20);
    }

    @ParameterizedTest
    @CsvSource({"-1, 20", "0, 0", "0, 201", "x, 20"})
    void outOfRangePagingIsValidationFailed(String page, String size) throws Exception {
        mvc.perform(get("/api/products").param("page", page).param("size", size))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));

        verifyNoInteractions(catalog);
    }

    @Test
    void sizeTwoHundredIsStillAllowed() throws Exception {
        when(catalog.page(0, 200)).thenReturn(new ProductPageResponse(List.of(), 0, 200, 0));

        mvc.perform(get("/api/products").param("size", "200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(200));
    }

    @Test
    void getAnswersOneProduct() throws Exception {
        when(catalog.product("85123A"))
                .thenReturn(new ProductResponse("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 255, 7));

        mvc.perform(get("/api/products/85123A"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"sku": "85123A", "name": "WHITE HANGING HEART T-LIGHT HOLDER", "priceCents": 255, "available": 7}
                        """, true));
    }

    @Test
    void unknownProductIs404WithItsCode() throws Exception {
        when(catalog.product("NOPE"))
                .thenThrow(new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_SKU", "no SKU NOPE in the catalogue"));

        mvc.perform(get("/api/products/NOPE"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_SKU"));
    }
}
