-- Payment orders, received bank callbacks, replay-protection nonces, merchant notifications (the
-- local message table of DESIGN.md flow 5 / seed 004) and users' bound cards. Amounts in pence,
-- timestamps UTC. payment and merchant_notification are written by the completion global
-- transaction's local AT branch: every other writer of them uses @GlobalLock + SELECT ... FOR UPDATE.

CREATE TABLE payment
(
    payment_id       VARCHAR(32)  NOT NULL,
    idempotency_key  VARCHAR(64)  NOT NULL,
    order_id         BIGINT       NOT NULL,
    -- order_id while the payment is PENDING or PAID, NULL once FAILED or CLOSED: the unique key
    -- allows one live payment per order and any number of failed attempts.
    live_order_id    BIGINT       NULL,
    user_id          BIGINT       NOT NULL,
    merchant_id      VARCHAR(64)  NOT NULL,
    method           VARCHAR(8)   NOT NULL,
    card_number      VARCHAR(32)  NULL,
    amount_cents     BIGINT       NOT NULL,
    commission_cents BIGINT       NULL,
    reward_points    BIGINT       NULL,
    status           VARCHAR(8)   NOT NULL,
    failure_code     VARCHAR(32)  NULL,
    bank_txn_id      VARCHAR(64)  NULL,
    bank_submitted   TINYINT(1)   NOT NULL DEFAULT 0,
    completion_xid   VARCHAR(128) NULL,
    created_at       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    paid_at          DATETIME(3)  NULL,
    PRIMARY KEY (payment_id),
    UNIQUE KEY uk_payment_idempotency (idempotency_key),
    UNIQUE KEY uk_payment_live_order (live_order_id),
    KEY ix_payment_merchant (merchant_id, created_at),
    KEY ix_payment_status (status, created_at),
    KEY ix_payment_user (user_id, created_at),
    CONSTRAINT ck_payment_method CHECK (method IN ('CARD', 'WALLET')),
    CONSTRAINT ck_payment_status CHECK (status IN ('PENDING', 'PAID', 'FAILED', 'CLOSED')),
    CONSTRAINT ck_payment_amount CHECK (amount_cents > 0)
) ENGINE = InnoDB;

-- Every callback that reached the endpoint, accepted or not: rejected ones (forged, tampered,
-- replayed, unknown) are kept here with their reason and body for operators.
CREATE TABLE bank_callback
(
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    payment_id   VARCHAR(64)  NULL,
    outcome      VARCHAR(16)  NOT NULL,
    reason       VARCHAR(32)  NULL,
    bank_status  VARCHAR(16)  NULL,
    amount_cents BIGINT       NULL,
    nonce        VARCHAR(128) NULL,
    sent_at      VARCHAR(32)  NULL,
    body         TEXT         NULL,
    received_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    KEY ix_bank_callback_payment (payment_id),
    KEY ix_bank_callback_outcome (outcome, received_at),
    CONSTRAINT ck_bank_callback_outcome CHECK (outcome IN ('ACCEPTED', 'DUPLICATE', 'REJECTED'))
) ENGINE = InnoDB;

-- Nonces of verified callbacks within the replay window; the primary key refuses a replay.
CREATE TABLE bank_nonce
(
    nonce       VARCHAR(128) NOT NULL,
    received_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (nonce),
    KEY ix_bank_nonce_received (received_at)
) ENGINE = InnoDB;

-- The local message table: written in the same local transaction as the PAID status, delivered
-- by the scheduler (notify_count, next_notify_time on a widening schedule).
-- notify_status: PENDING (to send), SUCCESS, REJECTED (the merchant answered 4xx: terminal until
-- an operator resends), FAILED (the schedule ran out).
CREATE TABLE merchant_notification
(
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    payment_id       VARCHAR(32)  NOT NULL,
    merchant_id      VARCHAR(64)  NOT NULL,
    order_id         BIGINT       NOT NULL,
    notify_content   TEXT         NOT NULL,
    notify_status    VARCHAR(8)   NOT NULL,
    notify_count     INT          NOT NULL DEFAULT 0,
    next_notify_time DATETIME(3)  NOT NULL,
    last_result      VARCHAR(512) NULL,
    created_at       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_notification_payment (payment_id),
    KEY ix_notification_due (notify_status, next_notify_time),
    CONSTRAINT ck_notification_status CHECK (notify_status IN ('PENDING', 'SUCCESS', 'REJECTED', 'FAILED'))
) ENGINE = InnoDB;

-- The card a user pays with when a CARD payment names none (checked against the bank on binding).
CREATE TABLE user_card
(
    user_id     BIGINT      NOT NULL,
    card_number VARCHAR(32) NOT NULL,
    bound_at    DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (user_id)
) ENGINE = InnoDB;
