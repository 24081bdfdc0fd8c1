-- Accounting vouchers (DESIGN.md flow 4) and the bookkeeping of the dead-letter queue.
-- Invariant: every paid payment has exactly one voucher (payment_id is unique) and every voucher's
-- debit lines sum to its credit lines and to its amount. The consumer writes a voucher and its
-- lines in one local transaction; nothing here is ever updated. Amounts are minor units (pence).
-- Timestamps are UTC (the JDBC URL pins the session time zone).

CREATE TABLE voucher
(
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    payment_id       VARCHAR(64)  NOT NULL,
    order_id         BIGINT       NOT NULL,
    merchant_id      VARCHAR(64)  NOT NULL,
    method           VARCHAR(16)  NOT NULL,
    amount_cents     BIGINT       NOT NULL,
    commission_cents BIGINT       NOT NULL,
    commission_rate  DECIMAL(6, 4) NOT NULL,
    -- the RocketMQ message that booked it (a duplicate delivery keeps the first)
    message_id       VARCHAR(64)  NOT NULL,
    paid_at          DATETIME(3)  NOT NULL,
    created_at       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    -- the idempotency key: a redelivered or duplicated message cannot book a second voucher
    CONSTRAINT uk_voucher_payment UNIQUE (payment_id),
    CONSTRAINT ck_voucher_amounts
        CHECK (amount_cents > 0 AND commission_cents >= 0 AND commission_cents <= amount_cents),
    CONSTRAINT ck_voucher_method CHECK (method IN ('CARD', 'WALLET'))
) ENGINE = InnoDB;

-- Two to three lines per voucher, numbered from 1. counterparty is the user (wallet line) or the
-- merchant (payable line); NULL for bank clearing and commission.
CREATE TABLE voucher_line
(
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    voucher_id   BIGINT      NOT NULL,
    line_no      INT         NOT NULL,
    account_code VARCHAR(8)  NOT NULL,
    account_name VARCHAR(32) NOT NULL,
    direction    VARCHAR(6)  NOT NULL,
    amount_cents BIGINT      NOT NULL,
    counterparty VARCHAR(64) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_voucher_line UNIQUE (voucher_id, line_no),
    CONSTRAINT fk_voucher_line_voucher FOREIGN KEY (voucher_id) REFERENCES voucher (id),
    CONSTRAINT ck_voucher_line_direction CHECK (direction IN ('DEBIT', 'CREDIT')),
    CONSTRAINT ck_voucher_line_amount CHECK (amount_cents > 0)
) ENGINE = InnoDB;

CREATE INDEX ix_voucher_line_account ON voucher_line (account_code);

-- Why a message was sent straight to %DLQ%pay-accounting (the DLQ message itself does not say),
-- or why its last retry failed; shown by GET /api/accounting/dead-letters.
CREATE TABLE poison_message
(
    message_id  VARCHAR(64)  NOT NULL,
    message_key VARCHAR(128) NULL,
    reason      VARCHAR(512) NOT NULL,
    seen_at     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (message_id)
) ENGINE = InnoDB;

-- One row per dead letter an operator re-drove: the primary key makes a second re-drive a 409.
-- new_message_id is written in the same transaction as the row, after the broker accepted the
-- message; it is NULL only inside that transaction.
CREATE TABLE dead_letter_redrive
(
    message_id     VARCHAR(64) NOT NULL,
    new_message_id VARCHAR(64) NULL,
    redriven_at    DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    body_changed   BOOLEAN     NOT NULL,
    PRIMARY KEY (message_id)
) ENGINE = InnoDB;
