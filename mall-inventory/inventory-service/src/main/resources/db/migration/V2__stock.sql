-- Stock per SKU and the per-order reservations that make reserve / deduct / release idempotent.
-- Both tables are written by Seata AT branches: each has a primary key (AT keys its undo images
-- and global locks on it) and no ON UPDATE CURRENT_TIMESTAMP (a value the database changes
-- behind the AT proxy's back would fail the undo's dirty-data check; the statements set
-- updated_at themselves).

-- Invariant: available + reserved + sold = initial_stock + restocked, all of them >= 0.
-- Quantities are units; price_cents is the unit price in minor units (pence).
CREATE TABLE sku (
    sku           VARCHAR(32)  NOT NULL,
    name          VARCHAR(255) NOT NULL,
    price_cents   BIGINT       NOT NULL,
    available     INT          NOT NULL,
    reserved      INT          NOT NULL DEFAULT 0,
    sold          INT          NOT NULL DEFAULT 0,
    initial_stock INT          NOT NULL,
    restocked     INT          NOT NULL DEFAULT 0,
    created_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (sku),
    CONSTRAINT ck_sku_price_positive CHECK (price_cents >= 1),
    CONSTRAINT ck_sku_available_non_negative CHECK (available >= 0),
    CONSTRAINT ck_sku_reserved_non_negative CHECK (reserved >= 0),
    CONSTRAINT ck_sku_sold_non_negative CHECK (sold >= 0),
    CONSTRAINT ck_sku_initial_non_negative CHECK (initial_stock >= 0),
    CONSTRAINT ck_sku_restocked_non_negative CHECK (restocked >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per (order, sku). Its existence is what makes a repeated reserve a no-op, and the
-- primary key is what stops two concurrent reserves of the same order from both moving stock.
-- status: RESERVED -> SOLD (deduct) or RESERVED -> RELEASED (release); never back.
CREATE TABLE stock_reservation (
    order_id   BIGINT      NOT NULL,
    sku        VARCHAR(32) NOT NULL,
    quantity   INT         NOT NULL,
    status     VARCHAR(16) NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (order_id, sku),
    CONSTRAINT ck_reservation_quantity_positive CHECK (quantity >= 1),
    CONSTRAINT ck_reservation_status CHECK (status IN ('RESERVED', 'SOLD', 'RELEASED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
