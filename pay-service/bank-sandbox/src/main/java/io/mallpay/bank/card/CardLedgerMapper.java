package io.mallpay.bank.card;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/** The card ledger; rows are only ever inserted. */
@Mapper
public interface CardLedgerMapper extends BaseMapper<CardLedgerEntry> {
}
