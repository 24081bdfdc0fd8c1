-- Coupon templates and the coupons granted to users. Versions 1.x are Seata's own tables
-- (mall-common, db/seata/at). user_coupon rows are changed by Seata AT branches (lock, use,
-- unlock): the RM keys its before/after images by primary key, so every table has one.
-- Amounts are minor units (pence).

CREATE TABLE coupon_template
(
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    code            VARCHAR(32)  NOT NULL COMMENT 'stable template code, e.g. GBP5_OFF_20',
    name            VARCHAR(128) NOT NULL,
    discount_cents  BIGINT       NOT NULL COMMENT 'discount in minor units',
    min_order_cents BIGINT       NOT NULL COMMENT 'smallest goods total the coupon applies to, minor units',
    created_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY ux_coupon_template_code (code),
    CONSTRAINT ck_coupon_template_amounts CHECK (discount_cents > 0 AND min_order_cents >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COMMENT = 'coupon templates, created on first grant of their code';

CREATE TABLE user_coupon
(
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    template_id BIGINT      NOT NULL,
    user_id     BIGINT      NOT NULL,
    status      VARCHAR(16) NOT NULL COMMENT 'AVAILABLE | LOCKED (by an unpaid order) | USED (by a paid order)',
    order_id    BIGINT      NULL COMMENT 'the order holding the coupon while LOCKED or USED',
    grant_key   VARCHAR(64) NOT NULL COMMENT 'idempotency key of the grant',
    locked_at   DATETIME(3) NULL,
    used_at     DATETIME(3) NULL,
    created_at  DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at  DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY ux_user_coupon_grant_key (grant_key),
    KEY ix_user_coupon_user (user_id),
    CONSTRAINT fk_user_coupon_template FOREIGN KEY (template_id) REFERENCES coupon_template (id),
    -- The invariant in the schema: an AVAILABLE coupon belongs to no order, a LOCKED or USED one
    -- to exactly one, so no code path can leave a coupon half-released.
    CONSTRAINT ck_user_coupon_status CHECK (
        (status = 'AVAILABLE' AND order_id IS NULL)
            OR (status IN ('LOCKED', 'USED') AND order_id IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COMMENT = 'coupons granted to users';
