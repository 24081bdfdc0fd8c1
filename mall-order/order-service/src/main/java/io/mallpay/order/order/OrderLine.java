package io.mallpay.order.order;

import com.baomidou.mybatisplus.annotation.TableName;

/** Row of {@code order_line}: a SKU at the catalogue price of checkout time (pence). */
@TableName("order_line")
public class OrderLine {

    private Long orderId;
    private Integer lineNo;
    private String sku;
    private String name;
    private Long unitPriceCents;
    private Integer quantity;
    private Long lineTotalCents;

    public OrderLine() {
    }

    public OrderLine(Long orderId, int lineNo, String sku, String name, long unitPriceCents, int quantity) {
        this.orderId = orderId;
        this.lineNo = lineNo;
        this.sku = sku;
        this.name = name;
        this.unitPriceCents = unitPriceCents;
        this.quantity = quantity;
        this.lineTotalCents = Math.multiplyExact(unitPriceCents, (long) quantity);
    }

    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public Integer getLineNo() { return lineNo; }
    public void setLineNo(Integer lineNo) { this.lineNo = lineNo; }
    public String getSku() { return sku; }
    public void setSku(String sku) { this.sku = sku; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getUnitPriceCents() { return unitPriceCents; }
    public void setUnitPriceCents(Long unitPriceCents) { this.unitPriceCents = unitPriceCents; }
    public Integer getQuantity() { return quantity; }
    public void setQuantity(Integer quantity) { this.quantity = quantity; }
    public Long getLineTotalCents() { return lineTotalCents; }
    public void setLineTotalCents(Long lineTotalCents) { this.lineTotalCents = lineTotalCents; }
}
