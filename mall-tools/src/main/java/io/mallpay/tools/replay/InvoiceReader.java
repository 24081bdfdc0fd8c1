package io.mallpay.tools.replay;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the lines of a file in the UCI "Online Retail" format (InvoiceNo, StockCode, Description,
 * Quantity, InvoiceDate {@code yyyy-MM-dd HH:mm:ss}, UnitPrice, CustomerID, Country) into
 * {@link Invoice}s, sorted by {@link Invoice#TIME_ORDER}. StockCodes are trimmed; the
 * CustomerID of an invoice is that of its first line that has one (the file never mixes them).
 * A malformed number or date raises {@link IllegalArgumentException} naming the invoice.
 */
public final class InvoiceReader {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private InvoiceReader() {
    }

    public static List<Invoice> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    public static List<Invoice> read(Reader csv) throws IOException {
        Map<String, Builder> byNo = new LinkedHashMap<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = new CsvMapper()
                .readerFor(Map.class).with(schema).readValues(csv)) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                String no = field(row, "InvoiceNo");
                try {
                    byNo.computeIfAbsent(no, Builder::new).add(row);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("invoice " + no + ": bad line " + row + ": " + e.getMessage(), e);
                }
            }
        }
        List<Invoice> out = new ArrayList<>(byNo.size());
        byNo.values().forEach(b -> out.add(b.build()));
        out.sort(Invoice.TIME_ORDER);
        return out;
    }

    private static String field(Map<String, String> row, String name) {
        String v = row.get(name);
        return v == null ? "" : v.trim();
    }

    private static final class Builder {
        private final String invoiceNo;
        private final List<Invoice.Line> lines = new ArrayList<>();
        private LocalDateTime time;
        private Long customerId;

        Builder(String invoiceNo) {
            this.invoiceNo = invoiceNo;
        }

        void add(Map<String, String> row) {
            LocalDateTime t = LocalDateTime.parse(field(row, "InvoiceDate"), DATE);
            time = time == null || t.isBefore(time) ? t : time;
            String customer = field(row, "CustomerID");
            if (customerId == null && !customer.isEmpty()) {
                customerId = Long.parseLong(customer);
            }
            String price = field(row, "UnitPrice");
            lines.add(new Invoice.Line(field(row, "StockCode"), Integer.parseInt(field(row, "Quantity")),
                    price.isEmpty() ? BigDecimal.ZERO : new BigDecimal(price)));
        }

        Invoice build() {
            return new Invoice(invoiceNo, time, customerId, lines);
        }
    }
}
