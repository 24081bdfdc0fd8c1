package io.mallpay.coupon.template;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.LocalDateTime;

/**
 * A kind of coupon: what it takes off an order and the smallest order it applies to, both in
 * minor units (pence). Created on the first grant of its {@code code}, never changed afterwards,
 * so every coupon of a template promises the same discount.
 */
@TableName("coupon_template")
public class CouponTemplate {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String code;
    private String name;
    private Long discountCents;
    private Long minOrderCents;
    private LocalDateTime createdAt;

    public CouponTemplate() {
    }

    public CouponTemplate(String code, String name, long discountCents, long minOrderCents) {
        this.code = code;
        this.name = name;
        this.discountCents = discountCents;
        this.minOrderCents = minOrderCents;
    }

    /** The discount for an order of {@code orderTotalCents}: never more than the order itself. */
    public long discountFor(long orderTotalCents) {
        return Math.min(discountCents, orderTotalCents);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getDiscountCents() {
        return discountCents;
    }

    public void setDiscountCents(Long discountCents) {
        this.discountCents = discountCents;
    }

    public Long getMinOrderCents() {
        return minOrderCents;
    }

    public void setMinOrderCents(Long minOrderCents) {
        this.minOrderCents = minOrderCents;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }
}
