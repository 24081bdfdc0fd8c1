package io.mallpay.points.ledger;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/**
 * Writes ledger rows ({@code insert} fills the auto-increment id). Rows are never updated or
 * deleted by the service; only a Seata AT rollback removes a row its branch inserted.
 */
@Mapper
public interface LedgerMapper extends BaseMapper<LedgerEntry> {
}
