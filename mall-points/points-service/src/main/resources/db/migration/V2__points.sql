-- Points accounts, their ledger, and the per-order rows that make the AT branches idempotent.
-- Invariant (DESIGN.md): every balance change writes exactly one points_ledger row, so for each
-- user available = SUM(delta_available) and frozen = SUM(delta_frozen); the opening balance is an
-- OPENING row. Every table has a primary key: Seata AT builds its undo images and global lock
-- keys from it. Timestamps are UTC (the JDBC URL pins the session time zone).

CREATE TABLE points_account
(
    user_id    BIGINT      NOT NULL,
    available  BIGINT      NOT NULL,
    frozen     BIGINT      NOT NULL DEFAULT 0,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (user_id),
    -- last line of defence: the conditional UPDATEs already refuse to go below zero
    CONSTRAINT ck_points_account_non_negative CHECK (available >= 0 AND frozen >= 0)
) ENGINE = InnoDB;

-- Append-only. order_id is NULL for OPENING rows; reason is set on AWARD rows only.
CREATE TABLE points_ledger
(
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    user_id         BIGINT      NOT NULL,
    order_id        BIGINT      NULL,
    entry_type      VARCHAR(16) NOT NULL,
    reason          VARCHAR(32) NULL,
    delta_available BIGINT      NOT NULL,
    delta_frozen    BIGINT      NOT NULL,
    created_at      DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    KEY ix_points_ledger_user (user_id),
    KEY ix_points_ledger_order (order_id),
    CONSTRAINT ck_points_ledger_type
        CHECK (entry_type IN ('OPENING', 'FREEZE', 'UNFREEZE', 'SPEND', 'AWARD'))
) ENGINE = InnoDB;

-- One row per order that froze points: its status is the state machine FROZEN -> SPENT or
-- FROZEN -> RELEASED, which makes freeze, spend and unfreeze idempotent per order.
CREATE TABLE points_freeze
(
    order_id   BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    points     BIGINT      NOT NULL,
    status     VARCHAR(16) NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (order_id),
    KEY ix_points_freeze_user (user_id),
    CONSTRAINT ck_points_freeze_points CHECK (points > 0),
    CONSTRAINT ck_points_freeze_status CHECK (status IN ('FROZEN', 'SPENT', 'RELEASED'))
) ENGINE = InnoDB;

-- One row per credited award: the primary key makes the same (order, reason) credit once.
CREATE TABLE points_award
(
    order_id   BIGINT      NOT NULL,
    reason     VARCHAR(32) NOT NULL,
    user_id    BIGINT      NOT NULL,
    points     BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (order_id, reason),
    KEY ix_points_award_user (user_id),
    CONSTRAINT ck_points_award_points CHECK (points > 0)
) ENGINE = InnoDB;
