-- Orders of the mall (DESIGN.md flows 1, 6, 7). Amounts in minor units (pence).
CREATE TABLE orders
(
    order_id              BIGINT       NOT NULL AUTO_INCREMENT,
    user_id               BIGINT       NOT NULL,
    status                VARCHAR(16)  NOT NULL COMMENT 'CREATED, PAID, CANCELLED',
    total_cents           BIGINT       NOT NULL COMMENT 'goods total at catalogue prices',
    coupon_id             BIGINT       NULL,
    coupon_discount_cents BIGINT       NOT NULL DEFAULT 0,
    points_used           BIGINT       NOT NULL DEFAULT 0 COMMENT '1 point = 1 penny',
    payable_cents         BIGINT       NOT NULL COMMENT 'total - coupon - points',
    pay_deadline          DATETIME(3)  NOT NULL,
    payment_id            VARCHAR(64)  NULL,
    paid_at               DATETIME(3)  NULL,
    cancelled_at          DATETIME(3)  NULL,
    cancel_reason         VARCHAR(16)  NULL COMMENT 'USER, TIMEOUT',
    created_at            DATETIME(3)  NOT NULL,
    updated_at            DATETIME(3)  NOT NULL,
    PRIMARY KEY (order_id),
    KEY ix_orders_status_deadline (status, pay_deadline),
    KEY ix_orders_user (user_id),
    CONSTRAINT ck_orders_amounts CHECK (total_cents >= 0 AND payable_cents >= 0
        AND coupon_discount_cents >= 0 AND points_used >= 0)
) ENGINE = InnoDB;

CREATE TABLE order_line
(
    order_id         BIGINT       NOT NULL,
    line_no          INT          NOT NULL,
    sku              VARCHAR(32)  NOT NULL,
    name             VARCHAR(255) NOT NULL,
    unit_price_cents BIGINT       NOT NULL,
    quantity         INT          NOT NULL,
    line_total_cents BIGINT       NOT NULL,
    PRIMARY KEY (order_id, line_no)
) ENGINE = InnoDB;

-- Idempotency-Key of POST /api/orders: a retried checkout returns the order it created.
CREATE TABLE checkout_request
(
    idempotency_key VARCHAR(128) NOT NULL,
    user_id         BIGINT       NOT NULL,
    request_hash    CHAR(64)     NOT NULL COMMENT 'SHA-256 of the normalised request',
    order_id        BIGINT       NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (idempotency_key)
) ENGINE = InnoDB;

-- Every payment result received, applied or rejected: the receiver's idempotency record.
CREATE TABLE payment_notification
(
    payment_id   VARCHAR(64) NOT NULL,
    order_id     BIGINT      NOT NULL,
    amount_cents BIGINT      NOT NULL,
    outcome      VARCHAR(32) NOT NULL COMMENT 'APPLIED, REJECTED_ORDER_CANCELLED, REJECTED_AMOUNT_MISMATCH, REJECTED_ALREADY_PAID',
    received_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (payment_id),
    KEY ix_payment_notification_order (order_id)
) ENGINE = InnoDB;
