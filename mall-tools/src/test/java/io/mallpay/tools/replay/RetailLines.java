package io.mallpay.tools.replay;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

/** Object Mother: small retail files in the UCI format, as the tests need them. */
final class RetailLines {

    static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    private RetailLines() {
    }

    static String line(String invoice, String code, int qty, String time, String price, String customer) {
        return invoice + "," + code + ",ITEM " + code + "," + qty + ",2010-12-01 " + time + "," + price + ","
                + customer + ",United Kingdom\n";
    }

    static List<Invoice> invoices(String... lines) throws IOException {
        return InvoiceReader.read(new StringReader(HEADER + String.join("", lines)));
    }

    static Invoice sale(String no, long customer, String... codes) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String c : codes) {
            sb.append(line(no, c, 1, "09:00:00", "1.00", Long.toString(customer)));
        }
        return invoices(sb.toString()).get(0);
    }
}
