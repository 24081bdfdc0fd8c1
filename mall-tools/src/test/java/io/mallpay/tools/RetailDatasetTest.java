package io.mallpay.tools;

import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class RetailDatasetTest {

    private static final String CSV = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
            536366,85123A,WHITE HANGING HEART T-LIGHT HOLDER,10,2010-12-01 08:28:00,2.55,17850,United Kingdom
            536367,85123A,,2,2010-12-01 08:34:00,2.95,13047,United Kingdom
            536368,POST,POSTAGE,1,2010-12-01 08:34:00,18.00,12583,France
            C536379,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-1,2010-12-01 09:41:00,2.55,14527,United Kingdom
            536380,22139,"RETROSPOT TEA SET, CERAMIC 11 PC",3,2010-12-01 09:41:00,4.95,,United Kingdom
            536381,22140,BAD LINE,4,2010-12-01 09:41:00,0.00,14527,United Kingdom
            536382,gift_0001_20,Dotcomgiftshop Gift Voucher £20.00,1,2010-12-01 09:45:00,17.02,,United Kingdom
            A563185,B,Adjust bad debt,1,2011-08-12 14:50:00,11062.06,,United Kingdom
            """;

    @Test
    void derivesCatalogueAndCustomersByTheDocumentedRules() throws Exception {
        RetailDataset d = RetailDataset.read(new StringReader(CSV));

        assertThat(d.skus).containsOnlyKeys("85123A", "22139");
        RetailDataset.Sku heart = d.skus.get("85123A");
        assertThat(heart.name()).isEqualTo("WHITE HANGING HEART T-LIGHT HOLDER");
        assertThat(heart.priceCents()).as("most frequent positive price, in pence").isEqualTo(255);
        assertThat(heart.initialStock()).as("ceil(1.5 x 18 sold)").isEqualTo(27);
        assertThat(d.skus.get("22139").name()).isEqualTo("RETROSPOT TEA SET, CERAMIC 11 PC");
        assertThat(d.skus.get("22139").initialStock()).as("at least 10").isEqualTo(10);

        assertThat(d.skippedSkus).containsEntry("NO_PRICE", 1);
        assertThat(d.customers).containsExactly(12583L, 13047L, 14527L, 17850L);
        assertThat(d.lineCounts).containsEntry("cancellation_line", 1).containsEntry("adjustment_line", 1)
                .containsEntry("non_product_line", 2).containsEntry("non_positive_price_line", 1)
                .containsEntry("empty_description_line", 1).containsEntry("guest_line", 3)
                .containsEntry("sale_line", 4);
    }

    @Test
    void nonProductCodesAreRecognised() {
        assertThat(RetailDataset.isProduct("POST")).isFalse();
        assertThat(RetailDataset.isProduct("BANK CHARGES")).isFalse();
        assertThat(RetailDataset.isProduct("m")).isFalse();
        assertThat(RetailDataset.isProduct("gift_0001_30")).isFalse();
        assertThat(RetailDataset.isProduct("DCGS0076")).isTrue();
        assertThat(RetailDataset.isProduct("84029G")).isTrue();
    }

    @Test
    void seededGrantsAreDeterministicAndBounded() {
        assertThat(SeededGrants.openingPoints(42, 17850)).isEqualTo(SeededGrants.openingPoints(42, 17850))
                .isBetween(500L, 5000L);
        long withCoupon = java.util.stream.LongStream.range(10000, 12000).filter(u -> SeededGrants.getsCoupon(42, u)).count();
        assertThat(withCoupon).as("about one in five of 2000").isBetween(320L, 480L);
    }
}
