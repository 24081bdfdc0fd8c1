-- Fund accounts, their ledger, and the top-ups that make wallet funding idempotent.
-- Invariant (DESIGN.md "never loses a cent"): every balance change writes exactly one fund_ledger
-- row carrying the same deltas, so for each account available_cents = SUM(delta_available),
-- incoming_cents = SUM(delta_incoming), outgoing_cents = SUM(delta_outgoing). An account opens at
-- zero with an OPENING row of zero deltas. Amounts are pence; timestamps are UTC (the JDBC URL pins
-- the session time zone). The tcc_fence_log table comes from db/seata/tcc (V1_2).

CREATE TABLE fund_account
(
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    owner_type      VARCHAR(16) NOT NULL,
    -- a merchant id such as M-ONLINE-RETAIL, or a user id as a decimal string
    owner_id        VARCHAR(64) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    available_cents BIGINT      NOT NULL DEFAULT 0,
    -- credits tried (TCC), not yet confirmed
    incoming_cents  BIGINT      NOT NULL DEFAULT 0,
    -- debits tried (TCC), not yet confirmed
    outgoing_cents  BIGINT      NOT NULL DEFAULT 0,
    created_at      DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at      DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_fund_account_owner (owner_type, owner_id),
    -- last line of defence: the conditional UPDATEs already refuse to go below zero
    CONSTRAINT ck_fund_account_non_negative
        CHECK (available_cents >= 0 AND incoming_cents >= 0 AND outgoing_cents >= 0),
    CONSTRAINT ck_fund_account_owner_type CHECK (owner_type IN ('MERCHANT', 'USER')),
    CONSTRAINT ck_fund_account_status CHECK (status IN ('ACTIVE', 'FROZEN'))
) ENGINE = InnoDB;

-- Append-only. reference is the payment id (TCC rows) or the top-up id; OPENING rows carry the
-- reference of the operation that opened the account. xid/branch_id identify the TCC branch and
-- are NULL for OPENING-by-top-up and TOP_UP rows. The unique key makes each phase of a branch
-- happen at most once even without the fence.
CREATE TABLE fund_ledger
(
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    account_id      BIGINT       NOT NULL,
    reference       VARCHAR(64)  NOT NULL,
    entry_type      VARCHAR(16)  NOT NULL,
    delta_available BIGINT       NOT NULL,
    delta_incoming  BIGINT       NOT NULL,
    delta_outgoing  BIGINT       NOT NULL,
    xid             VARCHAR(128) NULL,
    branch_id       BIGINT       NULL,
    created_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    KEY ix_fund_ledger_account (account_id),
    KEY ix_fund_ledger_reference (reference),
    UNIQUE KEY uk_fund_ledger_branch_phase (xid, branch_id, entry_type),
    CONSTRAINT ck_fund_ledger_type CHECK (entry_type IN ('OPENING', 'TOP_UP',
        'CREDIT_TRY', 'CREDIT_CONFIRM', 'CREDIT_CANCEL', 'DEBIT_TRY', 'DEBIT_CONFIRM', 'DEBIT_CANCEL'))
) ENGINE = InnoDB;

-- One row per applied top-up: the primary key makes the same top-up id add money once.
CREATE TABLE fund_top_up
(
    top_up_id    VARCHAR(64) NOT NULL,
    account_id   BIGINT      NOT NULL,
    amount_cents BIGINT      NOT NULL,
    created_at   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (top_up_id),
    KEY ix_fund_top_up_account (account_id),
    CONSTRAINT ck_fund_top_up_amount CHECK (amount_cents > 0)
) ENGINE = InnoDB;
