-- Seata AT undo log (client 2.x, MySQL/MariaDB). Every database with AT branches needs it:
-- the RM writes before/after images here in the branch's local transaction and the TC's
-- rollback replays them. Source: seata script/client/at/db/mysql.sql.
CREATE TABLE IF NOT EXISTS undo_log
(
    branch_id     BIGINT       NOT NULL COMMENT 'branch transaction id',
    xid           VARCHAR(128) NOT NULL COMMENT 'global transaction id',
    context       VARCHAR(128) NOT NULL COMMENT 'undo_log context, such as serialization',
    rollback_info LONGBLOB     NOT NULL COMMENT 'rollback info',
    log_status    INT(11)      NOT NULL COMMENT '0: normal status, 1: defense status',
    log_created   DATETIME(6)  NOT NULL COMMENT 'create datetime',
    log_modified  DATETIME(6)  NOT NULL COMMENT 'modify datetime',
    UNIQUE KEY ux_undo_log (xid, branch_id)
) ENGINE = InnoDB COMMENT = 'AT transaction mode undo table';
ALTER TABLE undo_log ADD INDEX ix_log_created (log_created);
