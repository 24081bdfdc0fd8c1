package io.mallpay.tools.replay;

import io.mallpay.tools.RetailDataset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One invoice of a retail file: its lines grouped by InvoiceNo. {@code time} is the earliest
 * InvoiceDate of its lines (a few invoices span two minutes); {@code customerId} is null for a
 * guest invoice. The kind follows the file's convention: InvoiceNo {@code C…} is a cancellation,
 * {@code A…} a bad-debt adjustment, anything else a sale.
 */
public record Invoice(String invoiceNo, LocalDateTime time, Long customerId, List<Line> lines) {

    /** Time order of the replay: InvoiceDate, then InvoiceNo. */
    public static final Comparator<Invoice> TIME_ORDER =
            Comparator.comparing(Invoice::time).thenComparing(Invoice::invoiceNo);

    public enum Kind { SALE, CANCELLATION, ADJUSTMENT }

    /** A line as the file has it: {@code unitPrice} in pounds (may be zero or negative), quantity as written. */
    public record Line(String stockCode, int quantity, BigDecimal unitPrice) {

        public boolean isProduct() {
            return RetailDataset.isProduct(stockCode);
        }

        /** quantity × unit price in pence (half-up), 0 unless both are positive. */
        public long valueCents() {
            if (quantity <= 0 || unitPrice.signum() <= 0) {
                return 0;
            }
            return unitPrice.movePointRight(2).multiply(BigDecimal.valueOf(quantity))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
    }

    public Invoice {
        lines = List.copyOf(lines);
    }

    public Kind kind() {
        if (invoiceNo.startsWith("C")) {
            return Kind.CANCELLATION;
        }
        return invoiceNo.startsWith("A") ? Kind.ADJUSTMENT : Kind.SALE;
    }

    public boolean guest() {
        return customerId == null;
    }

    /** The distinct product StockCodes (non-product codes left out), in file order. */
    public Set<String> productCodes() {
        Set<String> codes = new LinkedHashSet<>();
        lines.stream().filter(Line::isProduct).forEach(l -> codes.add(l.stockCode()));
        return codes;
    }
}
