-- Seata TCC fence log (useTCCFence = true). One row per (xid, branch_id) records whether the
-- try ran, committed or rolled back, which makes confirm/cancel idempotent, lets a cancel with
-- no try succeed (empty rollback) and refuses a try that arrives after its cancel (suspension).
-- Source: seata script/client/tcc/db/mysql.sql.
CREATE TABLE IF NOT EXISTS tcc_fence_log
(
    xid           VARCHAR(128) NOT NULL COMMENT 'global id',
    branch_id     BIGINT       NOT NULL COMMENT 'branch id',
    action_name   VARCHAR(64)  NOT NULL COMMENT 'action name',
    status        TINYINT      NOT NULL COMMENT 'status(tried:1;committed:2;rollbacked:3;suspended:4)',
    gmt_create    DATETIME(3)  NOT NULL COMMENT 'create time',
    gmt_modified  DATETIME(3)  NOT NULL COMMENT 'update time',
    PRIMARY KEY (xid, branch_id),
    KEY idx_gmt_modified (gmt_modified),
    KEY idx_status (status)
) ENGINE = InnoDB;
