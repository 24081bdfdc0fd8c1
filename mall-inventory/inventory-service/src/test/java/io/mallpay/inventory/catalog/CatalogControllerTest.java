package io.mallpay.inventory.catalog;

import io.mallpay.common.web.ProblemHandler;
import io.mallpay.inventory.api.InventoryClient.CatalogImportResponse;
import io.mallpay.inventory.api.InventoryClient.CatalogItem;
import io.mallpay.inventory.api.InventoryClient.SkuView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CatalogController.class)
@Import(ProblemHandler.class)
class CatalogControllerTest {

    @Autowired
    MockMvc mvc;
    @MockBean
    CatalogService catalog;

    @Test
    void lookupAnswersSkuViewsInServiceOrder() throws Exception {
        when(catalog.lookup(List.of("71053", "NOPE")))
                .thenReturn(List.of(new SkuView("71053", "WHITE METAL LANTERN", 339, 12)));

        mvc.perform(post("/internal/skus/lookup").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"skus\": [\"71053\", \"NOPE\"]}"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"sku": "71053", "name": "WHITE METAL LANTERN", "priceCents": 339, "available": 12}]
                        """, true));
    }

    @Test
    void lookupWithoutSkusFailsValidation() throws Exception {
        mvc.perform(post("/internal/skus/lookup").contentType(MediaType.APPLICATION_JSON).content("{\"skus\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        verifyNoInteractions(catalog);
    }

    @Test
    void importAnswersTheCounts() throws Exception {
        when(catalog.importCatalog(List.of(new CatalogItem("71053", "WHITE METAL LANTERN", 339, 12))))
                .thenReturn(new CatalogImportResponse(1, 0));

        mvc.perform(post("/internal/catalog/import").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"items": [{"sku": "71053", "name": "WHITE METAL LANTERN", "priceCents": 339, "initialStock": 12}]}
                                """))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"inserted\": 1, \"unchanged\": 0}", true));
    }

    @Test
    void importWithFreeProductOrNegativeStockFailsValidation() throws Exception {
        mvc.perform(post("/internal/catalog/import").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"items": [{"sku": "71053", "name": "WHITE METAL LANTERN", "priceCents": 0, "initialStock": -1}]}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail").value(containsString("items[0].priceCents")))
                .andExpect(jsonPath("$.detail").value(containsString("items[0].initialStock")));
        verifyNoInteractions(catalog);
    }

    @Test
    void malformedJsonFailsValidation() throws Exception {
        mvc.perform(post("/internal/catalog/import").contentType(MediaType.APPLICATION_JSON).content("{\"items\": ["))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }
}
