-- Reward points granted by the payment platform through the TCC action points-reward (DESIGN.md
-- flow 3). One row per payment: the try writes it TRIED, the TC's confirm moves it to CONFIRMED and
-- only then credits the points (points_award + points_account + one AWARD ledger row, reason
-- PAYMENT_REWARD), its cancel moves it to CANCELLED. The try never touches points_account or
-- points_ledger: a TCC try is not AT-logged, so it must not write rows that AT branches own.
-- xid is the global transaction that tried the reward last; a cancel only acts on its own xid.
-- Seata's fence (tcc_fence_log) makes each phase run once per branch; this table makes the reward
-- count once per payment even across global transactions.

CREATE TABLE points_reward
(
    payment_id VARCHAR(64)  NOT NULL,
    order_id   BIGINT       NOT NULL,
    user_id    BIGINT       NOT NULL,
    points     BIGINT       NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    xid        VARCHAR(128) NOT NULL,
    created_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (payment_id),
    -- the balance endpoint sums a user's TRIED rewards
    KEY ix_points_reward_user_status (user_id, status),
    CONSTRAINT ck_points_reward_points CHECK (points > 0),
    CONSTRAINT ck_points_reward_status CHECK (status IN ('TRIED', 'CONFIRMED', 'CANCELLED'))
) ENGINE = InnoDB;
