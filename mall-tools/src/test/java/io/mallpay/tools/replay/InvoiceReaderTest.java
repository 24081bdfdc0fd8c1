package io.mallpay.tools.replay;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.mallpay.tools.replay.RetailLines.invoices;
import static io.mallpay.tools.replay.RetailLines.line;
import static org.assertj.core.api.Assertions.assertThat;

class InvoiceReaderTest {

    @Test
    void groupsLinesByInvoiceAndSortsByTimeThenNumber() throws Exception {
        List<Invoice> inv = invoices(
                line("536400", "22139", 2, "10:00:00", "4.95", "17850"),
                line("536365", "85123A", 6, "10:00:00", "2.55", "17850"),
                line("536400", "POST", 1, "09:59:00", "18.00", "17850"),
                line("C536390", "85123A", -1, "09:30:00", "2.55", "14527"),
                line("536380", " 71053 ", 3, "09:30:00", "3.39", ""));

        assertThat(inv).extracting(Invoice::invoiceNo).containsExactly("536380", "C536390", "536400", "536365");
        Invoice big = inv.get(2);
        assertThat(big.time()).as("earliest line of a two-minute invoice").hasToString("2010-12-01T09:59");
        assertThat(big.lines()).hasSize(2);
        assertThat(big.productCodes()).containsExactly("22139");
        assertThat(inv.get(0).guest()).isTrue();
        assertThat(inv.get(0).lines().get(0).stockCode()).as("trimmed").isEqualTo("71053");
        assertThat(inv.get(1).kind()).isEqualTo(Invoice.Kind.CANCELLATION);
        assertThat(inv.get(3).kind()).isEqualTo(Invoice.Kind.SALE);
        assertThat(inv.get(3).customerId()).isEqualTo(17850L);
    }

    @Test
    void lineValueIsPenceAndZeroForDirtyLines() {
        assertThat(new Invoice.Line("X", 3, new BigDecimal("0.85")).valueCents()).isEqualTo(255);
        assertThat(new Invoice.Line("X", -3, new BigDecimal("0.85")).valueCents()).isZero();
        assertThat(new Invoice.Line("X", 3, new BigDecimal("0.00")).valueCents()).isZero();
        assertThat(new Invoice.Line("X", 1, new BigDecimal("-11062.06")).valueCents()).isZero();
    }

    @Test
    void readsTheSharedSampleWhenPresent() throws Exception {
        java.nio.file.Path sample = java.nio.file.Path.of("../../shared/data/online-retail/online_retail_2010-12_2011-02.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(sample), "shared sample not here");
        List<Invoice> all = InvoiceReader.read(sample);
        assertThat(all).hasSize(4894);
        assertThat(all).isSortedAccordingTo(Invoice.TIME_ORDER);
        assertThat(all.stream().filter(i -> i.kind() == Invoice.Kind.CANCELLATION)).hasSize(805);
    }
}
