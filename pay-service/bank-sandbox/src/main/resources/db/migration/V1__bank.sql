-- The bank sandbox: cards with balances, the charges the platform submits, and the card ledger.
-- Amounts are minor units (pence). Timestamps are UTC (the JDBC URL pins the session time zone).
-- Invariant: every balance change writes exactly one card_ledger row, so for each card
-- balance_cents = SUM(delta_cents); the opening balance is a row with charge_id NULL.

CREATE TABLE card
(
    card_number   VARCHAR(32)  NOT NULL,
    holder        VARCHAR(128) NOT NULL,
    balance_cents BIGINT       NOT NULL COMMENT 'minor units',
    created_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (card_number),
    -- last line of defence: the conditional debit already refuses to go below zero
    CONSTRAINT ck_card_balance_non_negative CHECK (balance_cents >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COMMENT = 'simulated bank cards';

-- card_number has no foreign key on purpose: a charge on an unknown card is accepted and then
-- DECLINED, as a real acquirer answers asynchronously.
CREATE TABLE charge
(
    charge_id      VARCHAR(64)  NOT NULL COMMENT 'the platform''s payment id; idempotency key',
    bank_txn_id    VARCHAR(64)  NOT NULL COMMENT 'the bank''s own reference',
    card_number    VARCHAR(32)  NOT NULL,
    amount_cents   BIGINT       NOT NULL COMMENT 'minor units',
    merchant_ref   VARCHAR(64)  NOT NULL,
    callback_url   VARCHAR(512) NOT NULL,
    status         VARCHAR(16)  NOT NULL COMMENT 'ACCEPTED | SUCCEEDED | DECLINED',
    callback_mode  VARCHAR(16)  NOT NULL COMMENT 'fault mode in force when the charge was submitted',
    callbacks_sent INT          NOT NULL DEFAULT 0 COMMENT 'callbacks the platform acknowledged with 2xx',
    created_at     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    decided_at     DATETIME(3)  NULL,
    PRIMARY KEY (charge_id),
    UNIQUE KEY ux_charge_bank_txn_id (bank_txn_id),
    KEY ix_charge_status_created (status, created_at),
    CONSTRAINT ck_charge_amount_positive CHECK (amount_cents > 0),
    -- decided exactly when it has left ACCEPTED
    CONSTRAINT ck_charge_status CHECK (
        (status = 'ACCEPTED' AND decided_at IS NULL)
            OR (status IN ('SUCCEEDED', 'DECLINED') AND decided_at IS NOT NULL)),
    CONSTRAINT ck_charge_callback_mode
        CHECK (callback_mode IN ('NORMAL', 'TWICE', 'LATE', 'NEVER', 'OUT_OF_ORDER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COMMENT = 'card charges submitted by the platform';

-- Append-only. charge_id is NULL for the opening balance; the unique key makes a second debit
-- for the same charge impossible even if the code tried.
CREATE TABLE card_ledger
(
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    card_number VARCHAR(32) NOT NULL,
    charge_id   VARCHAR(64) NULL,
    delta_cents BIGINT      NOT NULL COMMENT 'minor units; negative for a debit',
    created_at  DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY ux_card_ledger_charge (charge_id),
    KEY ix_card_ledger_card (card_number),
    CONSTRAINT fk_card_ledger_card FOREIGN KEY (card_number) REFERENCES card (card_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COMMENT = 'every change of a card balance';
