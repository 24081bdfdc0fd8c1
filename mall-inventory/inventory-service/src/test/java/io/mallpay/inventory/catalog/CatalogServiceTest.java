package io.mallpay.inventory.catalog;

import io.mallpay.common.web.ApiException;
import io.mallpay.inventory.api.InventoryClient.CatalogImportResponse;
import io.mallpay.inventory.api.InventoryClient.SkuView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.springframework.dao.DuplicateKeyException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.mallpay.inventory.catalog.Catalogue.heartHolder;
import static io.mallpay.inventory.catalog.Catalogue.item;
import static io.mallpay.inventory.catalog.Catalogue.lantern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class CatalogServiceTest {

    @Mock
    SkuMapper skus;

    CatalogService service() {
        return new CatalogService(skus);
    }

    @Test
    void lookupKeepsRequestOrderAndOmitsUnknownSkus() {
        when(skus.selectBatchIds(anyCollection())).thenReturn(List.of(heartHolder(7), lantern(0)));

        List<SkuView> views = service().lookup(List.of("71053", "NOPE", "85123A", "71053"));

        assertThat(views).containsExactly(
                new SkuView("71053", "WHITE METAL LANTERN", 339, 0),
                new SkuView("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 255, 7));
    }

    @Test
    void importInsertsOnlyNewSkusAndCountsDuplicatesOnce() {
        when(skus.selectBatchIds(anyCollection())).thenReturn(List.of(heartHolder(3)));

        CatalogImportResponse result = service().importCatalog(List.of(
                item("85123A", 100), item("71053", 10), item("71053", 999), item("22423", 5)));

        assertThat(result).isEqualTo(new CatalogImportResponse(2, 1));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Sku>> inserted = ArgumentCaptor.forClass(List.class);
        verify(skus).insertAll(inserted.capture());
        assertThat(inserted.getValue()).extracting(Sku::getSku).containsExactly("22423", "71053");
        Sku lantern = inserted.getValue().get(1);
        assertThat(lantern.getInitialStock()).isEqualTo(10);
        assertThat(lantern.getAvailable()).isEqualTo(10);
        assertThat(lantern.getReserved() + lantern.getSold()).isZero();
    }

    @Test
    void importOfExistingSkusOnlyInsertsNothing() {
        when(skus.selectBatchIds(anyCollection())).thenReturn(List.of(heartHolder(3), lantern(1)));

        CatalogImportResponse result = service().importCatalog(List.of(item("85123A", 100), item("71053", 10)));

        assertThat(result).isEqualTo(new CatalogImportResponse(0, 2));
        verify(skus, never()).insertAll(anyList());
    }

    @Test
    void largeImportsAreInsertedInChunks() {
        when(skus.selectBatchIds(anyCollection())).thenReturn(List.of());
        List<Sku> seen = new ArrayList<>();
        when(skus.insertAll(anyList())).thenAnswer(inv -> {
            List<Sku> chunk = inv.getArgument(0);
            assertThat(chunk.size()).isLessThanOrEqualTo(CatalogService.INSERT_CHUNK);
            seen.addAll(chunk);
            return chunk.size();
        });

        CatalogImportResponse result = service().importCatalog(
                IntStream.range(0, 1200).mapToObj(i -> item("S%05d".formatted(i), 1)).toList());

        assertThat(result.inserted()).isEqualTo(1200);
        assertThat(seen).hasSize(1200);
        verify(skus, times(3)).insertAll(anyList());
    }

    @Test
    void aConcurrentImportOfTheSameSkuIsAConflict() {
        when(skus.selectBatchIds(anyCollection())).thenReturn(List.of());
        when(skus.insertAll(anyList())).thenThrow(new DuplicateKeyException("PRIMARY"));

        assertThatThrownBy(() -> service().importCatalog(List.of(item("71053", 1))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("CONCURRENT_UPDATE"));
    }

    @Test
    void pageTranslatesPageNumberToRowOffset() {
        when(skus.countAll()).thenReturn(45L);
        when(skus.findPage(40L, 20)).thenReturn(List.of(heartHolder(1)));

        ProductPageResponse page = service().page(2, 20);

        assertThat(page.items()).containsExactly(new ProductResponse("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 255, 1));
        assertThat(page.total()).isEqualTo(45);
        assertThat(page.page()).isEqualTo(2);
        assertThat(page.size()).isEqualTo(20);
    }

    @Test
    void pagePastTheEndIsEmptyWithoutQueryingRows() {
        when(skus.countAll()).thenReturn(45L);

        ProductPageResponse page = service().page(Integer.MAX_VALUE, 200);

        assertThat(page.items()).isEmpty();
        verify(skus, never()).findPage(anyLong(), anyInt());
    }

    @Test
    void unknownProductIs404() {
        assertThatThrownBy(() -> service().product("NOPE"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("UNKNOWN_SKU");
                    assertThat(e.status().value()).isEqualTo(404);
                });
    }
}
